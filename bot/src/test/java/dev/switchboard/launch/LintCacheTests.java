package dev.switchboard.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCacheTests {

	@TempDir
	Path tmp;

	@Test
	void extractsNestedJarsAndClassesIntoAPlainClassPathInSpringBootsOrder() throws IOException {
		Path jar = bootJar(tmp.resolve("switchboard.jar"), "v1");
		LintCache.Entry entry = LintCache.open(tmp.resolve("cache"), jar);

		List<String> classPath = List.of(entry.classPath().split(File.pathSeparator));
		assertThat(classPath).containsExactly(entry.dir().resolve("app.jar").toString(),
				entry.dir().resolve("lib/b.jar").toString(), entry.dir().resolve("lib/a.jar").toString());
		assertThat(Files.readString(entry.dir().resolve("lib/a.jar"))).isEqualTo("jar a v1");
		try (ZipFile app = new ZipFile(entry.dir().resolve("app.jar").toFile())) {
			assertThat(new String(app.getInputStream(app.getEntry("dev/switchboard/Main.class")).readAllBytes(),
					StandardCharsets.UTF_8)).isEqualTo("main v1");
			assertThat(app.getEntry("BOOT-INF/classes/dev/switchboard/Main.class")).isNull();
		}
		assertThat(entry.archive()).isEqualTo(entry.dir().resolve("lint.jsa")).doesNotExist();
	}

	@Test
	void reusesTheExtractionForTheSameJarAndReplacesItWhenTheJarIsRebuilt() throws IOException {
		Path cache = tmp.resolve("cache");
		Path jar = bootJar(tmp.resolve("switchboard.jar"), "v1");
		LintCache.Entry first = LintCache.open(cache, jar);
		Files.writeString(first.dir().resolve("marker"), "still here");

		assertThat(LintCache.open(cache, jar).dir()).isEqualTo(first.dir());
		assertThat(first.dir().resolve("marker")).exists();

		bootJar(jar, "v2 is longer");
		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
		LintCache.Entry rebuilt = LintCache.open(cache, jar);
		assertThat(rebuilt.dir()).isNotEqualTo(first.dir());
		assertThat(Files.readString(rebuilt.dir().resolve("lib/a.jar"))).isEqualTo("jar a v2 is longer");
		assertThat(first.dir()).doesNotExist();
		try (var left = Files.list(cache)) {
			assertThat(left).containsExactly(rebuilt.dir());
		}
	}

	@Test
	void aNewExtractionRemovesWhatAKilledFirstRunLeftBehindButNotOneInProgress() throws IOException {
		Path cache = Files.createDirectories(tmp.resolve("cache"));
		Path abandoned = Files.createDirectories(cache.resolve("extracting-123/lib"));
		Files.setLastModifiedTime(abandoned.getParent(),
				FileTime.fromMillis(System.currentTimeMillis() - LintCache.ABANDONED.toMillis() - 60_000));
		Path inProgress = Files.createDirectories(cache.resolve("extracting-456"));

		LintCache.Entry entry = LintCache.open(cache, bootJar(tmp.resolve("switchboard.jar"), "v1"));

		assertThat(abandoned.getParent()).doesNotExist();
		assertThat(inProgress).exists();
		assertThat(entry.dir()).exists();
	}

	@Test
	void anotherJarPathKeepsItsOwnExtraction() throws IOException {
		Path cache = tmp.resolve("cache");
		LintCache.Entry one = LintCache.open(cache, bootJar(tmp.resolve("one.jar"), "v1"));
		LintCache.Entry two = LintCache.open(cache, bootJar(tmp.resolve("two.jar"), "v1"));
		assertThat(one.dir()).isNotEqualTo(two.dir()).exists();
		assertThat(two.dir()).exists();
	}

	@Test
	void concurrentFirstRunsAgreeOnOneExtractionAndLeaveNoTemporaryFolders() throws Exception {
		Path cache = tmp.resolve("cache");
		Path jar = bootJar(tmp.resolve("switchboard.jar"), "v1");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<LintCache.Entry> open = () -> LintCache.open(cache, jar);
			List<Future<LintCache.Entry>> runs = pool.invokeAll(List.of(open, open, open, open));
			for (Future<LintCache.Entry> run : runs) {
				assertThat(run.get().dir()).isEqualTo(runs.get(0).get().dir());
				assertThat(run.get().classPath()).isEqualTo(runs.get(0).get().classPath());
			}
		}
		finally {
			pool.shutdownNow();
		}
		try (var left = Files.list(cache)) {
			assertThat(left).hasSize(1);
		}
	}

	@Test
	void refusesAJarThatIsNotASpringBootJar() throws IOException {
		Path plain = tmp.resolve("plain.jar");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
			zip.putNextEntry(new ZipEntry("x/Y.class"));
			zip.closeEntry();
		}
		assertThatThrownBy(() -> LintCache.open(tmp.resolve("cache"), plain)).isInstanceOf(IOException.class)
			.hasMessageContaining("not a Spring Boot jar");
		try (var left = Files.list(tmp.resolve("cache"))) {
			assertThat(left).as("the temporary folder is removed").isEmpty();
		}
	}

	@Test
	void cacheFolderComesFromSwitchboardCacheDirThenXdgThenHome() {
		assertThat(LintCache.root(Map.of("SWITCHBOARD_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x"), "/h"))
			.isEqualTo(Path.of("/c"));
		assertThat(LintCache.root(Map.of("XDG_CACHE_HOME", "/x"), "/h")).isEqualTo(Path.of("/x/switchboard"));
		assertThat(LintCache.root(Map.of(), "/h")).isEqualTo(Path.of("/h/.cache/switchboard"));
		assertThat(LintCache.root(Map.of(), "?")).as("no home: no cache, lint runs in-process").isNull();
	}

	/** A jar laid out as Spring Boot lays it out: stored nested jars, an index, application classes. */
	private static Path bootJar(Path jar, String version) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			text(zip, "BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/b.jar\"\n- \"BOOT-INF/lib/a.jar\"\n");
			stored(zip, "BOOT-INF/lib/a.jar", "jar a " + version);
			stored(zip, "BOOT-INF/lib/b.jar", "jar b " + version);
			text(zip, "BOOT-INF/classes/", "");
			text(zip, "BOOT-INF/classes/dev/switchboard/Main.class", "main " + version);
			text(zip, "org/springframework/boot/loader/launch/JarLauncher.class", "loader");
		}
		return jar;
	}

	private static void text(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static void stored(ZipOutputStream zip, String name, String content) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(bytes.length);
		CRC32 crc = new CRC32();
		crc.update(bytes);
		entry.setCrc(crc.getValue());
		zip.putNextEntry(entry);
		zip.write(bytes);
		zip.closeEntry();
	}
}
