package dev.switchboard.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;

/**
 * Requests as Slack sends them to {@code /slack/events}: form-encoded bodies signed with
 * {@link SlackSignature.Generator} (v0 HMAC-SHA256 over {@code v0:<ts>:<raw body>}), sent over real HTTP.
 */
final class SignedRequests {

	static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final AtomicInteger TRIGGERS = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final FakeSlackApi slack;

	SignedRequests(int port, FakeSlackApi slack) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
		this.slack = slack;
	}

	/** A slash command's body, with a fresh trigger id and a response_url on the fake. */
	String command(String text, String user, String channel) {
		return commandFields(text, user, channel).entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A slash command's fields as Slack sends them (form-encoded over HTTP, a JSON object in Socket Mode). */
	Map<String, String> commandFields(String text, String user, String channel) {
		int n = TRIGGERS.incrementAndGet();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "legacy-verification-token");
		form.put("team_id", FakeSlackApi.TEAM);
		form.put("team_domain", "test");
		form.put("channel_id", channel);
		form.put("channel_name", "general");
		form.put("user_id", user);
		form.put("user_name", "someone");
		form.put("command", "/incident");
		form.put("text", text);
		form.put("api_app_id", "A0SWITCH");
		form.put("is_enterprise_install", "false");
		form.put("response_url", slack.responseUrl("command-" + n));
		form.put("trigger_id", "7000000" + n + ".1234567890.abcdef" + n);
		return form;
	}

	/**
	 * A click on the button whose action id starts with {@code actionPrefix} in a message the bot
	 * posted (its channel, ts and blocks as recorded by the fake).
	 */
	String click(FakeSlackApi.Call posted, String ts, String actionPrefix, String user) {
		return form(clickPayload(posted, ts, actionPrefix, user));
	}

	/** The {@code block_actions} payload of {@link #click}, as Socket Mode carries it (a JSON object, not form-encoded). */
	JsonObject clickPayload(FakeSlackApi.Call posted, String ts, String actionPrefix, String user) {
		JsonArray blocks = JsonParser.parseString(posted.param("blocks")).getAsJsonArray();
		JsonObject button = null;
		String blockId = null;
		for (var block : blocks) {
			JsonObject b = block.getAsJsonObject();
			if (!"actions".equals(b.get("type").getAsString())) {
				continue;
			}
			for (var element : b.getAsJsonArray("elements")) {
				if (element.getAsJsonObject().get("action_id").getAsString().startsWith(actionPrefix)) {
					button = element.getAsJsonObject();
					blockId = b.get("block_id").getAsString();
				}
			}
		}
		if (button == null) {
			throw new AssertionError("no button " + actionPrefix + "* in " + posted.param("blocks"));
		}
		return clickPayloadOn(posted.param("channel"), ts, posted.param("thread_ts"), blocks, blockId,
				button.get("action_id").getAsString(), button.getAsJsonObject("text").get("text").getAsString(), user);
	}

	String clickOn(String channel, String ts, String threadTs, JsonArray blocks, String blockId, String actionId, String label,
			String user) {
		return form(clickPayloadOn(channel, ts, threadTs, blocks, blockId, actionId, label, user));
	}

	private static String form(JsonObject payload) {
		return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
	}

	JsonObject clickPayloadOn(String channel, String ts, String threadTs, JsonArray blocks, String blockId, String actionId,
			String label, String user) {
		int n = TRIGGERS.incrementAndGet();
		JsonObject payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		JsonObject u = new JsonObject();
		u.addProperty("id", user);
		u.addProperty("username", "someone");
		u.addProperty("name", "someone");
		u.addProperty("team_id", FakeSlackApi.TEAM);
		payload.add("user", u);
		payload.addProperty("api_app_id", "A0SWITCH");
		payload.addProperty("token", "legacy-verification-token");
		JsonObject container = new JsonObject();
		container.addProperty("type", "message");
		container.addProperty("message_ts", ts);
		container.addProperty("channel_id", channel);
		container.addProperty("is_ephemeral", false);
		payload.add("container", container);
		payload.addProperty("trigger_id", "8000000" + n + ".1234567890.fedcba" + n);
		JsonObject team = new JsonObject();
		team.addProperty("id", FakeSlackApi.TEAM);
		team.addProperty("domain", "test");
		payload.add("team", team);
		JsonObject ch = new JsonObject();
		ch.addProperty("id", channel);
		ch.addProperty("name", "incident");
		payload.add("channel", ch);
		JsonObject message = new JsonObject();
		message.addProperty("type", "message");
		message.addProperty("ts", ts);
		if (threadTs != null) {
			message.addProperty("thread_ts", threadTs);
		}
		message.addProperty("text", "step");
		message.add("blocks", blocks);
		payload.add("message", message);
		payload.addProperty("response_url", slack.responseUrl("click-" + n));
		JsonArray actions = new JsonArray();
		JsonObject action = new JsonObject();
		action.addProperty("action_id", actionId);
		action.addProperty("block_id", blockId);
		JsonObject text = new JsonObject();
		text.addProperty("type", "plain_text");
		text.addProperty("text", label);
		action.add("text", text);
		action.addProperty("value", actionId);
		action.addProperty("type", "button");
		action.addProperty("action_ts", (1700000100 + n) + ".000" + n);
		actions.add(action);
		payload.add("actions", actions);
		return payload;
	}

	HttpResponse<String> send(String body) {
		long ts = System.currentTimeMillis() / 1000;
		return send(body, Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, String.valueOf(ts),
				SlackSignature.HeaderNames.X_SLACK_SIGNATURE, sign(ts, body)));
	}

	static String sign(long timestamp, String body) {
		return new SlackSignature.Generator(SECRET).generate(String.valueOf(timestamp), body);
	}

	HttpResponse<String> send(String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
