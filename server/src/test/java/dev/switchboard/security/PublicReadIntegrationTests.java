package dev.switchboard.security;

import static dev.switchboard.security.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.switchboard.gateway.GatewayTestApplication;

/** {@code switchboard.api.public-read=true}: anyone reads; writing still takes a person. */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.api.local-operator=", "switchboard.api.public-read=true",
				"switchboard.api.tokens.priya-natarajan=" + PublicReadIntegrationTests.PRIYA,
				"switchboard.api.tokens.mallory-unlisted=" + PublicReadIntegrationTests.MALLORY })
@ActiveProfiles("gatewaytest")
class PublicReadIntegrationTests {

	static final String PRIYA = "priya-public-read";

	static final String MALLORY = "mallory-public-read";

	@LocalServerPort
	private int port;

	@Test
	void anonymousReadsAnswerButWritesStillNeedAPersonInOwnership() {
		ApiClient api = new ApiClient(port);
		ApiClient.Reply declared = api.post("/api/incidents", PRIYA, json("runbook", "ai-outage"));
		assertThat(declared.status()).isEqualTo(201);
		String id = declared.json().get("id").asString();

		assertThat(api.get("/api/runbooks", null).status()).isEqualTo(200);
		assertThat(api.get("/api/incidents/" + id, null).status()).isEqualTo(200);
		assertThat(api.get("/api/who/invoice-extraction", null).status()).isEqualTo(200);

		ApiClient.Reply anonymousWrite = api.post("/api/incidents/" + id + "/notes", null, json("text", "hi"));
		assertThat(anonymousWrite.status()).isEqualTo(401);
		assertThat(anonymousWrite.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(api.post("/api/incidents/" + id + "/notes", MALLORY, json("text", "hi")).code()).isEqualTo("UNKNOWN_PERSON");
		assertThat(api.get("/api/incidents/" + id, "wrong-token").status()).as("a wrong token is reported, not ignored")
			.isEqualTo(401);
		assertThat(api.get("/", null).status()).as("public API reads do not open the console").isEqualTo(403);
	}
}
