package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.switchboard.HttpApi;
import dev.switchboard.HttpApi.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the server serves at {@code /v3/api-docs}: it is the committed
 * {@code docs/openapi.json} (which the generated-client test builds from), it carries the build's
 * version, and it documents authentication, problems and idempotency on every operation.
 */
@ContractServer
class OpenApiDocumentTests {

	static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

	static final Path SERVED = Path.of("target", "openapi", "openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BuildProperties build;

	JsonNode served;

	@BeforeAll
	static void clean() throws IOException {
		Files.deleteIfExists(SERVED);
	}

	JsonNode served() throws IOException {
		if (served == null) {
			Response response = new HttpApi(port).get("/v3/api-docs", null);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			served = response.json();
			Files.createDirectories(SERVED.getParent());
			Files.writeString(SERVED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
		}
		return served;
	}

	@Test
	void theServedDocumentIsTheCommittedOneClientsGenerateFrom() throws IOException {
		JsonNode document = served();
		JsonNode committed = JSON.readTree(COMMITTED.toFile());
		// the version moves with every release; the next test checks it against the build
		ObjectNode comparable = (ObjectNode) document.deepCopy();
		((ObjectNode) comparable.get("info")).set("version", committed.get("info").get("version"));
		assertThat(comparable)
			.as("docs/openapi.json is out of date: copy bot/target/openapi/openapi.json over it and review the diff")
			.isEqualTo(committed);
	}

	@Test
	void namesTheApiAndCarriesTheBuildVersion() throws IOException {
		JsonNode info = served().get("info");
		assertThat(info.get("title").asString()).isEqualTo("Switchboard API");
		assertThat(build.getVersion()).isNotBlank();
		assertThat(info.get("version").asString()).isEqualTo(build.getVersion());
		assertThat(info.get("description").asString()).contains("Authorization: Bearer", "Idempotency-Key",
				"application/problem+json");
	}

	@Test
	void everyOperationHasASummaryTheBearerSchemeAndItsProblems() throws IOException {
		JsonNode document = served();
		assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
		List<String> seen = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String where = op.getKey() + " " + path.getKey();
				JsonNode operation = op.getValue();
				seen.add(where);
				assertThat(operation.get("summary")).as(where).isNotNull();
				assertThat(operation.get("operationId")).as(where).isNotNull();
				JsonNode responses = operation.get("responses");
				for (String status : List.of("400", "401", "403")) {
					assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
						.as(where + " " + status)
						.isEqualTo("#/components/schemas/Problem");
				}
				if (path.getKey().contains("{")) {
					assertThat(responses.has("404")).as(where).isTrue();
				}
				if (op.getKey().equals("post")) {
					assertThat(responses.has("409")).as(where).isTrue();
					assertThat(responses.has("422")).as(where).isTrue();
					assertThat(operation.get("parameters").valueStream()
						.filter(p -> p.get("in").asString().equals("header"))
						.map(p -> p.get("name").asString())).as(where).contains("Idempotency-Key");
				}
			}
		}
		assertThat(seen).contains("post /api/incidents", "post /api/incidents/{id}/choices",
				"post /api/incidents/{id}/resolve", "get /api/incidents/{id}");
		// the codes come from the mapping the API answers with
		assertThat(document.at("/paths/~1api~1incidents/post/responses/409/description").asString())
			.contains("`STEP_ALREADY_DECIDED`", "`CONCURRENT_CHANGE`");
		assertThat(document.at("/paths/~1api~1incidents/post/responses/422/description").asString())
			.contains("`UNKNOWN_RUNBOOK`", "`UNKNOWN_SERVICE`");
	}

	@Test
	void servesTheJsonSchemasEditorsValidateWith() throws IOException {
		HttpApi api = new HttpApi(port);
		for (String name : List.of("ownership", "runbook-front-matter", "drill-scenario")) {
			Response schema = api.get("/schema/" + name + ".schema.json", null);
			assertThat(schema.status()).as(schema.toString()).isEqualTo(200);
			assertThat(schema.contentType()).startsWith("application/json");
			assertThat(JSON.readTree(schema.body()))
				.isEqualTo(JSON.readTree(Path.of("..", "schema", name + ".schema.json").toFile()));
		}
		assertThat(api.get("/schema/unknown.schema.json", null).status()).isEqualTo(404);
	}
}
