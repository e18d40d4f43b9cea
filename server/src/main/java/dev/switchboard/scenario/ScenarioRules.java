package dev.switchboard.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.NearestNames;
import dev.switchboard.lint.YamlTree;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;
import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

/**
 * What a scenario must agree with: its runbook exists, its expected path can be walked from the
 * runbook's first step one choice at a time (choices resolved as the incident engine resolves
 * them), its service exists and has the targets its events act on.
 */
final class ScenarioRules {

	private final Collection<Runbook> runbooks;

	private final Ownership ownership;

	ScenarioRules(Collection<Runbook> runbooks, Ownership ownership) {
		this.runbooks = runbooks;
		this.ownership = ownership;
	}

	void check(Scenario scenario, YamlTree tree, FindingSink sink) {
		Optional<Runbook> runbook = runbooks.stream().filter(r -> r.id().equals(scenario.runbook())).findFirst();
		if (runbook.isEmpty()) {
			sink.error(tree.lineOf("/runbook"), "unknown-runbook", "unknown runbook '" + scenario.runbook() + "'"
					+ NearestNames.hint(scenario.runbook(), runbooks.stream().map(Runbook::id).toList()));
		}
		else {
			walk(scenario, runbook.get(), tree, sink);
		}
		Optional<Service> service = ownership.service(scenario.service());
		if (service.isEmpty()) {
			sink.error(tree.lineOf("/service"), "unknown-service", "unknown service '" + scenario.service() + "'"
					+ NearestNames.hint(scenario.service(), ownership.services().stream().map(Service::id).toList()));
			return;
		}
		runbook.filter(r -> !r.services().contains(scenario.service()))
			.ifPresent(r -> sink.warning(tree.lineOf("/service"), "service-not-in-runbook",
					"runbook '" + r.id() + "' does not list service '" + scenario.service() + "'"));
		for (int i = 0; i < scenario.events().size(); i++) {
			List<SandboxEffect> effects = scenario.events().get(i).effects();
			for (int j = 0; j < effects.size(); j++) {
				SandboxEffect effect = effects.get(j);
				String model = service.get().target(effect.target());
				if (service.get().route() == null || model == null) {
					sink.error(tree.lineOf("/events/" + i + "/sandbox/" + j + "/target"), "unknown-target", "service '"
							+ scenario.service() + "' has no " + (service.get().route() == null ? "gateway route" : effect.target()
									+ " target") + " for the sandbox to act on");
				}
			}
		}
	}

	/** Follows the expected path; the first step that does not fit ends the walk (the rest cannot be judged). */
	private void walk(Scenario scenario, Runbook start, YamlTree tree, FindingSink sink) {
		Runbook runbook = start;
		Step at = start.steps().isEmpty() ? null : start.steps().get(0);
		for (int i = 0; i < scenario.expectedPath().size() && at != null; i++) {
			ExpectedChoice expected = scenario.expectedPath().get(i);
			if (!expected.step().equals(at.id())) {
				boolean exists = runbook.step(expected.step()).isPresent();
				sink.error(tree.lineOf("/expected_path/" + i + "/step"), exists ? "path-not-walkable" : "unknown-step",
						(exists ? "the path cannot be walked: after the choices before it, the incident is at '"
								: "no step '" + expected.step() + "' in " + runbook.file() + "; the incident would be at '")
								+ at.id() + "'" + (exists ? ", not '" + expected.step() + "'" : ""));
				return;
			}
			Choice choice = find(at, expected.choice());
			if (choice == null) {
				sink.error(tree.lineOf("/expected_path/" + i + "/choice"), "unknown-choice", "step '" + at.id()
						+ "' has no choice '" + expected.choice() + "'; its choices: "
						+ at.choices().stream().map(Choice::label).toList());
				return;
			}
			if (choice.external() && !choice.runbook().equals(runbook.file())) {
				Optional<Runbook> other = runbooks.stream().filter(r -> r.file().equals(choice.runbook())).findFirst();
				if (other.isEmpty()) {
					return; // the runbook's own lint reports the dangling link
				}
				runbook = other.get();
			}
			at = choice.step() == null ? runbook.steps().get(0) : runbook.step(choice.step()).orElse(null);
		}
	}

	/** As the engine resolves a typed choice: its label, its step id or its link target. */
	static Choice find(Step step, String choice) {
		return step.choiceNamed(choice).orElse(null);
	}
}
