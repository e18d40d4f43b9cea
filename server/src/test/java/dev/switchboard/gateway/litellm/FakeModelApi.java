package dev.switchboard.gateway.litellm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The fake's model admin routes: info, new, delete, PATCH update, block/unblock; then config. */
final class FakeModelApi {

	private static final Pattern UPDATE = Pattern.compile("/model/([^/]+)/update");

	private final FakeLiteLlm proxy;

	private final FakeConfigApi config;

	FakeModelApi(FakeLiteLlm proxy) {
		this.proxy = proxy;
		this.config = new FakeConfigApi(proxy);
	}

	/** @return false when no route matched (the caller answers FastAPI's 404) */
	boolean handle(FakeExchange exchange) throws IOException {
		String route = exchange.method() + " " + exchange.path();
		Matcher update = UPDATE.matcher(exchange.path());
		if (route.equals("GET /model/info") || route.equals("GET /v1/model/info")) {
			info(exchange);
		}
		else if (route.equals("POST /model/new")) {
			create(exchange);
		}
		else if (route.equals("POST /model/delete")) {
			delete(exchange);
		}
		else if (exchange.method().equals("PATCH") && update.matches()) {
			update(exchange, update.group(1));
		}
		else if ((route.equals("POST /model/block") || route.equals("POST /model/unblock"))
				&& proxy.versionAtLeast("1.90.0")) {
			block(exchange, route.endsWith("/block"));
		}
		else {
			return config.handle(exchange);
		}
		return true;
	}

	private void info(FakeExchange exchange) throws IOException {
		String only = exchange.query("litellm_model_id");
		var data = JsonNodeFactory.instance.arrayNode();
		for (FakeState.Row row : proxy.store.view(exchange.replica()).rows()) {
			if (only != null && !only.equals(row.id())) {
				continue;
			}
			ObjectNode item = data.addObject().put("model_name", row.group());
			ObjectNode params = row.params().deepCopy();
			params.remove("api_key");
			item.set("litellm_params", params);
			ObjectNode info = item.putObject("model_info").put("id", row.id()).put("blocked", row.blocked());
			if (proxy.reportsDbModel) {
				info.put("db_model", row.dbModel());
			}
			info.put("input_cost_per_token", 0.000002);
		}
		exchange.json(200, Map.of("data", data));
	}

	private void create(FakeExchange exchange) throws IOException {
		if (!FakeConfigApi.requireDb(proxy, exchange)) {
			return;
		}
		JsonNode body = exchange.body();
		if (body.path("litellm_params").path("model").asString(null) == null) {
			exchange.detail(422, java.util.List.of(Map.of("loc", java.util.List.of("body", "litellm_params", "model"),
					"msg", "Field required", "type", "missing")));
			return;
		}
		String id = body.path("model_info").path("id").asString(UUID.randomUUID().toString());
		FakeState.Row row = new FakeState.Row(id, body.path("model_name").asString(),
				(ObjectNode) body.path("litellm_params"), true, false);
		write(exchange, proxy.store.latest().withRow(row));
		exchange.json(200, stored(row));
	}

	private void delete(FakeExchange exchange) throws IOException {
		if (!FakeConfigApi.requireDb(proxy, exchange)) {
			return;
		}
		String id = exchange.body().path("id").asString("");
		Optional<FakeState.Row> row = proxy.store.latest().row(id).filter(FakeState.Row::dbModel);
		if (row.isEmpty()) {
			exchange.detailError(400, "Model with id=" + id + " not found in db");
			return;
		}
		write(exchange, proxy.store.latest().without(id));
		exchange.json(200, Map.of("message", "Model: " + id + " deleted successfully"));
	}

	private void update(FakeExchange exchange, String id) throws IOException {
		Optional<FakeState.Row> found = editable(exchange, id);
		if (found.isEmpty()) {
			return;
		}
		ObjectNode params = found.get().params().deepCopy();
		for (Map.Entry<String, JsonNode> change : exchange.body().path("litellm_params").properties()) {
			if (!change.getValue().isNull()) {
				params.set(change.getKey(), change.getValue());
			}
		}
		String group = exchange.body().path("model_name").asString(found.get().group());
		FakeState.Row row = found.get().withParams(params).withGroup(group);
		if (!write(exchange, proxy.store.latest().withRow(row))) {
			return;
		}
		exchange.json(200, stored(row));
	}

	private void block(FakeExchange exchange, boolean block) throws IOException {
		Optional<FakeState.Row> found = editable(exchange, exchange.body().path("model_id").asString(""));
		if (found.isEmpty()) {
			return;
		}
		FakeState.Row row = found.get().withBlocked(block);
		if (write(exchange, proxy.store.latest().withRow(row))) {
			exchange.json(200, stored(row));
		}
	}

	/** The DB row to change, or an error already sent: no DB 500, unknown 404, config model 400. */
	private Optional<FakeState.Row> editable(FakeExchange exchange, String id) throws IOException {
		if (!FakeConfigApi.requireDb(proxy, exchange)) {
			return Optional.empty();
		}
		Optional<FakeState.Row> row = proxy.store.latest().row(id);
		if (row.isEmpty()) {
			exchange.detailError(404, "Model with id=" + id + " not found");
		}
		else if (!row.get().dbModel()) {
			exchange.detailError(400, "Cannot edit config-based model. Store model in DB via /model/new first.");
			return Optional.empty();
		}
		return row;
	}

	/** Commits; with {@code savedNotLive} answers the newer builds' 500 and returns false. */
	private boolean write(FakeExchange exchange, FakeState next) throws IOException {
		proxy.writes.incrementAndGet();
		boolean live = !proxy.savedNotLive;
		proxy.store.commit(exchange.replica(), next, live);
		if (!live) {
			exchange.detailError(500, "Model update was saved to the database, but it is not live in this pod's"
					+ " router yet (reload failed); other pods pick it up on their next poll");
		}
		return live;
	}

	/** A write's answer: the row with LiteLLM's encrypted param values. */
	private static ObjectNode stored(FakeState.Row row) {
		ObjectNode out = JsonNodeFactory.instance.objectNode().put("model_id", row.id()).put("model_name", row.group());
		ObjectNode params = out.putObject("litellm_params");
		row.params().properties().forEach(param -> params.put(param.getKey(), "enc:" + Base64.getEncoder()
			.encodeToString(param.getValue().toString().getBytes(StandardCharsets.UTF_8))));
		out.putObject("model_info").put("id", row.id()).put("db_model", true).put("blocked", row.blocked());
		return out.put("created_by", "default_user_id").put("updated_by", "default_user_id");
	}
}
