package dev.switchboard.runbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.NearestNames;
import dev.switchboard.ownership.Ownership;

/**
 * The rules one runbook must pass, given the ownership registry and the other runbooks (by file
 * name) it may link to. Structural rules (steps, links, reachability, exits) are here; the
 * references a step makes to ownership.yaml are in {@link ReferenceRules}.
 */
public final class RunbookRules {

	private final Ownership ownership;

	private final Map<String, Runbook> byFile;

	private final LintOptions options;

	public RunbookRules(Ownership ownership, Map<String, Runbook> byFile, LintOptions options) {
		this.ownership = ownership;
		this.byFile = byFile;
		this.options = options;
	}

	public void check(Runbook runbook, FindingSink sink) {
		frontMatter(runbook, sink);
		Map<String, Step> steps = uniqueSteps(runbook, sink);
		links(runbook, steps, sink);
		proseLinks(runbook, sink);
		if (!runbook.steps().isEmpty()) {
			reachability(runbook, steps, sink);
		}
		terminals(runbook, sink);
		new ReferenceRules(ownership, runbook, sink).check();
		if (runbook.coversAiOutage()) {
			new StrategyRules(runbook, steps, sink).check();
		}
	}

	private void frontMatter(Runbook runbook, FindingSink sink) {
		if (runbook.owner() != null && ownership.team(runbook.owner()).isEmpty()) {
			sink.error(runbook.lineOf("/owner"), "unknown-reference", "owner '" + runbook.owner()
					+ "' is not a team in ownership.yaml" + NearestNames.hint(runbook.owner(), teamIds()));
		}
		List<String> services = runbook.services();
		for (int i = 0; i < services.size(); i++) {
			String service = services.get(i);
			if (ownership.service(service).isEmpty()) {
				sink.error(runbook.lineOf("/services/" + i), "unknown-reference", "service '" + service
						+ "' is not in ownership.yaml" + NearestNames.hint(service, serviceIds()));
			}
		}
		if (runbook.lastReviewed() != null
				&& runbook.lastReviewed().plusDays(options.maxReviewAge().toDays()).isBefore(options.today())) {
			sink.warning(runbook.lineOf("/last_reviewed"), "stale-review",
					"last reviewed " + runbook.lastReviewed() + ", more than " + options.maxReviewAge().toDays()
							+ " days ago: walk it with the owning team and bump last_reviewed");
		}
	}

	private List<String> teamIds() {
		return ownership.teams().stream().map(t -> t.id()).toList();
	}

	private List<String> serviceIds() {
		return ownership.services().stream().map(s -> s.id()).toList();
	}

	private static Map<String, Step> uniqueSteps(Runbook runbook, FindingSink sink) {
		Map<String, Step> steps = new HashMap<>();
		for (Step step : runbook.steps()) {
			Step first = steps.putIfAbsent(step.id(), step);
			if (first != null) {
				sink.error(step.line(), "duplicate-step",
						"step id '" + step.id() + "' is already used by the step at line " + first.line());
			}
		}
		// a link goes to the first of two places with one name, on GitHub as in the bot
		Map<String, Step> named = new HashMap<>(steps);
		for (Step step : runbook.steps()) {
			for (String anchor : step.anchors()) {
				Step first = named.putIfAbsent(anchor, step);
				if (first != null && first != step) {
					sink.error(step.line(), "duplicate-step", "'#" + anchor + "' names this step and the step at line "
							+ first.line() + ": give one of them another id");
				}
			}
		}
		return steps;
	}

	/** Links in prose, lists and tables (not choices) must land on an anchor, in this file or the runbook they name. */
	private void proseLinks(Runbook runbook, FindingSink sink) {
		for (RunbookLink link : runbook.links()) {
			Runbook target = runbook;
			if (link.runbook() != null && !link.runbook().equals(runbook.file())) {
				target = byFile.get(link.runbook());
				if (target == null) {
					sink.error(link.line(), "unknown-runbook", "link to unknown runbook '" + link.runbook() + "'"
							+ NearestNames.hint(link.runbook(), byFile.keySet()));
					continue;
				}
			}
			if (link.anchor() != null && !target.anchors().contains(link.anchor())) {
				sink.error(link.line(), "unknown-anchor", "link '" + link.target() + "' goes nowhere: "
						+ (target == runbook ? "no" : target.file() + " has no") + " step, heading or <a name> '#"
						+ link.anchor() + "'" + NearestNames.hint(link.anchor(), target.anchors()));
			}
		}
	}

