package dev.switchboard.incident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

/**
 * Shortest walks through a runbook's own steps (breadth first, choices in the order written),
 * computed from the runbook model so a test covers every terminal step of every shipped runbook
 * without hard-coding paths that rot when authors edit them.
 */
final class RunbookRoutes {

	/** One click: at {@code from}, choice number {@code choice} ({@code label}) leads to {@code to}. */
	record Hop(String from, int choice, String label, String to) {
	}

	private RunbookRoutes() {
	}

	/** For each terminal step reachable from the first step without leaving the runbook, the shortest walk to it. */
	static Map<String, List<Hop>> toTerminals(Runbook runbook) {
		String first = runbook.steps().get(0).id();
		Map<String, Hop> cameBy = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(first));
		Map<String, List<Hop>> out = new LinkedHashMap<>();
		java.util.Set<String> seen = new java.util.HashSet<>(List.of(first));
		while (!queue.isEmpty()) {
			Step step = runbook.step(queue.removeFirst()).orElseThrow();
			if (step.terminal()) {
				out.put(step.id(), walkTo(step.id(), first, cameBy));
				continue;
			}
			for (int i = 0; i < step.choices().size(); i++) {
				Choice choice = step.choices().get(i);
				if (choice.external() && !choice.runbook().equals(runbook.file())) {
					continue;
				}
				String to = choice.step() == null ? first : choice.step();
				if (seen.add(to)) {
					cameBy.put(to, new Hop(step.id(), i + 1, choice.label(), to));
					queue.addLast(to);
				}
			}
		}
		return out;
	}

	private static List<Hop> walkTo(String terminal, String first, Map<String, Hop> cameBy) {
		List<Hop> hops = new ArrayList<>();
		for (String at = terminal; !at.equals(first); at = cameBy.get(at).from()) {
			hops.add(0, cameBy.get(at));
		}
		return hops;
	}
}
