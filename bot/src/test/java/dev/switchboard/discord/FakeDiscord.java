package dev.switchboard.discord;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Discord, written from its documented contract: the REST API under
 * {@code /api/v10/} and the gateway as a WebSocket at {@code /gateway}, both on one okhttp
 * MockWebServer on 127.0.0.1. The gateway says HELLO, answers IDENTIFY with READY and one
 * GUILD_CREATE (a server with #general, the bot's role holding exactly the permissions the README
 * asks for), acknowledges heartbeats, and delivers the interactions a test sends. REST answers what
 * the bot calls, keeps every channel and message, and records every call; it can answer the next
 * calls of a route with 429 and {@code Retry-After}.
 */
final class FakeDiscord implements AutoCloseable {

	static final String TOKEN = "test-bot-token";

	static final String APPLICATION = "1100000000000000001";

	static final String BOT = "1100000000000000002";

	static final String GUILD = "1200000000000000001";

	static final String BOT_ROLE = "1200000000000000002";

	static final String GENERAL = "1300000000000000001";

	/** View Channels, Send Messages, Read History, Manage Channels, Create Public Threads, Send in Threads, Pin Messages. */
	static final long BOT_PERMISSIONS = (1L << 4) | (1L << 10) | (1L << 11) | (1L << 16) | (1L << 35) | (1L << 38) | (1L << 51);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern API = Pattern.compile("/api/v10/(.*)");

	/** One REST request the bot made. */
	record Call(String method, String path, JsonNode body, Instant at) {

		String content() {
			return body != null && body.has("content") ? body.get("content").asString() : "";
		}

		/** The custom ids of the buttons in the request, in order. */
		List<String> customIds() {
			List<String> ids = new java.util.ArrayList<>();
			if (body != null && body.has("components")) {
				for (JsonNode row : body.get("components")) {
					for (JsonNode c : row.path("components")) {
						if (c.has("custom_id")) {
							ids.add(c.get("custom_id").asString());
						}
					}
				}
			}
			return ids;
		}

		boolean hasComponentsField() {
			return body != null && body.has("components");
		}
	}

	private final MockWebServer server = new MockWebServer();

	private final AtomicLong ids = new AtomicLong();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, ObjectNode> channels = new ConcurrentHashMap<>();

	private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();

	/** Interaction token → the message its component was on (what {@code @original} is for a click). */
	private final Map<String, String> originals = new ConcurrentHashMap<>();

	/** Interaction token → the channel the interaction came from. */
	private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicInteger identifies = new AtomicInteger();

	private volatile WebSocket socket;

