package dev.switchboard.drill;

import java.time.Duration;

import org.springframework.context.ApplicationContext;

import dev.switchboard.scenario.ExpectedChoice;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.DrivenClock;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Walk;

/** A commander and a facilitator driving one drill through the engine, on the test clock. */
final class DrillRun {

	static final Actor PRIYA = new Actor("priya-natarajan");

	final Drills drills;

	final DrillControls controls;

	final DrillReports reports;

	final Walk walk;

	final StepActions actions;

	final Incidents incidents;

	final DrivenClock clock;

	long id;

	DrillRun(ApplicationContext context) {
		this.drills = context.getBean(Drills.class);
		this.controls = context.getBean(DrillControls.class);
		this.reports = context.getBean(DrillReports.class);
		this.walk = context.getBean(Walk.class);
		this.actions = context.getBean(StepActions.class);
		this.incidents = context.getBean(Incidents.class);
		this.clock = new DrivenClock(context.getBean(java.time.Clock.class));
	}

	DrillRun start(String name) {
		id = drills.start(name, null, PRIYA, ChatRef.NONE, null).incidentId();
		return this;
	}

	Scenario scenario() {
		return drills.scenario(drills.get(id));
	}

	/** Time passes on the drill clock and the scheduler ticks. */
	DrillRun after(Duration d) {
		clock.advance(d);
		drills.tick();
		return this;
	}

	/** Runs every action of the current step, as a thorough commander does. */
	DrillRun runActions() {
		IncidentState state = incidents.state(id);
		for (int n = 1; n <= state.step().actions().size(); n++) {
			actions.run(id, state.step().id(), n, PRIYA, null);
		}
		return this;
	}

	DrillRun choose(String choice) {
		walk.choose(id, null, choice, PRIYA, null);
		return this;
	}

	/** Walks the scenario's expected path, thirty seconds a step, every action run. */
	DrillRun walkExpectedPath() {
		for (ExpectedChoice c : scenario().expectedPath()) {
			after(Duration.ofSeconds(30)).runActions().choose(c.choice());
		}
		return runActions();
	}

	DrillReport end() {
		return controls.end(id, PRIYA);
	}
}
