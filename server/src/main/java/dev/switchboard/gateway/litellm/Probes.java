package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

/**
 * Verify: {@code probes} chat completions ({@code max_tokens: 1}) spread evenly over the window,
 * each judged by who served it ({@code x-litellm-model-id}, {@code x-litellm-model-api-base}) and
 * whether a fallback was attempted ({@code x-litellm-attempted-fallbacks}).
 */
final class Probes {

	private final LiteLlmHttp http;

	private final Duration settle;

	/** @param settle the replicas' poll interval: probes sent after it must all be served right */
	Probes(LiteLlmHttp http, Duration settle) {
		this.http = http;
		this.settle = settle;
	}

	Verification run(String route, Expectation expected, VerifyPolicy policy) {
		long start = System.nanoTime();
		long gap = policy.probes() == 1 ? 0 : policy.window().toNanos() / (policy.probes() - 1);
		List<Probe> probes = new ArrayList<>();
		for (int i = 0; i < policy.probes(); i++) {
			sleepUntil(start + i * gap);
			Duration at = Duration.ofNanos(System.nanoTime() - start);
			probes.add(probe(route, expected, policy.probeTimeout(), at));
		}
		return verdict(probes, settle);
	}

	private Probe probe(String route, Expectation expected, Duration timeout, Duration at) {
		ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", route).put("max_tokens", 1);
		body.putArray("messages").addObject().put("role", "user").put("content", "switchboard verify probe");
		try {
			LiteLlmHttp.Reply reply = http.probe(body, timeout);
			if (!reply.ok()) {
				return Probe.error(at, reply.status() + " " + LiteLlmErrors.message(reply, http));
			}
			String modelId = reply.header("x-litellm-model-id").orElse(null);
			String apiBase = reply.header("x-litellm-model-api-base").orElse(null);
			String fallbacks = reply.header("x-litellm-attempted-fallbacks").orElse("0");
			boolean noFallback = "0".equals(fallbacks.trim());
			Probe.Kind kind = expected.matches(modelId, apiBase) && noFallback ? Probe.Kind.EXPECTED : Probe.Kind.OTHER;
			String seen = "200 served by " + modelId + " at " + Redaction.url(apiBase) + ", fallbacks " + fallbacks
					+ (kind == Probe.Kind.EXPECTED ? "" : " (expected " + expected.target() + ")");
			return new Probe(at, kind, seen);
		}
		catch (GatewayException ex) {
			return Probe.error(at, ex.reason().name().toLowerCase(Locale.ROOT) + ": " + ex.getMessage());
		}
	}

	/**
	 * Any error → failed; none served by the target → failed; all served by it → verified; probes
	 * after {@code settle} all served by it → verified (the earlier ones saw replicas converging);
	 * otherwise written, not converged.
	 */
	static Verification verdict(List<Probe> probes, Duration settle) {
		long expected = probes.stream().filter(p -> p.kind() == Probe.Kind.EXPECTED).count();
		boolean errors = probes.stream().anyMatch(p -> p.kind() == Probe.Kind.ERROR);
		List<Probe> settled = probes.stream().filter(p -> p.at().compareTo(settle) >= 0).toList();
		Verification.Outcome outcome;
		if (errors || expected == 0) {
			outcome = Verification.Outcome.FAILED;
		}
		else if (expected == probes.size()
				|| (!settled.isEmpty() && settled.stream().allMatch(p -> p.kind() == Probe.Kind.EXPECTED))) {
			outcome = Verification.Outcome.VERIFIED;
		}
		else {
			outcome = Verification.Outcome.WRITTEN_NOT_CONVERGED;
		}
		return new Verification(outcome, probes.size(), (int) expected, probes.stream().map(Probe::line).toList());
	}

	private static void sleepUntil(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GatewayException(GatewayException.Reason.TIMEOUT, "verify was interrupted", ex);
			}
		}
	}

	/** One probe's result. */
	record Probe(Duration at, Kind kind, String seen) {

		enum Kind {
			EXPECTED, OTHER, ERROR
		}

		static Probe error(Duration at, String seen) {
			return new Probe(at, Kind.ERROR, seen);
		}

		String line() {
			String verdict = kind == Kind.EXPECTED ? "expected target" : kind == Kind.OTHER ? "OTHER target" : "ERROR";
			return String.format(Locale.ROOT, "t+%.1fs %s: %s", at.toMillis() / 1000.0, seen, verdict);
		}
	}
}
