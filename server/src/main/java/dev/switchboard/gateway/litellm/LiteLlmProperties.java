package dev.switchboard.gateway.litellm;

import dev.switchboard.gateway.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;



/**
 * {@code switchboard.gateway.litellm.*}: one LiteLLM proxy and how each of its routes is flipped.
 * Nothing is checked while {@code base-url} is unset (the adapter is not in use).
 *
 * @param baseUrl the proxy, e.g. {@code http://litellm:4000}
 * @param masterKey admin key ({@code sk-…}); from the environment only
 * ({@code master-key: ${LITELLM_MASTER_KEY}}), never committed and never printed
 * @param probeKey key verify probes are sent with (a probe-only virtual key); the master key when unset
 * @param connectTimeout to open a connection
 * @param requestTimeout for any admin call to answer
 * @param replicaPollInterval how long the proxy's replicas take to pick up a write from the DB
 * ({@code proxy_config_reload_interval_seconds}, 30 s by default in LiteLLM); verify judges only
 * probes sent after this much time
 * @param readBackAttempts reads after a write to find a replica that shows it
 * @param blockMinVersion oldest proxy with {@code /model/block} (PR #30125, mid-2026)
 * @param routes strategy of each flippable route, by public model group name
 */
@ConfigurationProperties(prefix = "switchboard.gateway.litellm", ignoreUnknownFields = false)
public record LiteLlmProperties(URI baseUrl, String masterKey, String probeKey, Duration connectTimeout,
		Duration requestTimeout, Duration replicaPollInterval, Integer readBackAttempts, String blockMinVersion,
		Map<String, Route> routes) {

	/** How a route is switched; see the package documentation. */
	public enum Strategy {
		/** PATCH the group's single DB deployment to the target's params. */
		REPOINT,
		/** Targets are deployments of the group; unblock the target, block the others. */
		BLOCK,
		/** {@code router_settings.model_group_alias}: the route name points at the target's group. */
		ALIAS
	}

	public LiteLlmProperties {
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
		replicaPollInterval = replicaPollInterval == null ? Duration.ofSeconds(30) : replicaPollInterval;
		readBackAttempts = readBackAttempts == null ? 3 : readBackAttempts;
		blockMinVersion = blockMinVersion == null ? "1.90.0" : blockMinVersion;
		routes = routes == null ? Map.of() : Map.copyOf(new TreeMap<>(routes));
		if (baseUrl != null) {
			if (masterKey == null || !masterKey.startsWith("sk-")) {
				throw new IllegalArgumentException(
						"switchboard.gateway.litellm.master-key must be set (from LITELLM_MASTER_KEY) and start with sk-");
			}
			if (readBackAttempts < 1 || ProxyVersion.parse(blockMinVersion).isEmpty()) {
				throw new IllegalArgumentException("read-back-attempts must be ≥ 1 and block-min-version like 1.90.0");
			}
			routes.forEach((name, route) -> route.check(name));
		}
	}

	/** The key probes use. */
	String probeKeyOrMaster() {
		return probeKey == null || probeKey.isBlank() ? masterKey : probeKey;
	}

	/** Never prints the keys. */
	@Override
	public String toString() {
		return "LiteLlmProperties[baseUrl=" + baseUrl + ", masterKey=" + (masterKey == null ? "unset" : "***")
				+ ", routes=" + routes.keySet() + "]";
	}

	/**
	 * @param strategy how the route is flipped
	 * @param deploymentId repoint only: the deployment ({@code model_info.id}) to patch; found from the group
	 * when unset (it must then hold exactly one deployment)
	 * @param targets repoint: the params to write; alias: the group of each target; block: optional
	 */
	public record Route(Strategy strategy, String deploymentId, List<Target> targets) {

		public Route {
			targets = targets == null ? List.of() : List.copyOf(targets);
		}

		void check(String name) {
			if (strategy == null) {
				throw new IllegalArgumentException("route " + name + ": strategy (repoint, block or alias) is required");
			}
			for (Target target : targets) {
				if (target.model() == null || target.model().isBlank()) {
					throw new IllegalArgumentException("route " + name + ": every target needs a model");
				}
				if (strategy == Strategy.REPOINT && (target.apiBase() == null || target.apiBase().isBlank())) {
					// LiteLLM ignores an explicit null on update (#35462): a missing api_base would keep the old one
					throw new IllegalArgumentException("route " + name + ": repoint target " + target.model()
							+ " needs an api-base (LiteLLM keeps the old one otherwise)");
				}
				if (strategy == Strategy.ALIAS && (target.group() == null || target.group().isBlank())) {
					throw new IllegalArgumentException(
							"route " + name + ": alias target " + target.model() + " needs the model group it points at");
				}
			}
		}
	}

	/**
	 * One target of a route.
	 *
	 * @param model {@code provider/model}, the target's name in plans
	 * @param apiBase repoint: the {@code api_base} written
	 * @param apiKey repoint: the {@code api_key} written; best an {@code os.environ/NAME} reference
	 * @param group alias: the model group the route name points at
	 */
	public record Target(String model, String apiBase, String apiKey, String group) {

		@Override
		public String toString() {
			return "Target[model=" + model + ", apiBase=" + Redaction.url(apiBase) + ", group=" + group + "]";
		}
	}
}
