package dev.switchboard.gateway.scg;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.switchboard.gateway.Redaction;

/**
 * {@code switchboard.gateway.scg.*}: one Spring Cloud Gateway, driven through its actuator route
 * API, and the upstream each target of a flippable route points at. Nothing is checked while
 * {@code base-url} is unset (the adapter is not in use).
 *
 * @param baseUrl the gateway, e.g. {@code http://llm-gw.internal:8080}; probes go through it too
 * @param actuatorPath where the gateway endpoint is ({@code /actuator/gateway} by default)
 * @param adminToken sent as {@code Authorization: Bearer …} on actuator calls, when the actuator is
 * protected that way; from the environment only ({@code ${SCG_ADMIN_TOKEN}})
 * @param adminUser with {@code adminPassword}: basic auth on actuator calls instead
 * @param adminPassword from the environment only
 * @param probeToken sent as {@code Authorization: Bearer …} on verify probes (an upstream API key)
 * @param connectTimeout to open a connection
 * @param requestTimeout for any actuator call to answer
 * @param servedByHeader the response header each upstream names itself in; verify requires every
 * probe to carry the expected target's {@code served-by}
 * @param disabledUri where a disabled route points: a {@code forward:} to a path nothing serves, so
 * the gateway answers 404 while the route definition (predicates, filters, metadata) is kept
 * @param routes flippable routes, by the public route name Switchboard uses
 */
@ConfigurationProperties(prefix = "switchboard.gateway.scg", ignoreUnknownFields = false)
public record ScgProperties(URI baseUrl, String actuatorPath, String adminToken, String adminUser, String adminPassword,
		String probeToken, Duration connectTimeout, Duration requestTimeout, String servedByHeader, String disabledUri,
		Map<String, Route> routes) {

	public ScgProperties {
		actuatorPath = blank(actuatorPath) ? "/actuator/gateway" : actuatorPath.replaceAll("/+$", "");
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
		servedByHeader = blank(servedByHeader) ? "x-served-by" : servedByHeader;
		disabledUri = blank(disabledUri) ? "forward:/switchboard/route-disabled" : disabledUri;
		routes = routes == null ? Map.of() : Map.copyOf(new TreeMap<>(routes));
		if (baseUrl != null) {
			if (!blank(adminToken) && !blank(adminUser)) {
				throw new IllegalArgumentException("switchboard.gateway.scg: set admin-token or admin-user, not both");
			}
			if (blank(adminUser) != blank(adminPassword)) {
				throw new IllegalArgumentException("switchboard.gateway.scg: admin-user and admin-password go together");
			}
			routes.forEach((name, route) -> route.check(name));
		}
	}

	/** Never prints the secrets. */
	@Override
	public String toString() {
		return "ScgProperties[baseUrl=" + Redaction.text(String.valueOf(baseUrl)) + ", adminToken="
				+ (blank(adminToken) ? "unset" : "***") + ", adminUser=" + adminUser + ", routes=" + routes.keySet() + "]";
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * One flippable route.
	 *
	 * @param routeId the route's id on the gateway ({@code POST /actuator/gateway/routes/{id}});
	 * the public name when unset
	 * @param probePath the gateway path the route's predicates match, where verify sends its probes
	 * (e.g. {@code /llm/invoice-extraction/v1/chat/completions})
	 * @param probeHeaders extra headers probes need to match the route's predicates
	 * @param targets the upstreams the route may point at, the first being the usual primary
	 */
	public record Route(String routeId, String probePath, Map<String, String> probeHeaders, List<Target> targets) {

		public Route {
			probeHeaders = probeHeaders == null ? Map.of() : Map.copyOf(probeHeaders);
			targets = targets == null ? List.of() : List.copyOf(targets);
		}

		String idOr(String name) {
			return blank(routeId) ? name : routeId;
		}

		Optional<Target> target(String ask) {
			return targets.stream().filter(t -> t.name().equalsIgnoreCase(ask)).findFirst();
		}

		void check(String name) {
			if (blank(probePath) || !probePath.startsWith("/")) {
				throw new IllegalArgumentException("switchboard.gateway.scg.routes." + name
						+ ".probe-path must be the gateway path the route serves, starting with /");
			}
			if (targets.isEmpty()) {
				throw new IllegalArgumentException("switchboard.gateway.scg.routes." + name + " needs targets");
			}
			Set<String> names = new HashSet<>();
			for (Target target : targets) {
				if (blank(target.name()) || target.uri() == null || target.uri().getScheme() == null) {
					throw new IllegalArgumentException("switchboard.gateway.scg.routes." + name
							+ ": every target needs a name and an absolute uri");
				}
				if (!names.add(target.name().toLowerCase(Locale.ROOT))) {
					throw new IllegalArgumentException(
							"switchboard.gateway.scg.routes." + name + ": target " + target.name() + " appears twice");
				}
			}
		}
	}

	/**
	 * One upstream of a route.
	 *
	 * @param name {@code provider/model}, the target's name in plans and runbooks
	 * @param uri what the route's {@code uri} becomes on a flip
	 * @param servedBy what this upstream answers in {@code served-by-header}; the name when unset
	 */
	public record Target(String name, URI uri, String servedBy) {

		String servedByOrName() {
			return blank(servedBy) ? name : servedBy;
		}

		@Override
		public String toString() {
			return "Target[name=" + name + ", uri=" + Redaction.text(String.valueOf(uri)) + "]";
		}
	}
}
