package dev.switchboard.golden;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.switchboard.gateway.ChatEndpoint;
import dev.switchboard.gateway.Redaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a golden set's cases to a chat endpoint and judges each answer. Costs are bounded: at most
 * {@code max-cases} requests per run, {@code max_tokens} capped, each request with a timeout and sent once
 * (a timeout or an error is that case's failure, never a retry), all marked as synthetic traffic.
 */
@Component
public class GoldenRunner {

	private final GoldenProperties properties;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService pool;

	GoldenRunner(GoldenProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.pool = Executors.newFixedThreadPool(properties.concurrency(), r -> {
			Thread t = new Thread(r, "golden-case");
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * @param target what the endpoint reaches, for the record (the live target, or the standby addressed directly)
	 * @param purpose {@code verify} or {@code canary}, sent in the synthetic-traffic header
	 */
	public GoldenRun run(GoldenSet set, String route, String target, ChatEndpoint endpoint, String purpose) {
		long start = System.nanoTime();
		List<GoldenCase> cases = set.cases().stream().limit(properties.maxCases()).toList();
		List<Future<CaseResult>> futures = new ArrayList<>();
		for (GoldenCase c : cases) {
			futures.add(pool.submit(() -> one(set, c, endpoint, purpose)));
		}
		List<CaseResult> results = new ArrayList<>();
		for (int i = 0; i < futures.size(); i++) {
			results.add(await(futures.get(i), cases.get(i)));
		}
		int needs = Math.min(set.passAtLeast(), cases.size());
		return new GoldenRun(set.service(), route, target, set.version(), needs, results, cases.size(),
				Duration.ofNanos(System.nanoTime() - start).toMillis(), clock.instant());
	}

	private CaseResult one(GoldenSet set, GoldenCase c, ChatEndpoint endpoint, String purpose) {
		Duration timeout = set.timeout() != null ? set.timeout() : properties.caseTimeout();
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header(properties.syntheticHeader(), "golden; case=" + set.service() + "/" + c.id() + "; purpose=" + purpose)
			.POST(HttpRequest.BodyPublishers.ofString(Assertion.JSON.writeValueAsString(body(set, c, endpoint))));
		endpoint.headers().forEach(request::header);
		if (endpoint.playsBackReferences()) {
			request.header(ChatEndpoint.REFERENCE_HEADER,
					Base64.getUrlEncoder().withoutPadding().encodeToString(c.reference().getBytes(StandardCharsets.UTF_8)));
		}
		long sent = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			return failed(c, "timed out after " + timeout.toMillis() + " ms (a timeout is a failure)", sent);
		}
		catch (IOException ex) {
			return failed(c, "gateway unreachable (" + ex.getClass().getSimpleName() + ")", sent);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(c, "interrupted", sent);
		}
		long latency = Duration.ofNanos(System.nanoTime() - sent).toMillis();
		if (response.statusCode() != 200) {
			return new CaseResult(c.id(), false, List.of("HTTP " + response.statusCode() + " "
					+ Assertion.trim(Redaction.text(response.body()))), latency, null);
		}
		Answer answer = answer(response.body(), latency);
		List<String> failures = new ArrayList<>();
		for (Assertion a : c.assertions()) {
			a.judge(answer).ifPresent(why -> failures.add(a.type() + " " + Redaction.text(why)));
		}
		return new CaseResult(c.id(), failures.isEmpty(), failures, latency, answer.completionTokens());
	}

	private JsonNode body(GoldenSet set, GoldenCase c, ChatEndpoint endpoint) {
		ObjectNode body = Assertion.JSON.createObjectNode();
		body.put("model", endpoint.model());
		body.set("messages", c.messages());
		if (c.responseFormat() != null) {
			body.set("response_format", c.responseFormat());
		}
		if (c.tools() != null) {
			body.set("tools", c.tools());
		}
		body.put("max_tokens", Math.min(set.maxTokens() == null ? properties.maxTokens() : set.maxTokens(), properties.maxTokens()));
		body.put("temperature", 0);
		return body;
	}

	private static Answer answer(String body, long latency) {
		JsonNode json = Assertion.parse(body).orElse(null);
		if (json == null) {
			return new Answer(null, latency, null);
		}
		JsonNode content = json.path("choices").path(0).path("message").path("content");
		JsonNode tokens = json.path("usage").path("completion_tokens");
		return new Answer(content.isString() ? content.asString() : null, latency, tokens.isNumber() ? tokens.asInt() : null);
	}

	private static CaseResult failed(GoldenCase c, String why, long sent) {
		return new CaseResult(c.id(), false, List.of(why), Duration.ofNanos(System.nanoTime() - sent).toMillis(), null);
	}

	private static CaseResult await(Future<CaseResult> future, GoldenCase c) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new CaseResult(c.id(), false, List.of("interrupted"), 0, null);
		}
		catch (ExecutionException ex) {
			return new CaseResult(c.id(), false, List.of("could not run: " + ex.getCause()), 0, null);
		}
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}
}
