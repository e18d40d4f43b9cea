package dev.switchboard.security;

import static dev.switchboard.security.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.drill.Drills;
import dev.switchboard.gateway.GatewayTestApplication;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.ChatRef;

/**
 * Who may read and write the API, over real HTTP, on a server exposed like a production one (no
 * local operator): every {@code /api} path, reads included, needs a token bound to a person who is in
 * ownership.yaml <em>now</em>.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.api.local-operator=", "switchboard.api.tokens.priya-natarajan=" + ApiAccessIntegrationTests.PRIYA,
				"switchboard.api.tokens.mallory-unlisted=" + ApiAccessIntegrationTests.MALLORY,
				"switchboard.api.tokens.tess-temporary=" + ApiAccessIntegrationTests.TESS })
@ActiveProfiles("gatewaytest")
class ApiAccessIntegrationTests {

	static final String PRIYA = "priya-token-7f3a9c";

	static final String MALLORY = "mallory-token-51be02";

	static final String TESS = "tess-token-c0ffee";

	private static final Path OWNERSHIP = ownershipWithTess();

	@DynamicPropertySource
	static void ownership(DynamicPropertyRegistry registry) {
		registry.add("switchboard.catalog.ownership", OWNERSHIP::toString);
	}

	@Autowired
	private CatalogRegistry catalogs;

	@Autowired
	private Drills drills;

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@AfterAll
	static void removeCopy() throws IOException {
		Files.deleteIfExists(OWNERSHIP);
	}

	@Test
	void everyReadAnswers401WithoutATokenAnd403ToATokenOfSomeoneNotInOwnership() {
		String id = declare(PRIYA).json().get("id").asString();
		long drill = drills.start("ai-outage", null, new Actor("priya-natarajan"), ChatRef.NONE, null).incidentId();
		List<String> reads = List.of("/api/runbooks", "/api/runbooks/ai-outage", "/api/catalog/findings", "/api/incidents",
				"/api/incidents/" + id, "/api/incidents/" + id + "/postmortem", "/api/incidents/" + id + "/route-changes",
				"/api/who/invoice-extraction", "/api/who/priya-natarajan", "/api/vendors", "/api/vendors/openai",
				"/api/gateway/routes", "/api/drills/INC-" + drill + "/report", "/ofrep/v1/evaluate/flags/any",
				"/any/other/path");
		for (String path : reads) {
			ApiClient.Reply anonymous = api.get(path, null);
			assertThat(anonymous.status()).as(path + " " + anonymous).isEqualTo(401);
			assertThat(anonymous.code()).as(path).isEqualTo("UNAUTHENTICATED");
			assertThat(anonymous.body()).as(path).doesNotContain("priya", "@", "internal");

			ApiClient.Reply mallory = api.get(path, MALLORY);
			assertThat(mallory.status()).as(path + " " + mallory).isEqualTo(403);
			assertThat(mallory.code()).as(path).isEqualTo("UNKNOWN_PERSON");
			assertThat(mallory.json().get("detail").asString()).contains("mallory-unlisted", "ownership.yaml");

			ApiClient.Reply wrong = api.get(path, "not-a-token");
			assertThat(wrong.status()).as(path + " " + wrong).isEqualTo(401);
		}
		for (String path : reads.subList(0, 13)) {
			assertThat(api.get(path, PRIYA).status()).as(path).isEqualTo(200);
		}
		assertThat(api.get("/api/drills/INC-" + drill + "/report", PRIYA).body()).contains("DRILL", "Score");
	}

	@Test
	void healthAndTheApiDocumentStayOpenForProbesAndTooling() {
		assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
	}

	@Test
	void aTokenStopsReadingAndWritingAsSoonAsItsPersonIsRemovedFromOwnership() throws IOException {
		String id = declare(PRIYA).json().get("id").asString();
		assertThat(api.get("/api/incidents/" + id, TESS).status()).isEqualTo(200);
		assertThat(api.post("/api/incidents/" + id + "/notes", TESS, json("text", "tess was here")).status()).isEqualTo(200);

		String original = Files.readString(OWNERSHIP);
		try {
			Files.writeString(OWNERSHIP, original.replace(TESS_ENTRY, ""));
			catalogs.reload();
			assertThat(catalogs.current().ownership().person("tess-temporary")).isEmpty();

			ApiClient.Reply read = api.get("/api/incidents/" + id, TESS);
			assertThat(read.status()).as(read.toString()).isEqualTo(403);
			assertThat(read.code()).isEqualTo("UNKNOWN_PERSON");
			assertThat(api.get("/api/who/priya-natarajan", TESS).status()).isEqualTo(403);
			ApiClient.Reply write = api.post("/api/incidents/" + id + "/notes", TESS, json("text", "still here?"));
			assertThat(write.status()).isEqualTo(403);
			assertThat(api.get("/api/incidents/" + id, PRIYA).json().get("timeline").toString())
				.contains("tess was here")
				.doesNotContain("still here?");
		}
		finally {
			Files.writeString(OWNERSHIP, original);
			catalogs.reload();
		}
	}

	@Test
	void writesStayAttributedToTheTokensPerson() {
		String id = declare(PRIYA).json().get("id").asString();
		ApiClient.Reply noted = api.post("/api/incidents/" + id + "/notes", PRIYA, json("text", "checked the status page"));
		assertThat(noted.status()).isEqualTo(200);
		assertThat(lastEvent(noted).get("actor").asString()).isEqualTo("priya-natarajan");
		assertThat(api.post("/api/incidents/" + id + "/notes", null, json("text", "anonymous")).status()).isEqualTo(401);
	}

	private ApiClient.Reply declare(String token) {
		ApiClient.Reply declared = api.post("/api/incidents", token, json("runbook", "ai-outage", "severity", "sev2"));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		return declared;
	}

	private static tools.jackson.databind.JsonNode lastEvent(ApiClient.Reply reply) {
		tools.jackson.databind.JsonNode timeline = reply.json().get("timeline");
		return timeline.get(timeline.size() - 1);
	}

	private static final String TESS_ENTRY = """
			  - id: tess-temporary
			    name: Tess Temporary
			    email: tess@example.invalid
			""";

	/** The shipped ownership.yaml plus one person nobody else refers to, so removing her keeps the file valid. */
	private static Path ownershipWithTess() {
		try {
			String shipped = Files.readString(Path.of("../ownership.yaml"));
			Path copy = Files.createTempFile("ownership-", ".yaml");
			Files.writeString(copy, shipped.replaceFirst("people:\n", "people:\n" + TESS_ENTRY));
			return copy;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void theConsoleShowsNothingToAnonymousCallersOrPeopleNotInOwnership() {
		declare(PRIYA);
		for (String token : new String[] { null, MALLORY }) {
			ApiClient.Reply page = api.get("/", token);
			assertThat(page.status()).as("console for " + token).isEqualTo(403);
			assertThat(page.body()).as("console for " + token).doesNotContain("priya", "INC-");
		}
	}
}
