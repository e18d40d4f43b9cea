package dev.switchboard.gateway.scg;

import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

/** Reads configured routes back from the gateway itself (never from a cache): written definition and served uri. */
final class ScgRoutes {

	private final ScgProperties properties;

	private final ScgActuator actuator;

	ScgRoutes(ScgProperties properties, ScgActuator actuator) {
		this.properties = properties;
		this.actuator = actuator;
	}

	ScgRoute read(String route) {
		ScgProperties.Route config = config(route);
		String id = config.idOr(route);
		JsonNode definition = StreamSupport.stream(actuator.definitions().spliterator(), false)
			.filter(node -> node.isObject() && id.equals(node.path("id").asString(null)))
			.findFirst()
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_ROUTE, "route " + route + " (gateway route id " + id
					+ ") is not defined on the gateway at " + actuator.base() + ": create it through POST "
					+ properties.actuatorPath() + "/routes/" + id + " and refresh (routes from the gateway's own"
					+ " configuration cannot be changed through the actuator)"));
		String liveUri = actuator.live(id).map(node -> node.path("uri").asString(null)).orElse(null);
		return ScgRoute.of(route, config, (ObjectNode) definition, liveUri, properties.disabledUri());
	}

	ScgProperties.Route config(String route) {
		ScgProperties.Route config = route == null ? null : properties.routes().get(route);
		if (config == null) {
			throw new GatewayException(Reason.UNKNOWN_ROUTE, "route " + route + " is not configured for the scg gateway"
					+ " (switchboard.gateway.scg.routes); configured: " + properties.routes().keySet());
		}
		return config;
	}

	static ScgProperties.Target target(ScgProperties.Route config, String route, String ask) {
		return config.target(ask == null ? "" : ask)
			.orElseThrow(() -> new GatewayException(Reason.UNKNOWN_TARGET,
					"route " + route + " has no target '" + ask + "' (known: " + ScgRoute.targetsOf(config) + ")"));
	}
}
