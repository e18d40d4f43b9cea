package dev.switchboard.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;

/**
 * Reads the {@code block_actions} payload of a signed interactivity request ({@code payload=<JSON>})
 * for {@link SlackEndpoint} to hand straight to {@link SlackClicks}: parsed into a JSON tree and
 * checked on the acknowledgement path, bound to Bolt's {@link BlockActionPayload} (with one shared
 * Gson) only on the worker.
 * <p>
 * Why not Bolt's own request object: in Bolt for Java 1.47 the {@code BlockActionRequest}
 * constructor builds a new Gson for every request, so every click rebuilds by reflection the
 * type adapters of the whole Block Kit model its payload refers to: 1.2-2.7 ms of CPU per click
 * on this project's 2-core machines (the clicked message's blocks are in the payload), the largest
 * cost of a click's acknowledgement in the profile of the load run. Binding with a shared Gson was
 * then still the largest item on the click's ack path, hence on the worker. Everything else
 * (commands, other payload types, Socket Mode) goes through Bolt, and the click reaches the same
 * {@link SlackClicks} either way.
 */
final class SlackClickPayloads {

	/** A click as read on the acknowledgement path. */
	static final class Click {

		private final JsonObject json;

		private final Gson gson;

		private Click(JsonObject json, Gson gson) {
			this.json = json;
			this.gson = gson;
		}

		/** Names a user and at least one action: something to do. */
		boolean actionable() {
			return json.get("user") instanceof JsonObject user && user.get("id") instanceof JsonPrimitive
					&& json.get("actions") instanceof com.google.gson.JsonArray actions && !actions.isEmpty();
		}

		/** Bolt's payload, bound on the caller's thread (a worker's). */
		BlockActionPayload payload() {
			return gson.fromJson(json, BlockActionPayload.class);
		}
	}

	private static final String TYPE = "\"type\"";

	// thread-safe once built; its adapters are made once, not per request
	private final Gson gson = GsonFactory.createSnakeCase();

	/**
	 * The click, if {@code body} is a form holding a {@code block_actions} payload of the expected
	 * shape; empty for anything else (Bolt then decides what it is, and refuses what it cannot read).
	 */
	Optional<Click> blockActions(String body) {
		if (!body.startsWith("payload=") || body.indexOf('&') >= 0) {
			return Optional.empty();
		}
		String json;
		try {
			json = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!json.startsWith("{") || !json.contains(TYPE)) {
			return Optional.empty();
		}
		JsonElement tree;
		try {
			tree = JsonParser.parseString(json);
		}
		catch (JsonParseException ex) {
			return Optional.empty();
		}
		// the type from the JSON itself: BlockActionPayload's own field defaults to block_actions
		if (!(tree instanceof JsonObject payload) || !(payload.get("type") instanceof JsonPrimitive type)
				|| !BlockActionPayload.TYPE.equals(type.getAsString()) || !shaped(payload)) {
			return Optional.empty();
		}
		return Optional.of(new Click(payload, gson));
	}

	/** The members SlackClicks reads have the JSON kind Bolt's payload class expects (or are absent). */
	private static boolean shaped(JsonObject payload) {
		for (String object : new String[] { "user", "team", "container", "channel", "message", "enterprise" }) {
			if (payload.has(object) && !payload.get(object).isJsonNull() && !payload.get(object).isJsonObject()) {
				return false;
			}
		}
		if (payload.has("actions") && !payload.get("actions").isJsonNull()) {
			if (!payload.get("actions").isJsonArray()) {
				return false;
			}
			for (JsonElement action : payload.getAsJsonArray("actions")) {
				if (!action.isJsonObject()) {
					return false;
				}
			}
		}
		return !payload.has("response_url") || payload.get("response_url").isJsonPrimitive() || payload.get("response_url").isJsonNull();
	}
}
