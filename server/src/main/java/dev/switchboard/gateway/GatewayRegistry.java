package dev.switchboard.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The gateways this server knows, by {@link Gateway#kind()}, and which one serves which route.
 * Configuration naming an adapter that does not exist fails at startup, never at 3 a.m.
 */
@Component
public class GatewayRegistry {

	private final Map<String, Gateway> byKind = new TreeMap<>();

	private final GatewayProperties properties;

	public GatewayRegistry(List<Gateway> gateways, GatewayProperties properties) {
		this.properties = properties;
		for (Gateway gateway : gateways) {
			if (byKind.putIfAbsent(gateway.kind(), gateway) != null) {
				throw new IllegalStateException("two gateway adapters call themselves '" + gateway.kind() + "'");
			}
		}
		require("switchboard.gateway.default-adapter", properties.defaultAdapter());
		require("switchboard.gateway.drill-adapter", properties.drillAdapter());
		properties.routes().forEach((route, adapter) -> require("switchboard.gateway.routes." + route, adapter));
	}

	private void require(String key, String adapter) {
		if (!byKind.containsKey(adapter)) {
			throw new IllegalStateException(key + " names gateway adapter '" + adapter + "', which does not exist; known: "
					+ byKind.keySet());
		}
	}

	/** The gateway that serves {@code route} in a real incident. */
	public Gateway forRoute(String route) {
		return byKind.get(properties.routes().getOrDefault(route, properties.defaultAdapter()));
	}

	/** The gateway that serves {@code route} in an incident, or in a drill (the engine refuses a production one). */
	public Gateway forRoute(String route, boolean drill) {
		return drill ? forDrills() : forRoute(route);
	}

	/** The gateway drills use for every route (the engine refuses it when it is a production one). */
	public Gateway forDrills() {
		return byKind.get(properties.drillAdapter());
	}

	public List<Gateway> all() {
		return List.copyOf(byKind.values());
	}

	public VerifyPolicy verifyPolicy() {
		return properties.verify().policy();
	}

	public GatewayProperties properties() {
		return properties;
	}
}
