package dev.switchboard.incident.route;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestComponent;

import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.incident.Walk;

/**
 * Incidents on the shipped ai-outage runbook, walked to its route steps, on a calm sandbox.
 * Step "switch-route" has: 1 flip invoice-extraction (tier 1: second approver), 2 flip
 * support-replies (tier 2), 3 flip ticket-routing (tier 3); "secondary-failing" restores them.
 */
@TestComponent
public class RouteFlipFixture {

	public static final Actor PRIYA = new Actor("priya-natarajan"); // incident commander, invoicing

	public static final Actor AMELIE = new Actor("amelie-laurent"); // incident commander, ai-platform

	public static final Actor TOMASZ = new Actor("tomasz-nowak"); // security: no route rights

	public static final List<String> ROUTES = List.of("invoice-extraction", "support-replies", "ticket-routing");

	public final Declarations declarations;

	public final Walk walk;

	public final StepActions actions;

	public final Incidents incidents;

	public final SandboxControls sandbox;

	public final SandboxGateway gateway;

	public final JdbcClient jdbc;

	RouteFlipFixture(Declarations declarations, Walk walk, StepActions actions, Incidents incidents,
			SandboxControls sandbox, SandboxGateway gateway, JdbcClient jdbc) {
		this.declarations = declarations;
		this.walk = walk;
		this.actions = actions;
		this.incidents = incidents;
		this.sandbox = sandbox;
		this.gateway = gateway;
		this.jdbc = jdbc;
	}

	/** Every route back on its primary, healthy; no change in effect, no last-known-good. */
	public void calm() {
		sandbox.calm();
		ROUTES.forEach(sandbox::reset);
		jdbc.sql("UPDATE flip_lease SET ended_at = CURRENT_TIMESTAMP, end_reason = 'test reset' WHERE ended_at IS NULL")
			.update();
		jdbc.sql("DELETE FROM last_known_good").update();
	}

	public long atSwitchRoute(boolean drill) {
		long id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, drill, null), PRIYA, null)
			.result()
			.id();
		walk.choose(id, null, "hard-outage", PRIYA, null);
		walk.choose(id, null, "switch-route", PRIYA, null);
		return id;
	}

	public void toSecondaryFailing(long id) {
		walk.choose(id, null, "verify-secondary", PRIYA, null);
		walk.choose(id, null, "secondary-failing", PRIYA, null);
	}

	public String active(String route) {
		return gateway.read(route).activeTarget();
	}

	public List<TimelineEvent> events(long id, EventType type) {
		return incidents.timeline(id).stream().filter(e -> e.type() == type).toList();
	}

	public TimelineEvent last(long id, EventType type) {
		List<TimelineEvent> found = events(id, type);
		if (found.isEmpty()) {
			throw new AssertionError("no " + type.wire() + " in the timeline: " + incidents.timeline(id));
		}
		return found.get(found.size() - 1);
	}

	public long snapshots() {
		return jdbc.sql("SELECT COUNT(*) FROM route_snapshot").query(Long.class).single();
	}

	public String lastKnownGood(String route) {
		return jdbc.sql("SELECT fingerprint FROM last_known_good WHERE gateway = 'sandbox' AND route = :r")
			.param("r", route)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
