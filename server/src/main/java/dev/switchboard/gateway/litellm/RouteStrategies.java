package dev.switchboard.gateway.litellm;

import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/** The strategy of each configured route; a route that is not configured cannot be touched. */
final class RouteStrategies {

	private final Map<String, RouteStrategy> byRoute = new TreeMap<>();

	RouteStrategies(LiteLlmAdmin admin, Map<String, LiteLlmProperties.Route> routes) {
		routes.forEach((name, route) -> byRoute.put(name, create(admin, route)));
	}

	RouteStrategy of(String route) {
		RouteStrategy strategy = byRoute.get(route);
		if (strategy == null) {
			throw new GatewayException(Reason.UNKNOWN_ROUTE, "route " + route + " is not configured for LiteLLM"
					+ " (switchboard.gateway.litellm.routes; configured: " + byRoute.keySet() + ")");
		}
		return strategy;
	}

	private static RouteStrategy create(LiteLlmAdmin admin, LiteLlmProperties.Route route) {
		switch (route.strategy()) {
			case REPOINT:
				return new RepointStrategy(admin, route);
			case BLOCK:
				return new BlockStrategy(admin);
			case ALIAS:
				return new AliasStrategy(admin, route);
			default:
				throw new IllegalArgumentException("unknown strategy " + route.strategy());
		}
	}
}
