package dev.switchboard.gateway.sandbox;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * What drills (and tests) change on the sandbox gateway to rehearse failures: how each target's
 * upstream behaves, a gateway that is down or answers slowly, replicas that converge late.
 */
@Component
public class SandboxControls {

	private final SandboxRouteTable table;

	private final SandboxServer server;

	SandboxControls(SandboxRouteTable table, SandboxServer server) {
		this.table = table;
		this.server = server;
	}

	/**
	 * Sets how the upstream behind a target answers.
	 * @param target the target's id or its model ({@code anthropic/claude-sonnet-4-5})
	 * @throws IllegalArgumentException when the route has no such target
	 */
	public void behave(String route, String target, Behaviour behaviour) {
		if (!table.behave(route, target, behaviour)) {
			throw new IllegalArgumentException("the sandbox has no target '" + target + "' on route '" + route + "'");
		}
	}

	/** The whole gateway stops answering (connections refused) or comes back. */
	public void gatewayDown(boolean down) {
		if (down) {
			server.down();
		}
		else {
			server.up();
		}
	}

	/** Admin calls take this long before they are handled (zero: answer at once). */
	public void adminDelay(Duration delay) {
		server.adminDelay(delay);
	}

	/** Traffic is served from a route table up to {@code lag} old, like replicas polling their database. */
	public void convergenceLag(Duration lag) {
		server.chat().lag(lag);
	}

	/** How long a {@link Behaviour#SLOW} upstream pauses before answering. */
	public void slowness(Duration pause) {
		server.chat().slowness(pause);
	}

	/** Back to a calm gateway: up, fast, converged, every upstream healthy (route selections are kept). */
	public void calm() {
		server.up();
		server.adminDelay(Duration.ZERO);
		server.chat().lag(Duration.ZERO);
		server.chat().slowness(Duration.ofSeconds(30));
		table.allHealthy();
	}

	/**
	 * Someone changes the route on the gateway behind Switchboard's back (selects and enables a target):
	 * what a drift drill rehearses.
	 */
	public void select(String route, String target) {
		String key = "out-of-band-" + java.util.UUID.randomUUID();
		if (table.select(route, target, null, key, "") != SandboxRouteTable.Write.DONE) {
			throw new IllegalArgumentException("the sandbox has no target '" + target + "' on route '" + route + "'");
		}
	}

	/** The route as seeded: every target enabled and healthy, the first selected. */
	public void reset(String route) {
		SandboxRoute seeded = table.find(route)
			.orElseThrow(() -> new IllegalArgumentException("the sandbox has no route '" + route + "'"));
		for (SandboxRoute.Target t : seeded.targets()) {
			table.setEnabled(route, t.id(), true);
			table.behave(route, t.id(), Behaviour.HEALTHY);
		}
		select(route, seeded.targets().get(0).id());
	}

	/** Creates a route if the sandbox does not have it: the first target is selected. */
	public boolean seed(String route, java.util.List<String> models) {
		return table.seed(route, models);
	}
}
