package dev.switchboard.gateway.scg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test class's world: the shared real gateway, two fake upstreams behind it, a fault-injecting
 * pass-through in front of it, and a fresh route per test ({@code sb-<prefix>-<n>}, serving
 * {@code /r/<id>/**}) on the primary upstream.
 */
final class ScgFixture implements AutoCloseable {

	static final String ROUTE = "contract-route";

	static final String PRIMARY = "openai/gpt-4.1";

	static final String SECONDARY = "anthropic/claude-sonnet-4-5";

	private static final AtomicInteger ROUTES = new AtomicInteger();

	final ScgAdmin admin;

	final ScgFaults faults;

	final FakeUpstream primary;

	final FakeUpstream secondary;

	private final String prefix;

	String routeId;

	ScgFixture(String prefix) {
		this.prefix = prefix;
		try {
			ScgHarness scg = ScgHarness.shared();
			this.admin = new ScgAdmin(scg.base());
			this.faults = new ScgFaults(scg.base());
			this.primary = new FakeUpstream("openai-upstream");
			this.secondary = new FakeUpstream("anthropic-upstream");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Calms everything and defines a new route on the primary upstream, refreshed, as an operator would. */
	String freshRoute(List<Map<String, Object>> extraFilters) {
		faults.calm();
		primary.down = false;
		secondary.down = false;
		routeId = "sb-" + prefix + "-" + ROUTES.incrementAndGet();
		admin.define(routeId, primary.uri(), Map.of("owner", "platform-team"), extraFilters);
		admin.refresh();
		return routeId;
	}

	FakeUpstream upstream(String target) {
		return target.equals(PRIMARY) ? primary : secondary;
	}

	/** The adapter's configuration for {@link #ROUTE} through the pass-through, with admin credentials if given. */
	ScgProperties properties(Duration requestTimeout, String adminToken, String adminUser, String adminPassword) {
		ScgProperties.Route route = new ScgProperties.Route(routeId, ScgAdmin.probePath(routeId), Map.of(),
				List.of(new ScgProperties.Target(PRIMARY, primary.uri(), primary.id),
						new ScgProperties.Target(SECONDARY, secondary.uri(), secondary.id)));
		return new ScgProperties(faults.uri(), null, adminToken, adminUser, adminPassword, null, Duration.ofSeconds(1),
				requestTimeout, FakeUpstream.SERVED_BY, null, Map.of(ROUTE, route));
	}

	@Override
	public void close() {
		faults.close();
		primary.close();
		secondary.close();
	}
}
