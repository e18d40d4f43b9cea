package dev.switchboard.incident;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestComponent;

import dev.switchboard.gateway.sandbox.SandboxControls;
import dev.switchboard.gateway.sandbox.SandboxGateway;

/**
 * Incidents on the shipped ai-outage runbook, walked to its route steps, on a calm sandbox.
 * Step "switch-route" has: 1 flip invoice-extraction (tier 1: second approver), 2 flip
 * support-replies (tier 2), 3 flip ticket-routing (tier 3); "secondary-failing" restores them.
 */
@TestComponent
class RouteFlipFixture {

	static final Actor PRIYA = new Actor("priya-natarajan"); // incident commander, invoicing

	static final Actor AMELIE = new Actor("amelie-laurent"); // incident commander, ai-platform

	static final Actor TOMASZ = new Actor("tomasz-nowak"); // security: no route rights

	static final List<String> ROUTES = List.of("invoice-extraction", "support-replies", "ticket-routing");

	final Declarations declarations;

	final Walk walk;

	final StepActions actions;

	final Incidents incidents;

	final SandboxControls sandbox;

	final SandboxGateway gateway;

	final JdbcClient jdbc;

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
	void calm() {
		sandbox.calm();
		ROUTES.forEach(sandbox::reset);
		jdbc.sql("UPDATE flip_lease SET ended_at = CURRENT_TIMESTAMP, end_reason = 'test reset' WHERE ended_at IS NULL")
			.update();
		jdbc.sql("DELETE FROM last_known_good").update();
	}

	long atSwitchRoute(boolean drill) {
		long id = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, drill, null), PRIYA, null)
			.result()
			.id();
		walk.choose(id, null, "hard-outage", PRIYA, null);
		walk.choose(id, null, "switch-route", PRIYA, null);
		return id;
	}

	void toSecondaryFailing(long id) {
		walk.choose(id, null, "verify-secondary", PRIYA, null);
		walk.choose(id, null, "secondary-failing", PRIYA, null);
	}

	String active(String route) {
		return gateway.read(route).activeTarget();
	}

	List<TimelineEvent> events(long id, EventType type) {
		return incidents.timeline(id).stream().filter(e -> e.type() == type).toList();
	}

	TimelineEvent last(long id, EventType type) {
		List<TimelineEvent> found = events(id, type);
		if (found.isEmpty()) {
			throw new AssertionError("no " + type.wire() + " in the timeline: " + incidents.timeline(id));
		}
		return found.get(found.size() - 1);
	}

	long snapshots() {
		return jdbc.sql("SELECT COUNT(*) FROM route_snapshot").query(Long.class).single();
	}

	String lastKnownGood(String route) {
		return jdbc.sql("SELECT fingerprint FROM last_known_good WHERE gateway = 'sandbox' AND route = :r")
			.param("r", route)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
