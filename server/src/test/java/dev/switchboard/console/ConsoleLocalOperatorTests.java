package dev.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;

/**
 * The embedded default: no OpenID Connect configured, the console serves the local operator on
 * loopback (as the REST API does), forms work without JavaScript, and a post without the page's CSRF
 * token is refused, so another site open in the same browser cannot act as the operator.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("gatewaytest")
class ConsoleLocalOperatorTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

	@Test
	void servesTheLocalOperatorAndDeclaresWithAPlainFormPost() throws Exception {
		HttpResponse<String> list = get("/", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Acting as <strong id=\"viewer\">Priya Natarajan</strong>");
		Matcher token = CSRF.matcher(list.body());
		assertThat(token.find()).as("every form carries the CSRF token").isTrue();

		HttpResponse<String> declared = post("/incidents",
				"runbook=ai-outage&severity=sev2&service=invoice-extraction&key=local-1&_csrf=" + token.group(1));
		assertThat(declared.statusCode()).isEqualTo(302);
		String location = declared.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/incidents/INC-[0-9]+");

		HttpResponse<String> page = get(URI.create(location).getPath(), null);
		assertThat(page.body()).contains("sev2").contains("Triage: what is failing?").contains("sse-connect=");
	}

	@Test
	void refusesAPostWithoutTheCsrfTokenAndChangesNothing() throws Exception {
		get("/", null);
		HttpResponse<String> forged = post("/incidents", "runbook=ai-outage&key=forged-1");
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void showsABearerOfAnotherPersonTheirNameAndAnUnknownTokenNothing() throws Exception {
		assertThat(get("/", "test-token-amelie").body()).contains("Amélie Laurent");
		HttpResponse<String> unknown = get("/", "not-a-token");
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(unknown.body()).doesNotContain("INC-").doesNotContain("Declare");
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
