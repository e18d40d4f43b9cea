package dev.switchboard.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by its chromedriver (both installed by
 * {@code .ci/run}), with its own profile, so each session has its own cookies and sign-in.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	final ChromeDriver driver;

	private final String base;

	Browser(String base) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,1000", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--no-first-run");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.base = base;
	}

	Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	/** Signs in at the OpenID provider's login form, where the console sent the browser. */
	Browser signIn(String user) {
		open("/");
		waitFor(By.name("username")).sendKeys(user);
		driver.findElement(By.name("password")).sendKeys(OpenIdProvider.PASSWORD);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(base));
		return this;
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits until the page's text contains {@code text}, without reloading it. */
	void waitForText(String text) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.withMessage(() -> "page never showed '" + text + "':\n" + text())
			.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
	}

	/** Waits until the page's text no longer contains {@code text}, without reloading it. */
	void waitForTextGone(String text) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.withMessage(() -> "page still shows '" + text + "':\n" + text())
			.until(d -> !d.findElement(By.tagName("body")).getText().contains(text));
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Presses the button or link whose visible text starts with {@code label}. */
	void press(String label) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no button '" + label + "' on:\n" + text())
			.until(d -> {
				try {
					WebElement target = d.findElements(By.cssSelector("button, a.button"))
						.stream()
						.filter(e -> e.getText().strip().startsWith(label))
						.findFirst()
						.orElse(null);
					if (target == null) {
						return null;
					}
					target.click();
					return true;
				}
				catch (StaleElementReferenceException ex) {
					return null; // the page was just replaced (a redirect or a live update): look again
				}
			});
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