	static FakeDiscord start() {
		FakeDiscord fake = new FakeDiscord();
		fake.channels.put(GENERAL, channel(GENERAL, "general", 0, null));
		fake.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return fake.dispatch(request);
			}
		});
		try {
			fake.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return fake;
	}

	String apiUrl() {
		return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
	}

	String gatewayUrl() {
		return "ws://127.0.0.1:" + server.getPort() + "/gateway";
	}

	/** Calls so far, for {@link #since}. */
	int mark() {
		return calls.size();
	}

	List<Call> since(int mark, String method, String pathRegex) {
		return calls.subList(mark, calls.size())
			.stream()
			.filter(c -> c.method().equals(method) && c.path().matches(pathRegex))
			.toList();
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	ObjectNode message(String id) {
		return messages.get(id);
	}

	/** The messages in {@code channel}, oldest first. */
	List<ObjectNode> messagesIn(String channel) {
		return messages.values().stream()
			.filter(m -> channel.equals(m.get("channel_id").asString()))
			.sorted(java.util.Comparator.comparing((ObjectNode m) -> Long.parseLong(m.get("id").asString())))
			.toList();
	}

	ObjectNode channel(String id) {
		return channels.get(id);
	}

	boolean connected() {
		return socket != null && identifies.get() > 0;
	}

	/** The next {@code count} requests whose path matches {@code pathRegex} get 429 with {@code Retry-After: 1}. */
	void rateLimit(String pathRegex, int count) {
		rateLimited.put(pathRegex, new AtomicInteger(count));
	}

	// ---- interactions the test sends as Discord would ----

	/** A member of the fake server, as in an interaction's {@code member}. */
	record Member(String id, String name) {
	}

	/** Sends {@code /incident <sub> <options…>} from {@code member} in {@code channel}; returns the interaction id. */
	String slash(Member member, String channel, String subcommand, Map<String, String> options) {
		ObjectNode data = JSON.createObjectNode().put("id", "1500000000000000001").put("name", "incident").put("type", 1);
		ObjectNode sub = data.putArray("options").addObject().put("name", subcommand).put("type", 1);
		ArrayNode opts = sub.putArray("options");
		options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
		return interact(2, member, channel, data, null, null);
	}

	/** Clicks the button {@code customId} on the message {@code messageId} as last rendered; returns the interaction id. */
	String click(Member member, String messageId, String customId) {
		ObjectNode message = messages.get(messageId);
		ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
		return interact(3, member, message.get("channel_id").asString(), data, message.deepCopy(), null);
	}

	/** Delivers exactly the same INTERACTION_CREATE again, as a resumed session may. */
	void replay(String interactionId) {
		ObjectNode payload = sent.get(interactionId);
		dispatch("INTERACTION_CREATE", payload);
	}

	private final Map<String, ObjectNode> sent = new ConcurrentHashMap<>();

	private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

	/** When the interaction was delivered on the gateway. */
	Instant sentAt(String interactionId) {
		return sentAt.get(interactionId);
	}

	private String interact(int type, Member member, String channel, ObjectNode data, ObjectNode message, String unused) {
		String id = next();
		String token = "token-" + id;
		ObjectNode ch = channels.get(channel);
		ObjectNode payload = JSON.createObjectNode()
			.put("id", id)
			.put("application_id", APPLICATION)
			.put("type", type)
			.put("token", token)
			.put("version", 1)
			.put("guild_id", GUILD)
			.put("channel_id", channel)
			.put("locale", "en-US")
			.put("guild_locale", "en-US")
			.put("context", 0)
			.put("app_permissions", Long.toString(BOT_PERMISSIONS));
		payload.set("channel", ch.deepCopy());
		payload.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
		payload.putObject("authorizing_integration_owners").put("0", GUILD);
		payload.putArray("entitlements");
		ObjectNode m = payload.putObject("member");
		m.set("user", user(member.id(), member.name(), false));
		m.putArray("roles");
		m.put("joined_at", "2026-01-05T09:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0)
			.put("permissions", "2248473465835073");
		payload.set("data", data);
		if (message != null) {
			payload.set("message", message);
			originals.put(token, message.get("id").asString());
		}
		interactionChannels.put(token, channel);
		sent.put(id, payload);
		sentAt.put(id, Instant.now());
		dispatch("INTERACTION_CREATE", payload);
		return id;
	}

	private void dispatch(String type, JsonNode data) {
		ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
		frame.set("d", data);
		WebSocket ws = socket;
		if (ws == null) {
			throw new IllegalStateException("the bot has not connected to the fake gateway");
		}
		ws.send(frame.toString());
	}

	// ---- REST ----

	private MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.equals("/gateway") || path.equals("/gateway/")) {
			return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
		}
		Matcher api = API.matcher(path);
		if (!api.matches()) {
			return json(404, "{\"message\":\"404: Not Found\",\"code\":0}");
		}
		String route = api.group(1);
		String method = request.getMethod();
		JsonNode body = null;
		if (request.getBody() != null && request.getBody().size() > 0) {
			String text = request.getBody().utf8();
			String type = request.getHeaders().get("Content-Type");
			if (type != null && type.startsWith("multipart/form-data")) {
				// JDA sends some messages as multipart (attachments possible): the message is the payload_json part
				text = payloadJson(text);
			}
			body = text != null && (text.startsWith("{") || text.startsWith("[")) ? JSON.readTree(text) : null;
		}
		calls.add(new Call(method, route, body, Instant.now()));
		for (var limited : rateLimited.entrySet()) {
			if (route.matches(limited.getKey()) && limited.getValue().getAndDecrement() > 0) {
				// "via" marks it as Discord's own 429, not a Cloudflare ban (which JDA treats as global)
				return new MockResponse.Builder().code(429)
					.addHeader("Content-Type", "application/json")
					.addHeader("Retry-After", "1")
					.addHeader("X-RateLimit-Scope", "user")
					.addHeader("via", "1.1 google")
					.body("{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}")
					.build();
			}
		}
		return rest(method, route, body);
	}

	private static String payloadJson(String multipart) {
		int name = multipart.indexOf("name=\"payload_json\"");
		if (name < 0) {
			return null;
		}
		int start = multipart.indexOf("\r\n\r\n", name) + 4;
		int end = multipart.indexOf("\r\n--", start);
		return multipart.substring(start, end).strip();
	}

	private MockResponse rest(String method, String route, JsonNode body) {
		String[] p = route.split("/");
		if (method.equals("GET") && route.equals("users/@me")) {
			return json(200, user(BOT, "switchboard", true).toString());
		}
		if (method.equals("PUT") && p[0].equals("applications")) {
			return json(200, "[]");
		}
		if (method.equals("POST") && p[0].equals("interactions")) {
			return new MockResponse.Builder().code(204).build();
		}
		if (p[0].equals("webhooks") && p.length >= 3) {
			String token = p[2];
			if (method.equals("PATCH") && route.endsWith("/messages/@original")) {
				String original = originals.get(token);
				if (original != null) {
					return json(200, edit(original, body).toString());
				}
				return json(200, newMessage(interactionChannels.getOrDefault(token, GENERAL), body, 0).toString());
			}
			if (method.equals("POST")) {
				int flags = body != null && body.has("flags") ? body.get("flags").asInt() : 0;
				return json(200, newMessage(interactionChannels.getOrDefault(token, GENERAL), body, flags).toString());
			}
		}
		if (method.equals("POST") && p[0].equals("guilds") && p.length == 3 && p[2].equals("channels")) {
			String id = next();
			ObjectNode channel = channel(id, body.get("name").asString(), 0,
					body.has("parent_id") && !body.get("parent_id").isNull() ? body.get("parent_id").asString() : null);
			channels.put(id, channel);
			return json(201, channel.toString());
		}
		if (p[0].equals("channels") && p.length >= 3 && p[2].equals("messages")) {
			String channel = p[1];
			if (!channels.containsKey(channel)) {
				return json(404, "{\"message\":\"Unknown Channel\",\"code\":10003}");
			}
			if (method.equals("POST") && p.length == 3) {
				return json(200, newMessage(channel, body, 0).toString());
			}
			if (method.equals("PATCH") && p.length == 4) {
				return json(200, edit(p[3], body).toString());
			}
			if (method.equals("PUT") && p.length == 5 && p[3].equals("pins")) {
				ObjectNode message = messages.get(p[4]);
				if (message != null) {
					message.put("pinned", true);
				}
				return new MockResponse.Builder().code(204).build();
			}
			if (method.equals("POST") && p.length == 5 && p[4].equals("threads")) {
				String id = next();
				ObjectNode thread = channel(id, body.get("name").asString(), 11, channel);
				thread.put("owner_id", BOT).put("message_count", 0).put("member_count", 1);
				thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
					.put("archive_timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("locked", false);
				channels.put(id, thread);
				return json(201, thread.toString());
			}
		}
		return json(404, "{\"message\":\"404: Not Found (fake has no " + method + " " + route + ")\",\"code\":0}");
	}

	private ObjectNode newMessage(String channel, JsonNode body, int flags) {
		String id = next();
		ObjectNode message = JSON.createObjectNode()
			.put("id", id)
			.put("type", 0)
			.put("channel_id", channel)
			.put("content", body != null && body.has("content") ? body.get("content").asString() : "")
			.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString())
			.putNull("edited_timestamp")
			.put("tts", false)
			.put("mention_everyone", false)
			.put("pinned", false)
			.put("flags", flags);
		message.set("author", user(BOT, "switchboard", true));
		message.putArray("mentions");
		message.putArray("mention_roles");
		message.putArray("attachments");
		message.putArray("embeds");
		message.set("components", components(body));
		if (body != null && body.has("allowed_mentions")) {
			message.set("allowed_mentions", body.get("allowed_mentions"));
		}
		messages.put(id, message);
		return message;
	}

	private ObjectNode edit(String id, JsonNode body) {
		ObjectNode message = messages.get(id);
		if (message == null) {
			return newMessage(GENERAL, body, 0);
		}
		if (body != null && body.has("content")) {
			message.put("content", body.get("content").asString());
		}
		if (body != null && body.has("components")) {
			message.set("components", components(body));
		}
		if (body != null && body.has("allowed_mentions")) {
			message.set("allowed_mentions", body.get("allowed_mentions"));
		}
		// strictly later than the last edit, as Discord's are
		String last = message.get("edited_timestamp").isNull() ? null : message.get("edited_timestamp").asString();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		if (last != null && !now.isAfter(OffsetDateTime.parse(last))) {
			now = OffsetDateTime.parse(last).plusNanos(1_000_000);
		}
		message.put("edited_timestamp", now.toString());
		return message;
	}

	/** The components as Discord returns them: each with a numeric {@code id}. */
	private ArrayNode components(JsonNode body) {
		ArrayNode rows = JSON.createArrayNode();
		if (body == null || !body.has("components")) {
			return rows;
		}
		int n = 0;
		for (JsonNode row : body.get("components")) {
			ObjectNode r = ((ObjectNode) row.deepCopy());
			r.put("id", ++n);
			for (JsonNode c : r.path("components")) {
				((ObjectNode) c).put("id", ++n);
			}
			rows.add(r);
		}
		return rows;
	}

	private static ObjectNode channel(String id, String name, int type, String parent) {
		ObjectNode channel = JSON.createObjectNode()
			.put("id", id)
			.put("type", type)
			.put("guild_id", GUILD)
			.put("name", name)
			.put("position", 0)
			.put("flags", 0);
		channel.putArray("permission_overwrites");
		if (parent != null) {
			channel.put("parent_id", parent);
		}
		return channel;
	}

	private static ObjectNode user(String id, String name, boolean bot) {
		return JSON.createObjectNode()
			.put("id", id)
			.put("username", name)
			.put("discriminator", "0")
			.put("global_name", name)
			.putNull("avatar")
			.put("bot", bot);
	}

	/**
	 * A snowflake made of now: JDA reads an interaction's age from its id (15 minutes to answer), and
	 * ids grow with time as Discord's do.
	 */
	private String next() {
		long now = (System.currentTimeMillis() - 1_420_070_400_000L) << 22;
		return Long.toString(ids.updateAndGet(last -> Math.max(last + 1, now)));
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	// ---- gateway ----

	private final class Gateway extends WebSocketListener {

		@Override
		public void onOpen(WebSocket webSocket, Response response) {
			socket = webSocket;
			webSocket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
		}

		@Override
		public void onMessage(WebSocket webSocket, String text) {
			JsonNode frame = JSON.readTree(text);
			switch (frame.get("op").asInt()) {
				case 1 -> webSocket.send("{\"op\":11}");
				case 2 -> {
					identifies.incrementAndGet();
					dispatch("READY", ready());
					dispatch("GUILD_CREATE", guild());
				}
				case 6 -> dispatch("RESUMED", JSON.createObjectNode());
				default -> {
				}
			}
		}

		@Override
		public void onClosing(WebSocket webSocket, int code, String reason) {
			webSocket.close(1000, null);
		}
	}

	private ObjectNode ready() {
		ObjectNode d = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session").put("resume_gateway_url", gatewayUrl());
		d.set("user", user(BOT, "switchboard", true));
		d.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
		d.putArray("private_channels");
		d.putObject("application").put("id", APPLICATION).put("flags", 0);
		return d;
	}

	private ObjectNode guild() {
		ObjectNode g = JSON.createObjectNode()
			.put("id", GUILD)
			.put("name", "Ledgerly")
			.put("unavailable", false)
			.put("member_count", 2)
			.put("owner_id", "402118736259137537")
			.put("afk_timeout", 300)
			.put("verification_level", 0)
			.put("default_message_notifications", 0)
			.put("explicit_content_filter", 0)
			.put("mfa_level", 0)
			.put("nsfw_level", 0)
			.put("premium_tier", 0)
			.put("preferred_locale", "en-US")
			.put("system_channel_flags", 0)
			.put("large", false)
			.put("joined_at", "2026-01-05T09:00:00.000000+00:00");
		g.putArray("features");
		ObjectNode self = g.putArray("members").addObject();
		self.set("user", user(BOT, "switchboard", true));
		self.putArray("roles").add(BOT_ROLE);
		self.put("joined_at", "2026-01-05T09:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0);
		ArrayNode roles = g.putArray("roles");
		roles.add(role(GUILD, "@everyone", 0, 0));
		roles.add(role(BOT_ROLE, "Switchboard", 1, BOT_PERMISSIONS));
		ArrayNode list = g.putArray("channels");
		channels.values().stream().filter(c -> c.get("type").asInt() == 0).forEach(c -> list.add(c.deepCopy()));
		g.putArray("threads");
		g.putArray("guild_scheduled_events");
		g.putArray("emojis");
		g.putArray("stickers");
		g.putArray("voice_states");
		g.putArray("presences");
		g.putArray("stage_instances");
		g.putArray("soundboard_sounds");
		return g;
	}

	private static ObjectNode role(String id, String name, int position, long permissions) {
		ObjectNode role = JSON.createObjectNode()
			.put("id", id)
			.put("name", name)
			.put("position", position)
			.put("permissions", Long.toString(permissions))
			.put("managed", position > 0)
			.put("hoist", false)
			.put("mentionable", false)
			.put("color", 0)
			.put("flags", 0);
		role.putObject("colors").put("primary_color", 0);
		return role;
	}
}