	private void links(Runbook runbook, Map<String, Step> steps, FindingSink sink) {
		for (Step step : runbook.steps()) {
			for (Choice choice : step.choices()) {
				if (!choice.external() || choice.runbook().equals(runbook.file())) {
					String target = choice.step();
					if (target != null && runbook.linkedStep(target).isEmpty()) {
						sink.error(choice.line(), "unknown-step", "link to unknown step '#" + target + "'"
								+ NearestNames.hint(target, steps.keySet()));
					}
					continue;
				}
				Runbook other = byFile.get(choice.runbook());
				if (other == null) {
					sink.error(choice.line(), "unknown-runbook", "link to unknown runbook '" + choice.runbook() + "'"
							+ NearestNames.hint(choice.runbook(), byFile.keySet()));
				}
				else if (choice.step() != null && other.linkedStep(choice.step()).isEmpty()) {
					sink.error(choice.line(), "unknown-step", "link to unknown step '#" + choice.step() + "' in "
							+ choice.runbook() + NearestNames.hint(choice.step(),
									other.steps().stream().map(Step::id).toList()));
				}
			}
		}
	}

	/** Internal successors of a step (links into the same runbook); external links are exits. */
	static List<String> next(Runbook runbook, Step step) {
		return step.choices()
			.stream()
			.filter(c -> !c.external() || c.runbook().equals(runbook.file()))
			.map(c -> c.step() == null ? runbook.steps().get(0).id()
					: runbook.linkedStep(c.step()).map(Step::id).orElse(c.step()))
			.toList();
	}

	private static boolean exits(Runbook runbook, Step step) {
		return step.terminal() || step.choices().stream().anyMatch(c -> c.external() && !c.runbook().equals(runbook.file()));
	}

	private void reachability(Runbook runbook, Map<String, Step> steps, FindingSink sink) {
		Set<String> reached = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(runbook.steps().get(0).id()));
		while (!queue.isEmpty()) {
			String id = queue.poll();
			Step step = steps.get(id);
			if (step != null && reached.add(id)) {
				queue.addAll(next(runbook, step));
			}
		}
		// Steps that can reach an exit, found backwards from the exits.
		Map<String, Set<String>> previous = new HashMap<>();
		for (Step step : runbook.steps()) {
			for (String target : next(runbook, step)) {
				previous.computeIfAbsent(target, k -> new HashSet<>()).add(step.id());
			}
		}
		Set<String> canExit = new HashSet<>();
		Deque<String> back = new ArrayDeque<>();
		runbook.steps().stream().filter(s -> exits(runbook, s)).forEach(s -> back.add(s.id()));
		while (!back.isEmpty()) {
			String id = back.poll();
			if (canExit.add(id)) {
				back.addAll(previous.getOrDefault(id, Set.of()));
			}
		}
		for (Step step : runbook.steps()) {
			if (!reached.contains(step.id())) {
				sink.error(step.line(), "unreachable-step", "step '" + step.id()
						+ "' is unreachable: no link from the first step leads here");
			}
			else if (!canExit.contains(step.id())) {
				sink.error(step.line(), "no-exit", "step '" + step.id()
						+ "' is in a cycle with no way out: no path from it reaches a terminal step or another runbook");
			}
		}
	}

	private static void terminals(Runbook runbook, FindingSink sink) {
		for (Step step : runbook.steps()) {
			if (step.terminal() && step.resolution() == null) {
				sink.error(step.line(), "terminal-without-resolution", "terminal step '" + step.id()
						+ "' does not say how the incident ends: add '**Resolution:** mitigated' (or resolved, handed-off), or end it with links to next steps");
			}
		}
	}

	/** The strategy a choice leads to, following plain "Next" steps (at most a few) until one enacts a strategy. */
	static Set<Strategy> strategiesVia(Runbook runbook, Map<String, Step> steps, String start) {
		Set<Strategy> found = EnumSet.noneOf(Strategy.class);
		Step step = steps.get(start);
		for (int hops = 0; step != null && hops < 8; hops++) {
			if (step.strategy() != null) {
				found.add(step.strategy());
				return found;
			}
			List<String> next = next(runbook, step);
			if (step.decision() || next.size() != 1) {
				return found;
			}
			step = steps.get(next.get(0));
		}
		return found;
	}
}
