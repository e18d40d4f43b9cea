package dev.switchboard.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.switchboard.drill.DrillReport.Deduction;
import dev.switchboard.drill.DrillReport.Divergence;
import dev.switchboard.drill.DrillReport.Fact;
import dev.switchboard.drill.DrillReport.Flip;
import dev.switchboard.drill.DrillReport.Owner;
import dev.switchboard.scenario.ExpectedChoice;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.TimelineDetails;
import dev.switchboard.incident.TimelineDetails.ActionOutcome;
import dev.switchboard.incident.TimelineDetails.Backtracked;
import dev.switchboard.incident.TimelineDetails.ChoiceMade;
import dev.switchboard.incident.TimelineDetails.DrillFactAsked;
import dev.switchboard.incident.TimelineDetails.DrillInjected;
import dev.switchboard.incident.TimelineDetails.Engaged;
import dev.switchboard.incident.TimelineDetails.Note;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

/** Scores a drill from its timeline against its scenario (the formula is {@link DrillReportMarkdown#FORMULA}). */
final class DrillScoring {

	private DrillScoring() {
	}

	static DrillReport score(Drill drill, Scenario scenario, IncidentState state, Ownership ownership,
			Collection<Runbook> runbooks, Instant now) {
		Incident i = state.incident();
		List<TimelineEvent> timeline = state.timeline();
		List<String> taken = new ArrayList<>();
		List<Divergence> divergences = divergences(scenario.expectedPath(), timeline, i, taken);
		Set<String> engaged = new LinkedHashSet<>();
		Set<String> entered = new LinkedHashSet<>();
		Set<String> requested = new LinkedHashSet<>();
		List<Flip> flips = new ArrayList<>();
		List<String> deadEnds = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<Fact> facts = new ArrayList<>();
		List<String> injected = new ArrayList<>();
		for (TimelineEvent e : timeline) {
			EventType t = e.type();
			TimelineDetails d = e.typed();
			if (d instanceof Engaged en && en.principal() != null) {
				engaged.add(en.principal());
			}
			if (d instanceof ActionOutcome a && t == EventType.ACTION_REQUESTED) {
				requested.add(e.step() + "#" + a.action());
			}
			if (d instanceof ActionOutcome a && a.changesRoute()
					&& (t == EventType.ACTION_SUCCEEDED || t == EventType.ACTION_FAILED || t == EventType.ACTION_REFUSED)) {
				flips.add(new Flip(offset(i, e.at()), a.text(), t == EventType.ACTION_SUCCEEDED ? "succeeded"
						: t == EventType.ACTION_FAILED ? "failed" : "refused", a.result()));
			}
			if (d instanceof Backtracked back) {
				deadEnds.add("went back from `" + e.step() + "` to `" + back.to() + "` at " + offset(i, e.at()));
			}
			if (d instanceof Note note) {
				notes.add(offset(i, e.at()) + " " + note.text());
			}
			if (d instanceof DrillFactAsked fact) {
				facts.add(new Fact(offset(i, e.at()), fact.key(), fact.answered()));
			}
			if (d instanceof DrillInjected inj) {
				injected.add(inj.at() + " (fired at " + offset(i, e.at()) + "): " + inj.text());
			}
			if (t == EventType.STEP_ENTERED) {
				entered.add(e.step());
			}
		}
		List<Owner> owners = new ArrayList<>();
		ownership.escalationFor(i.severity(), i.declaredAt())
			.ifPresent(plan -> plan.page().forEach(p -> owners.add(new Owner(p.principal(), engaged.contains(p.principal())))));
		List<String> skippedSteps = scenario.expectedPath().stream().map(ExpectedChoice::step)
			.filter(s -> !entered.contains(s)).distinct().toList();
		List<String> skippedActions = new ArrayList<>();
		for (String stepId : entered) {
			Step step = step(state.runbook(), runbooks, stepId);
			for (int n = 1; step != null && n <= step.actions().size(); n++) {
				if (!requested.contains(stepId + "#" + n)) {
					skippedActions.add("`" + stepId + "` " + n + ". " + step.actions().get(n - 1).text());
				}
			}
		}
		Duration firstDecision = i.firstDecisionAt() == null ? null : Duration.between(i.declaredAt(), i.firstDecisionAt());
		Duration mitigation = i.mitigatedAt() == null ? null : Duration.between(i.declaredAt(), i.mitigatedAt());
		List<Deduction> deductions = new ArrayList<>();
		deduct(deductions, Math.min(60, 15 * divergences.size()), divergences.size() + " divergence(s) from the expected path");
		owners.stream().filter(o -> !o.engaged()).forEach(o -> deduct(deductions, 10, o.principal() + " was never engaged"));
		deduct(deductions, Math.min(20, 2 * skippedActions.size()), skippedActions.size() + " action(s) of walked steps not run");
		deduct(deductions, 5 * deadEnds.size(), deadEnds.size() + " dead end(s)");
		deduct(deductions, firstDecision == null ? 15 : (int) Math.min(15, Math.max(0, firstDecision.toMinutes() - 5)),
				firstDecision == null ? "no decision was made" : "first decision after " + DrillReportMarkdown.duration(firstDecision));
		int score = Math.max(0, DrillReport.MAX - deductions.stream().mapToInt(Deduction::points).sum());
		return new DrillReport(i.humanId(), i.title(), scenario.id(), scenario.runbook(), scenario.shape().wire(),
				drill.facilitator(), i.declaredAt(), drill.endedAt() != null ? drill.endedAt() : now, firstDecision,
				mitigation, scenario.expectedPath().stream().map(c -> c.step() + ": " + c.choice()).toList(), taken,
				divergences, flips, owners, skippedSteps, skippedActions, deadEnds, notes, facts, injected, deductions,
				score);
	}

