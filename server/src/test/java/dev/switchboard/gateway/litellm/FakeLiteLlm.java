package dev.switchboard.gateway.litellm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful LiteLLM proxy on 127.0.0.1 that follows the documented contract (LiteLLM v1.81–v1.100,
 * shared/notes/gateway-contract.md §1), not a mock of the adapter: master-key 401s, both error
 * envelopes, DB-off 500s, config-file models refusing edits, {@code /model/info?litellm_model_id=},
 * PATCH partial merge, block/unblock, {@code /config/update} + {@code /router/settings}, chat
 * routing with blocks, aliases, fallbacks and the {@code x-litellm-*} headers. Requests are spread
 * round-robin over {@code replicas} pods sharing one {@link FakeStore}.
 */
final class FakeLiteLlm implements AutoCloseable {

	static final String MASTER_KEY = "sk-fake-master-0123456789";

	/** LiteLLM's hash_token: what its 401 answer names as the presented key's "Key Hash (Token)". */
	static String sha256(String key) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(String.valueOf(key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static {
		// the JDK server writes headers and body separately: without TCP_NODELAY each answer waits ~40 ms for a delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	final FakeStore store;

	final AtomicInteger writes = new AtomicInteger();

	/** What /health/readiness and the x-litellm-version header report; null = nothing. */
	volatile String version = "1.95.2";

	volatile boolean dbConnected = true;

	/** Some builds leave litellm_version out of /health/readiness (the header still says it). */
	volatile boolean readinessReportsVersion = true;

	/** Older proxies do not say {@code db_model} in /model/info. */
	volatile boolean reportsDbModel = true;

	/** /config/update silently drops model_group_alias (PR #36680, #38800). */
	volatile boolean dropsAlias;

	/** Writes answer 500 "saved to the database, but not live in this pod's router". */
	volatile boolean savedNotLive;

	volatile Duration adminDelay = Duration.ZERO;

	volatile Duration chatDelay = Duration.ZERO;

	/** What the upstream behind an api base answers (200, right headers), e.g. garbage for a drifting provider. */
	final java.util.Map<String, String> answersByApiBase = new ConcurrentHashMap<>();

	/** Deployments with these api bases fail upstream (the router then tries fallbacks). */
	final Set<String> failingApiBases = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final int replicas;

	private final AtomicInteger nextReplica = new AtomicInteger();

	private final FakeModelApi models = new FakeModelApi(this);

	private final FakeChatApi chat = new FakeChatApi(this);

	private FakeLiteLlm(int replicas, Duration pollDelay) throws IOException {
		this.replicas = replicas;
		this.store = new FakeStore(pollDelay);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
	}

	static FakeLiteLlm start() throws IOException {
		return new FakeLiteLlm(1, Duration.ZERO);
	}

	static FakeLiteLlm replicas(int replicas, Duration pollDelay) throws IOException {
		return new FakeLiteLlm(replicas, pollDelay);
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/** Test setup straight into the database, visible to every replica at once. */
	void seed(String group, String id, String model, String apiBase, boolean dbModel, boolean blocked) {
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("model", model).put("api_base", apiBase);
		store.seed(state -> state.withRow(new FakeState.Row(id, group, params, dbModel, blocked)));
	}

	private void handle(HttpExchange raw) throws IOException {
		FakeExchange exchange = new FakeExchange(raw, Math.floorMod(nextReplica.getAndIncrement(), replicas));
		try (raw) {
			if (version != null) {
				exchange.header("x-litellm-version", version);
			}
			String path = exchange.path();
			if (path.startsWith("/health/")) {
				health(exchange);
				return;
			}
			String key = exchange.header("Authorization");
			key = key == null ? exchange.header("x-litellm-api-key") : key.replaceFirst("^Bearer ", "");
			if (!MASTER_KEY.equals(key)) {
				exchange.proxyError(401, "Authentication Error, Invalid proxy server token passed. Received API Key = "
						+ key + ", Key Hash (Token) =" + sha256(key)
						+ ". Unable to find token in cache or `LiteLLM_VerificationTokenTable`",
						"auth_error", "None");
				return;
			}
			boolean isChat = path.endsWith("/chat/completions");
			sleep(isChat ? chatDelay : adminDelay);
			if (isChat) {
				chat.complete(exchange);
			}
			else if (!models.handle(exchange)) {
				exchange.detail(404, "Not Found");
			}
		}
	}

	private void health(FakeExchange exchange) throws IOException {
		if (exchange.path().equals("/health/liveliness") || exchange.path().equals("/health/liveness")) {
			exchange.json(200, "I'm alive!");
			return;
		}
		if (!exchange.path().equals("/health/readiness")) {
			exchange.detail(404, "Not Found");
			return;
		}
		ObjectNode body = JsonNodeFactory.instance.objectNode()
			.put("status", dbConnected ? "healthy" : "unhealthy")
			.put("db", dbConnected ? "connected" : "Not connected");
		if (version != null && readinessReportsVersion) {
			body.put("litellm_version", version);
		}
		exchange.json(dbConnected ? 200 : 503, body);
	}

	boolean versionAtLeast(String minimum) {
		return version != null && ProxyVersion.parse(version).orElseThrow().atLeast(ProxyVersion.parse(minimum).orElseThrow());
	}

	private static void sleep(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
