package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI image as a container runtime would run it, without one (none runs on the build machines):
 * unpack the image tar Jib wrote, lay its layers over an empty root, read the entry point, working
 * directory and environment from the image config, and start that command with the paths rebased
 * onto the root. Only {@code java} comes from the host, standing in for the base image's JRE.
 */
class ImageEntryPointIT {

	private static final String TOKEN = "image-it-token-7d1c";

	static final Path TAR = Path.of(System.getProperty("switchboard.image.tar", "target/switchboard-layers.tar"))
		.toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theImagesEntryPointServesAndReportsHealthUp(@TempDir Path work) throws Exception {
		assertThat(TAR).as("the image tar (jib:buildTar runs in the package phase)").isRegularFile();
		Path image = Files.createDirectories(work.resolve("image"));
		untar(TAR, image, false);

		Image config = Image.read(image);
		assertThat(config.layers()).as("libraries, resources, classes, the catalog").hasSizeGreaterThanOrEqualTo(3);
		Path root = Files.createDirectories(work.resolve("root"));
		for (Path layer : config.layers()) {
			untar(layer, root, true);
		}
		assertThat(config.entrypoint().get(0)).isEqualTo("java");
		assertThat(config.workingDir()).isEqualTo("/srv/switchboard");
		assertThat(root.resolve("srv/switchboard/ownership.yaml")).isRegularFile();
		assertThat(root.resolve("srv/switchboard/runbooks/ai-outage.md")).isRegularFile();

		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		for (String arg : config.entrypoint().subList(1, config.entrypoint().size())) {
			command.add(rebase(arg, root, work));
		}
		command.addAll(config.cmd());
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(config.workingDir().substring(1)).toFile());
		builder.environment().putAll(config.env());
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		// how an operator gives a person their token: in the environment, never in the image
		builder.environment().put("SWITCHBOARD_API_TOKENS_PRIYA-NATARAJAN", TOKEN);
		builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + work.resolve("db")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		Path log = work.resolve("image.log");
		Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpApi api = new HttpApi(port);
			awaitUp(api, process, log);
			Response runbooks = api.get("/api/runbooks", TOKEN);
			assertThat(runbooks.status()).as(runbooks.toString()).isEqualTo(200);
			assertThat(runbooks.body()).as("the sample catalog shipped in the image")
				.contains("\"ai-outage\"", "\"format-drift\"");
			assertThat(config.env()).containsEntry("SERVER_ADDRESS", "0.0.0.0");
			// no local operator in the image: a token-less request is refused even from loopback
			assertThat(api.get("/api/incidents", null).status()).isEqualTo(401);
			assertThat(api.get("/api/runbooks", null).status()).as("reads need a person too").isEqualTo(401);
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/** The parts of an image a runtime reads: layers in order, entry point, cmd, env, working dir. */
	record Image(List<Path> layers, List<String> entrypoint, List<String> cmd, Map<String, String> env,
			String workingDir) {

		/** Docker's manifest.json if the tar has one, else the OCI layout's index.json. */
		static Image read(Path dir) throws IOException {
			JsonNode manifest;
			JsonNode configNode;
			List<Path> layers = new ArrayList<>();
			if (Files.exists(dir.resolve("manifest.json"))) {
				manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
				configNode = JSON.readTree(dir.resolve(manifest.get("Config").asString()).toFile());
				manifest.get("Layers").forEach(l -> layers.add(dir.resolve(l.asString())));
			}
			else {
				JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
				manifest = JSON.readTree(blob(dir, index.at("/manifests/0/digest").asString()).toFile());
				configNode = JSON.readTree(blob(dir, manifest.at("/config/digest").asString()).toFile());
				manifest.get("layers").forEach(l -> layers.add(blob(dir, l.get("digest").asString())));
			}
			JsonNode c = configNode.get("config");
			Map<String, String> env = new java.util.LinkedHashMap<>();
			if (c.has("Env")) {
				c.get("Env").forEach(e -> {
					String[] kv = e.asString().split("=", 2);
					env.put(kv[0], kv.length > 1 ? kv[1] : "");
				});
			}
			return new Image(layers, strings(c.get("Entrypoint")), strings(c.get("Cmd")), env,
					c.has("WorkingDir") ? c.get("WorkingDir").asString() : "/");
		}

		private static Path blob(Path dir, String digest) {
			return dir.resolve("blobs").resolve(digest.replace(':', '/'));
		}

		private static List<String> strings(JsonNode array) {
			List<String> out = new ArrayList<>();
			if (array != null && array.isArray()) {
				array.forEach(v -> out.add(v.asString()));
			}
			return out;
		}
	}

	/**
	 * An absolute path of the image onto the unpacked root; {@code @file} arguments (Jib's classpath
	 * file) get a rebased copy of the file.
	 */
	private static String rebase(String arg, Path root, Path work) throws IOException {
		if (arg.startsWith("@/")) {
			String text = Files.readString(root.resolve(arg.substring(2)));
			Path copy = work.resolve("rebased-" + Path.of(arg.substring(1)).getFileName());
			Files.writeString(copy, rebaseText(text, root));
			return "@" + copy;
		}
		return rebaseText(arg, root);
	}

	private static String rebaseText(String text, Path root) {
		return text.replaceAll("(^|[:\\s])/app/", "$1" + java.util.regex.Matcher.quoteReplacement(root + "/app/"));
	}

	private static void untar(Path tar, Path into, boolean gzip) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("tar", gzip ? "-xzf" : "-xf", tar.toString(), "-C", into.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as("tar " + tar + ": " + out).isZero();
	}

	private static void awaitUp(HttpApi api, Process process, Path log) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				fail("the image's entry point exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				Response health = api.get("/actuator/health", null);
				if (health.status() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		fail("not UP within 180 s:\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
