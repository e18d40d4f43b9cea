package dev.switchboard.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verify for OpenAI-compatible gateways that say who served a request the LiteLLM way
 * ({@code x-litellm-model-id}, {@code x-litellm-model-api-base}, {@code x-litellm-attempted-fallbacks})
 * or, for gateways that add nothing of their own (Spring Cloud Gateway), by a header the upstream
 * answers with ({@link #RouteProbes(HttpClient, String)}). Sends small real chat requests through
 * the route over the policy's window and asks each to echo a nonce, so a 200 with wrong content
 * (silent degradation) fails verify too.
 */
public final class RouteProbes {

	/** What each probe must show: served by this target ({@code targetId} null: refused, the route is disabled). */
	public record Expected(String targetId, String model, String apiBase) {
	}

	private enum Seen {
		EXPECTED, OTHER_TARGET, ERROR
	}

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http;

	private final String servedByHeader;

	public RouteProbes(HttpClient http) {
		this(http, "x-litellm-model-id");
	}

	/** @param servedByHeader the response header naming who served a probe ({@link Expected#targetId()}) */
	public RouteProbes(HttpClient http, String servedByHeader) {
		this.http = http;
		this.servedByHeader = servedByHeader;
	}

	public Verification run(URI chatCompletions, Map<String, String> headers, String route, Expected expected,
			VerifyPolicy policy) {
		List<String> observations = new ArrayList<>();
		int expectedCount = 0;
		boolean error = false;
		long start = System.nanoTime();
		long spacing = policy.probes() > 1 ? policy.window().toNanos() / (policy.probes() - 1) : 0;
		for (int i = 0; i < policy.probes(); i++) {
			long wait = start + i * spacing - System.nanoTime();
			if (wait > 0 && !sleep(wait)) {
				observations.add("probe " + (i + 1) + ": interrupted");
				error = true;
				break;
			}
			StringBuilder line = new StringBuilder("probe " + (i + 1) + ": ");
			Seen seen = probe(chatCompletions, headers, route, expected, policy.probeTimeout(), line);
			observations.add(Redaction.text(line.toString()));
			if (seen == Seen.EXPECTED) {
				expectedCount++;
			}
			error |= seen == Seen.ERROR;
		}
		Verification.Outcome outcome = expectedCount == policy.probes() ? Verification.Outcome.VERIFIED
				: error ? Verification.Outcome.FAILED : Verification.Outcome.WRITTEN_NOT_CONVERGED;
		return new Verification(outcome, policy.probes(), expectedCount, observations);
	}

	private Seen probe(URI url, Map<String, String> headers, String route, Expected expected, Duration timeout,
			StringBuilder line) {
		String nonce = "switchboard-probe-" + UUID.randomUUID().toString().substring(0, 8);
		String body = JSON.writeValueAsString(Map.of("model", route, "max_tokens", 16, "temperature", 0, "messages",
				List.of(Map.of("role", "user", "content", "Reply with exactly: " + nonce))));
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			line.append("timed out after ").append(timeout.toMillis()).append(" ms");
			return Seen.ERROR;
		}
		catch (IOException ex) {
			line.append("gateway unreachable (").append(ex.getClass().getSimpleName()).append(')');
			return Seen.ERROR;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			line.append("interrupted");
			return Seen.ERROR;
		}
		return judge(response, nonce, expected, line);
	}

	private Seen judge(HttpResponse<String> response, String nonce, Expected expected, StringBuilder line) {
		String servedBy = response.headers().firstValue(servedByHeader).orElse(null);
		String apiBase = response.headers().firstValue("x-litellm-model-api-base").orElse(null);
		int fallbacks = response.headers().firstValue("x-litellm-attempted-fallbacks").map(RouteProbes::number).orElse(0);
		line.append("HTTP ").append(response.statusCode());
		if (servedBy != null) {
			line.append(", served by ").append(servedBy);
		}
		if (fallbacks > 0) {
			line.append(", ").append(fallbacks).append(" fallback(s) attempted");
		}
		if (expected.targetId() == null) {
			boolean refused = response.statusCode() == 403 || response.statusCode() == 404;
			line.append(refused ? ", refused as expected (route disabled)" : ", still served");
			return refused ? Seen.EXPECTED : response.statusCode() == 200 ? Seen.OTHER_TARGET : Seen.ERROR;
		}
		if (response.statusCode() != 200) {
			line.append(response.statusCode() == 429 ? " (throttled)" : "");
			return Seen.ERROR;
		}
		if (fallbacks > 0) {
			return Seen.ERROR;
		}
		String content = content(response.body());
		if (content == null || !content.contains(nonce)) {
			line.append(", wrong content");
			return Seen.ERROR;
		}
		boolean byExpected = expected.targetId().equals(servedBy)
				|| servedBy == null && apiBase != null && apiBase.equals(expected.apiBase());
		if (!byExpected) {
			line.append(" (expected ").append(expected.targetId()).append(')');
		}
		return byExpected ? Seen.EXPECTED : Seen.OTHER_TARGET;
	}

	private static String content(String body) {
		try {
			JsonNode node = JSON.readTree(body);
			JsonNode content = node.path("choices").path(0).path("message").path("content");
			return content.isMissingNode() ? null : content.asString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static boolean sleep(long nanos) {
		try {
			Thread.sleep(Duration.ofNanos(nanos).toMillis(), (int) (nanos % 1_000_000));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
