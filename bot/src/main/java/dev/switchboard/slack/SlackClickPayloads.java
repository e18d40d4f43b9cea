package dev.switchboard.slack;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;

/**
 * Reads the {@code block_actions} payload of a signed interactivity request ({@code payload=<JSON>})
 * with one shared Gson, for {@link SlackEndpoint} to hand straight to {@link SlackClicks}.
 * <p>
 * Why not Bolt's own request object: in Bolt for Java 1.47 the {@code BlockActionRequest}
 * constructor builds a new Gson for every request, so every click rebuilds by reflection the
 * type adapters of the whole Block Kit model its payload refers to: 1.2-2.7 ms of CPU per click
 * on this project's 2-core machines against about 0.1 ms here (the clicked message's blocks are
 * in the payload), the largest cost of a click's acknowledgement in the profile of the load run.
 * Everything else (commands, other payload types, Socket Mode) still goes through Bolt, and the
 * click reaches the same {@link SlackClicks#acknowledge} either way.
 */
final class SlackClickPayloads {

	private static final String TYPE = "\"type\"";

	/** Bolt's snake_case Gson, thread-safe once built: its adapters are made once, not per request. */
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
			// the type from the JSON itself: BlockActionPayload's getType() is the constant block_actions
			if (!BlockActionPayload.TYPE.equals(topLevelType(json))) {
				return Optional.empty();
			}
			return Optional.ofNullable(gson.fromJson(json, BlockActionPayload.class));
		}
		catch (JsonParseException | IOException | IllegalStateException | ClassCastException ex) {
			return Optional.empty();
		}
	}

	/** The top-level {@code type} string, found by skipping over the other members (no objects built). */
	private static String topLevelType(String json) throws IOException {
		try (JsonReader reader = new JsonReader(new StringReader(json))) {
			reader.beginObject();
			while (reader.hasNext()) {
				if (reader.nextName().equals("type")) {
					return reader.peek() == JsonToken.STRING ? reader.nextString() : null;
				}
				reader.skipValue();
			}
			return null;
		}
	}
}