	/**
	 * Aligns the choices made with the expected path. An excursion off the path counts once; entering
	 * the expected step again (by a choice or going back) puts the commander back on it.
	 */
	static List<Divergence> divergences(List<ExpectedChoice> expected, List<TimelineEvent> timeline, Incident i,
			List<String> taken) {
		List<Divergence> out = new ArrayList<>();
		int k = 0;
		boolean off = false;
		for (TimelineEvent e : timeline) {
			if (e.type() == EventType.STEP_ENTERED && off) {
				for (int j = 0; j <= Math.min(k, expected.size() - 1); j++) {
					if (expected.get(j).step().equals(e.step())) {
						k = j;
						off = false;
						break;
					}
				}
			}
			if (!(e.typed() instanceof ChoiceMade made)) {
				continue;
			}
			String label = made.choice();
			taken.add(e.step() + ": " + label);
			ExpectedChoice want = k < expected.size() ? expected.get(k) : null;
			if (!off && want != null && want.step().equals(e.step()) && matches(want.choice(), label, made.to())) {
				k++;
			}
			else if (!off && want != null) {
				out.add(new Divergence(offset(i, e.at()), e.step(), want.step().equals(e.step()) ? want.choice() : null, label));
				off = true;
			}
		}
		if (k < expected.size() && !off) {
			ExpectedChoice next = expected.get(k);
			out.add(new Divergence("end", next.step(), next.choice(), "(stopped before the end of the expected path)"));
		}
		return out;
	}

	private static boolean matches(String expected, String label, String to) {
		String want = expected.trim().toLowerCase(Locale.ROOT);
		String target = to == null ? "" : to.toLowerCase(Locale.ROOT);
		return want.equalsIgnoreCase(label) || target.equals(want) || target.equals("#" + want) || target.endsWith("#" + want);
	}

	private static Step step(Runbook current, Collection<Runbook> runbooks, String id) {
		return current.step(id).or(() -> runbooks.stream().flatMap(r -> r.step(id).stream()).findFirst()).orElse(null);
	}

	private static void deduct(List<Deduction> deductions, int points, String reason) {
		if (points > 0) {
			deductions.add(new Deduction(points, reason));
		}
	}

	static String offset(Incident i, Instant at) {
		Duration d = Duration.between(i.declaredAt(), at);
		return "T+" + d.toMinutes() + "m" + (d.toSecondsPart() == 0 ? "" : d.toSecondsPart() + "s");
	}
}
