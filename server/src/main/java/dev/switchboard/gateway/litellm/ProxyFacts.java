package dev.switchboard.gateway.litellm;

import java.util.Optional;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/**
 * What the proxy can do: its version ({@code litellm_version} of {@code /health/readiness}, else
 * the {@code x-litellm-version} header of any answer; remembered once known) and whether its
 * database is connected (asked before every write: without it no model change is stored).
 */
final class ProxyFacts {

	private final LiteLlmHttp http;

	private final ProxyVersion blockMinVersion;

	private volatile ProxyVersion version;

	ProxyFacts(LiteLlmHttp http, String blockMinVersion) {
		this.http = http;
		this.blockMinVersion = ProxyVersion.parse(blockMinVersion).orElseThrow();
	}

	/** Refuses before any write the proxy cannot store or does not support. */
	void requireWritable(LiteLlmProperties.Strategy strategy, boolean usesBlockEndpoints, String route) {
		String db = readiness();
		if (db != null && !"connected".equalsIgnoreCase(db)) {
			throw new GatewayException(Reason.REJECTED, "LiteLLM reports its database as '" + db + "': route " + route
					+ " cannot be changed until it is connected (DATABASE_URL, STORE_MODEL_IN_DB=True)");
		}
		Optional<ProxyVersion> known = Optional.ofNullable(version);
		if (usesBlockEndpoints || strategy == LiteLlmProperties.Strategy.BLOCK) {
			if (known.isEmpty()) {
				throw new GatewayException(Reason.UNSUPPORTED, "cannot tell this LiteLLM's version (no litellm_version in"
						+ " /health/readiness, no x-litellm-version header), and block/unblock needs ≥ " + blockMinVersion
						+ ": refusing rather than guessing");
			}
			if (!known.get().atLeast(blockMinVersion)) {
				throw new GatewayException(Reason.UNSUPPORTED, "LiteLLM " + known.get() + " has no /model/block and"
						+ " /model/unblock (needs ≥ " + blockMinVersion + "): upgrade the proxy or use the repoint or"
						+ " alias strategy for route " + route);
			}
		}
		if (strategy == LiteLlmProperties.Strategy.REPOINT && known.isPresent()
				&& !known.get().atLeast(ProxyVersion.PATCH_UPDATE)) {
			throw new GatewayException(Reason.UNSUPPORTED, "LiteLLM " + known.get() + " has no PATCH /model/{id}/update"
					+ " (needs ≥ " + ProxyVersion.PATCH_UPDATE + "): upgrade the proxy or use the alias strategy");
		}
	}

	/** Asks {@code /health/readiness} (no auth); returns its {@code db} field, null when absent. */
	private String readiness() {
		LiteLlmHttp.Reply reply = http.unauthenticated("/health/readiness");
		String reported = reply.body().path("litellm_version").asString(null);
		ProxyVersion.parse(reported)
			.or(() -> http.lastSeenVersion().flatMap(ProxyVersion::parse))
			.ifPresent(found -> version = found);
		return reply.body().path("db").asString(null);
	}
}
