package dev.switchboard.drill;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The report as markdown: scores first, then the evidence behind each deduction, then the formula. */
final class DrillReportMarkdown {

	static final String FORMULA = """
			Score = 100, minus:
			- 15 per divergence from the expected path (a choice other than the expected one, or stopping before its end), at most 60;
			- 10 per principal the severity's escalation pages who was never engaged;
			- 2 per action of a walked step that was never run, at most 20;
			- 5 per dead end (going back from a step);
			- 1 per full minute to the first decision beyond 5 minutes, at most 15 (15 when no decision was made).
			Never below 0. Flip results, notes and facts asked are reported, not scored: they grade the runbook and the routes, not the commander.""";

	private DrillReportMarkdown() {
	}

	static String of(DrillReport r) {
		StringBuilder md = new StringBuilder();
		md.append("# Drill report: ").append(r.incident()).append(" — ").append(r.title()).append("\n\n");
		md.append("> DRILL: a rehearsal on the sandbox gateway. It does not count in incident metrics.\n\n");
		md.append("**Score: ").append(r.score()).append(" / ").append(DrillReport.MAX).append("**\n\n");
		md.append("| | |\n|---|---|\n");
		row(md, "Scenario", r.scenario() + " (" + r.shape() + ")");
		row(md, "Runbook", r.runbook());
		row(md, "Facilitator", r.facilitator());
		row(md, "Started", String.valueOf(r.started()));
		row(md, "Ended", r.ended() == null ? "still running" : r.ended().toString());
		row(md, "Time to first decision", duration(r.timeToFirstDecision()));
		row(md, "Time to mitigation", duration(r.timeToMitigation()));
		md.append("\n## Deductions\n\n");
		list(md, r.deductions(), d -> "−" + d.points() + ": " + d.reason(), "none: a perfect run");
		md.append("\n## Path taken vs expected\n\n");
		md.append("Expected: ").append(String.join(" → ", r.expectedPath())).append("\n\n");
		md.append("Taken: ").append(r.pathTaken().isEmpty() ? "(no choice made)" : String.join(" → ", r.pathTaken()))
			.append("\n\n");
		list(md, r.divergences(), d -> d.at() + " at `" + d.step() + "`: chose **" + d.actual() + "**"
				+ (d.expected() == null ? " (already off the expected path)" : ", expected **" + d.expected() + "**"),
				"no divergence");
		md.append("\n## Route changes and verification\n\n");
		list(md, r.flips(), f -> f.at() + " `" + f.action() + "`: " + f.outcome() + (f.result() == null ? "" : " — " + f.result()),
				"no route change was attempted");
		md.append("\n## Owners engaged (escalation)\n\n");
		list(md, r.owners(), o -> (o.engaged() ? "[x] " : "[ ] ") + o.principal(), "the severity pages nobody");
		md.append("\n## Skipped\n\n");
		list(md, concat(r.skippedSteps().stream().map(s -> "expected step never reached: `" + s + "`").toList(),
				r.skippedActions().stream().map(a -> "action not run: " + a).toList()), Function.identity(), "nothing skipped");
		md.append("\n## Runbook defects found\n\n");
		List<String> defects = concat(concat(r.deadEnds().stream().map(d -> "dead end: " + d).toList(),
				r.facts().stream().map(f -> f.at() + " participants asked for `" + f.key() + "`"
						+ (f.answered() ? ", which the runbook does not give" : ", which nobody could answer")).toList()),
				r.notes().stream().map(n -> "note: " + n).toList());
		list(md, defects, Function.identity(), "none found");
		md.append("\n## Injected events\n\n");
		list(md, r.injected(), Function.identity(), "none fired");
		md.append("\n## Scoring\n\n").append(FORMULA).append('\n');
		return md.toString();
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private static <T> void list(StringBuilder md, List<T> items, Function<T, String> line, String none) {
		if (items.isEmpty()) {
			md.append("_").append(none).append("_\n");
		}
		items.forEach(i -> md.append("- ").append(line.apply(i)).append('\n'));
	}

	private static void row(StringBuilder md, String key, String value) {
		md.append("| ").append(key).append(" | ").append(value).append(" |\n");
	}

	static String duration(Duration d) {
		if (d == null) {
			return "—";
		}
		return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
	}
}
