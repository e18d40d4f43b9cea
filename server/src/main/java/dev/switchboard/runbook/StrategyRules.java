package dev.switchboard.runbook;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.lint.FindingSink;

/**
 * In a runbook that {@code covers: [ai-outage]}, every decision that leads to strategy steps must
 * offer all four strategies, or say in an {@code Omitted:} line why one is left out: the choice
 * not to offer fail-open was made calmly, in a review, not at 3 a.m.
 */
final class StrategyRules {

	private final Runbook runbook;

	private final Map<String, Step> steps;

	private final FindingSink sink;

	StrategyRules(Runbook runbook, Map<String, Step> steps, FindingSink sink) {
		this.runbook = runbook;
		this.steps = steps;
		this.sink = sink;
	}

	void check() {
		boolean anyStrategy = runbook.steps().stream().anyMatch(s -> s.strategy() != null);
		if (!anyStrategy) {
			sink.error(runbook.frontMatterLine(), "missing-strategy",
					"runbook covers ai-outage but no step enacts a strategy: mark steps with '**Strategy:** "
							+ String.join("|", Strategy.names().split(", ")) + "'");
			return;
		}
		for (Step step : runbook.steps()) {
			if (!step.decision()) {
				continue;
			}
			Set<Strategy> offered = EnumSet.noneOf(Strategy.class);
			for (String target : RunbookRules.next(runbook, step)) {
				offered.addAll(RunbookRules.strategiesVia(runbook, steps, target));
			}
			if (offered.isEmpty()) {
				continue;
			}
			Set<Strategy> omitted = step.omitted().stream().map(Omission::strategy).collect(Collectors.toSet());
			for (Strategy strategy : Strategy.values()) {
				if (!offered.contains(strategy) && !omitted.contains(strategy)) {
					sink.error(step.line(), "missing-strategy", "decision '" + step.id() + "' does not offer "
							+ strategy.id() + ": add a choice leading to a step with '**Strategy:** " + strategy.id()
							+ "' or say why with '**Omitted:** " + strategy.id() + " — reason'");
				}
			}
			for (Omission omission : step.omitted()) {
				if (offered.contains(omission.strategy())) {
					sink.warning(omission.line(), "omitted-but-offered", "'" + omission.strategy().id()
							+ "' is marked Omitted but the decision offers it");
				}
			}
		}
	}
}
