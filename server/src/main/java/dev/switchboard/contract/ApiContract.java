package dev.switchboard.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Turns what springdoc reads off the controllers into a document worth generating a client from:
 * info, the bearer scheme applied to every operation, tags by area, the problem responses by
 * operation kind (reads, writes, with or without a path id) and the idempotency headers on writes.
 */
final class ApiContract implements OpenApiCustomizer {

	static final String BEARER = "bearerAuth";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	/** Path prefix to tag; the first match wins, so longer prefixes come first. */
	private static final Map<String, String> TAGS = tags();

	private static final Map<String, String> TAG_DESCRIPTIONS = Map.of("Incidents",
			"Declare an incident from a runbook, walk its decision tree, run its actions, resolve it.",
			"Route changes", "Gateway route changes an incident made: in effect, roll back, renew the lease.",
			"Runbooks", "The runbook catalog as loaded, and what the linter found in it.", "Directory",
			"Who owns what (ownership.yaml): people, services and vendors.", "Gateway",
			"Live gateway routes compared with ownership.yaml.", "Drills", "Scored reports of drills.");

	private final String version;

	private final ProblemCatalog problems;

	ApiContract(String version, ProblemCatalog problems) {
		this.version = version;
		this.problems = problems;
	}

	@Override
	public void customise(OpenAPI api) {
		api.info(new Info().title("Switchboard API")
			.version(version)
			.summary("Incidents walked from runbooks, ownership and gateway route changes")
			.description(DESCRIPTION));
		api.servers(List.of(new Server().url("/").description("The Switchboard server that serves this document")));
		Components components = api.getComponents() != null ? api.getComponents() : new Components();
		api.components(components);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A token bound to one person in the server's configuration "
							+ "(`switchboard.api.tokens.<person>=<token>`); every write is attributed to that person."));
		components.addSchemas(PROBLEM, problemSchema());
		api.security(List.of(new SecurityRequirement().addList(BEARER)));
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> document(path, method, operation)));
		}
		api.tags(TAG_DESCRIPTIONS.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new Tag().name(e.getKey()).description(e.getValue()))
			.toList());
	}

	private void document(String path, PathItem.HttpMethod method, Operation operation) {
		operation.tags(List.of(tag(path)));
		boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
				|| method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
		List<Integer> statuses = new ArrayList<>(List.of(400, 401, 403));
		if (path.contains("{")) {
			statuses.add(404);
		}
		if (write) {
			idempotencyKey(operation);
			statuses.add(409);
			if (operation.getRequestBody() != null) {
				statuses.add(413);
			}
			statuses.add(422);
		}
		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		operation.responses(responses);
		if (write) {
			responses.forEach((status, response) -> {
				if (status.startsWith("2")) {
					response.addHeaderObject("Idempotent-Replay", new Header()
						.description("`true` when this reply is for an earlier request with the same `Idempotency-Key`, "
								+ "which was applied then and not again now")
						.schema(new StringSchema()._enum(List.of("true", "false"))));
				}
			});
		}
		statuses.stream()
			.sorted()
			.forEach(status -> responses.addApiResponse(String.valueOf(status), problem(problems.entry(status))));
	}

	private static void idempotencyKey(Operation operation) {
		List<Parameter> parameters = operation.getParameters() != null ? new ArrayList<>(operation.getParameters())
				: new ArrayList<>();
		Parameter key = parameters.stream()
			.filter(p -> "header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()))
			.findFirst()
			.orElseGet(() -> {
				Parameter added = new HeaderParameter().name(IDEMPOTENCY_KEY).required(false);
				parameters.add(added);
				return added;
			});
		key.schema(new StringSchema().example("9b1f0c4e-5d2a-4f7e-8a61-2c3d4e5f6a7b"))
			.description("Any unique string, such as a UUID, chosen by the client per intended change. A retry "
					+ "with the same key (same caller, same incident) applies the change once and answers "
					+ "`Idempotent-Replay: true`.");
		operation.parameters(parameters);
	}

	private static ApiResponse problem(ProblemCatalog.Entry entry) {
		String codes = entry.codes().isEmpty() ? "" : "\n\n`code`: " + entry.codes()
			.stream()
			.map(code -> "`" + code + "`")
			.collect(Collectors.joining(", "));
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		media.addExamples(entry.codes().isEmpty() ? "problem" : String.valueOf(entry.example().get("code")),
				new Example().value(entry.example()));
		return new ApiResponse().description(entry.meaning() + codes)
			.content(new Content().addMediaType(PROBLEM_JSON, media));
	}

	private static Schema<?> problemSchema() {
		Schema<?> schema = new ObjectSchema().description(
				"An RFC 9457 problem. `code`, where present, is stable: branch on it, not on `title` or `detail`.");
		schema.addProperty("type", new StringSchema().description("A URI reference that identifies the problem type"));
		schema.addProperty("title", new StringSchema().description("A short summary of the problem type"));
		schema.addProperty("status", new IntegerSchema().format("int32").description("The HTTP status"));
		schema.addProperty("detail", new StringSchema().description("What went wrong with this request, for people"));
		schema.addProperty("instance", new StringSchema().description("The request path"));
		schema.addProperty("code", new StringSchema().description("Stable code for programs; see each response"));
		schema.required(List.of("title", "status"));
		return schema;
	}

	private static String tag(String path) {
		return TAGS.entrySet()
			.stream()
			.filter(e -> path.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("Incidents");
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("/api/incidents/{id}/route-changes", "Route changes");
		tags.put("/api/incidents", "Incidents");
		tags.put("/api/runbooks", "Runbooks");
		tags.put("/api/catalog", "Runbooks");
		tags.put("/api/who", "Directory");
		tags.put("/api/vendors", "Directory");
		tags.put("/api/gateway", "Gateway");
		tags.put("/api/drills", "Drills");
		return tags;
	}

	private static final String DESCRIPTION = """
			The REST API of Switchboard: declare incidents from runbooks, walk their decision trees, \
			run their actions (including gateway route changes), and read ownership.

			**Authentication.** Send `Authorization: Bearer <token>` with a token bound to a person \
			(`switchboard.api.tokens.<person>=<token>`). A token-less request from loopback acts as \
			the configured local operator (`switchboard.api.local-operator`), for the embedded default.

			**Errors.** Every refusal is an RFC 9457 problem (`application/problem+json`). Problems \
			about incidents carry a stable `code`; each response below lists the codes it can carry.

			**Retries.** Every write accepts an `Idempotency-Key` header: a retry with the same key \
			applies the change once, and its reply says `Idempotent-Replay: true`.
			""";
}
