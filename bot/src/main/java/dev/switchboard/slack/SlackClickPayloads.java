package dev.switchboard.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;

/**
 * Reads the {@code block_actions} payload of a signed interactivity request ({@code payload=<JSON>})
 * with one shared Gson, for {@link SlackEndpoint} to hand straight to {@link SlackClicks}.
 * <p>
 * Why not Bolt's own request object: in Bolt for Java 1.47 the {@code BlockActionRequest}
 * constructor builds a new Gson for every request, so every click rebuilds by reflection the
 * type adapters of the whole Block Kit model its payload refers to: 1.2-2.7 ms of CPU per click
 * on this project's 2-core machines against 0.14-0.18 ms here (the clicked message's blocks are in
 * the payload), the largest cost of a click's acknowledgement in the profile of the load run. Everything else (commands, other payload types, Socket Mode) still goes through Bolt,
 * and the click reaches the same {@link SlackClicks#acknowledge} either way.
 */
final class SlackClickPayloads {

	private static final String TYPE = "\"type\"";

	// thread-safe once built; its adapters are made once, not per request
	private final Gson gson = GsonFactory.createSnakeCase();

	/**
	 * The click, if {@code body} is a form holding a {@code block_actions} payload that reads as one;
	 * empty for anything else (Bolt then decides what it is, and refuses what it cannot read).
	 */
	Optional<BlockActionPayload> blockActions(String body) {
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
		try {
			// the type from the JSON itself: BlockActionPayload's own field defaults to block_actions
			JsonElement tree = JsonParser.parseString(json);
			if (!tree.isJsonObject() || !(tree.getAsJsonObject().get("type") instanceof JsonPrimitive type)
					|| !BlockActionPayload.TYPE.equals(type.getAsString())) {
				return Optional.empty();
			}
			return Optional.ofNullable(gson.fromJson(tree, BlockActionPayload.class));
		}
		catch (JsonParseException | IllegalStateException | ClassCastException ex) {
			return Optional.empty();
		}
	}
}
