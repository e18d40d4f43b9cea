package dev.switchboard.gateway;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.gateway.*}: which adapter serves which route, how hard verify probes, how long
 * a flip may stay before the commander is reminded.
 *
 * @param defaultAdapter the adapter ({@link Gateway#kind()}) of every route not listed in {@code routes}
 * @param drillAdapter the adapter drills use for every route; it must not be a production gateway
 * (the engine refuses drill changes on one, and says so in the timeline)
 * @param routes adapter per route, e.g. {@code switchboard.gateway.routes.invoice-extraction=litellm}
 * @param verify probes sent after every change
 * @param lease how long a flip stays before the commander must restore or renew it
 * @param leaseReminder how long before the lease ends the commander is reminded
 * @param callTimeout the timeout of every single call to a gateway
 * <p>
 * Unknown keys are ignored here, not refused: each adapter binds its own sub-prefix
 * ({@code switchboard.gateway.litellm.*}, {@code switchboard.gateway.scg.*}) strictly, and a strict
 * binding of this prefix would refuse those keys and fail startup as soon as an adapter is configured.
 */
@ConfigurationProperties(prefix = "switchboard.gateway", ignoreUnknownFields = true)
public record GatewayProperties(@DefaultValue("sandbox") String defaultAdapter, @DefaultValue("sandbox") String drillAdapter,
		Map<String, String> routes, @DefaultValue Verify verify, @DefaultValue("60m") Duration lease,
		@DefaultValue("10m") Duration leaseReminder, @DefaultValue("5s") Duration callTimeout) {

	public GatewayProperties {
		routes = routes == null ? Map.of() : Map.copyOf(routes);
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("switchboard.gateway.lease must be positive");
		}
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("switchboard.gateway.call-timeout must be positive");
		}
	}

	/**
	 * @param probes how many probe requests verify sends (1..100)
	 * @param window over how long; at least the gateway's replica convergence interval
	 * @param probeTimeout the timeout of one probe
	 */
	public record Verify(@DefaultValue("5") int probes, @DefaultValue("2s") Duration window,
			@DefaultValue("5s") Duration probeTimeout) {

		public VerifyPolicy policy() {
			return new VerifyPolicy(probes, window, probeTimeout);
		}
	}
}
