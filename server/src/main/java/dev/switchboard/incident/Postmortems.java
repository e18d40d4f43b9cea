package dev.switchboard.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * The postmortem skeleton written when an incident resolves (and available at any time):
 * summary, timeline, decisions, actions and their results, time to first decision and to
 * mitigation. The facts are the timeline's; the analysis sections are left for the humans.
 */
@Service
public class Postmortems {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

	private final Incidents incidents;

	private final GoldenEvidence golden;

	public Postmortems(Incidents incidents, GoldenEvidence golden) {
		this.incidents = incidents;
		this.golden = golden;
	}

	public String markdown(long id) {
		IncidentState state = incidents.state(id);
		Incident i = state.incident();
		StringBuilder md = new StringBuilder();
		md.append("# Postmortem: ").append(i.humanId()).append(" — ").append(i.title()).append("\n\n");
		if (i.drill()) {
			md.append("> DRILL: a rehearsal, not a production incident.\n\n");
		}
		md.append("## Summary\n\n");
		md.append("| | |\n|---|---|\n");
		row(md, "Severity", i.severity());
		row(md, "Service", i.service() == null ? "—" : i.service());
		row(md, "Commander", i.commander());
		row(md, "Runbook", i.runbookId() + " @ " + i.runbookSha256().substring(0, 12));
		row(md, "Status", i.status().label());
		row(md, "Declared", TIME.format(i.declaredAt()));
		row(md, "Time to acknowledge", state.timeline().stream().filter(e -> e.type() == EventType.ACKNOWLEDGED).findFirst()
			.map(e -> since(i.declaredAt(), e.at()) + " by " + e.actor() + " via " + e.detail("via")).orElse("—"));
		row(md, "Time to first decision", since(i.declaredAt(), i.firstDecisionAt()));
		row(md, "Time to mitigation", since(i.declaredAt(), i.mitigatedAt()));
		row(md, "Time to resolution", since(i.declaredAt(), i.resolvedAt()));
		String summary = state.timeline()
			.stream()
			.filter(e -> e.type() == EventType.RESOLVED)
			.map(e -> ((TimelineDetails.Ended) e.typed()).summary())
			.filter(Objects::nonNull)
			.reduce((a, b) -> b)
			.orElse("_What happened, in two sentences: to be written._");
		md.append('\n').append(summary).append("\n\n");
		md.append("## Decisions\n\n");
		List<TimelineEvent> decisions = state.timeline().stream().filter(e -> e.type() == EventType.CHOICE_MADE).toList();
		if (decisions.isEmpty()) {
			md.append("_No decision was recorded._\n");
		}
		decisions.forEach(e -> md.append("- ").append(offset(i, e.at())).append(" at `").append(e.step()).append("`: **")
			.append(((TimelineDetails.ChoiceMade) e.typed()).choice()).append("** by ").append(e.actor()).append('\n'));
		md.append("\n## Actions and results\n\n");
		List<TimelineEvent> actions = state.timeline()
			.stream()
			.filter(e -> e.typed() instanceof TimelineDetails.ActionOutcome && e.type() != EventType.ACTION_REQUESTED
					|| e.type() == EventType.PAGE_SENT
					|| e.typed() instanceof TimelineDetails.Engaged en && en.action() != null)
			.toList();
		if (actions.isEmpty()) {
			md.append("_No action was run._\n");
		}
		actions.forEach(e -> md.append("- ").append(offset(i, e.at())).append(' ').append(actionLine(e)).append('\n'));
		md.append(golden.section(state));
		md.append("\n## Timeline\n\n| # | time | +min | event | by | step | details |\n|---|---|---|---|---|---|---|\n");
		state.timeline().forEach(e -> md.append("| ").append(e.seq()).append(" | ").append(TIME.format(e.at()))
			.append(" | ").append(offset(i, e.at())).append(" | ").append(e.type().wire()).append(" | ").append(e.actor())
			.append(" | ").append(e.step() == null ? "" : e.step()).append(" | ")
			.append(e.details().toString().replace("|", "\\|")).append(" |\n"));
		md.append("\n## What went well\n\n_to be written_\n\n## What went wrong\n\n_to be written_\n\n");
		md.append("## Follow-ups\n\n- [ ] Review the runbook `").append(i.runbookId())
			.append("` against what was actually done\n");
		return md.toString();
	}

	private static void row(StringBuilder md, String key, String value) {
		md.append("| ").append(key).append(" | ").append(value).append(" |\n");
	}

	static String since(Instant from, Instant to) {
		if (to == null) {
			return "—";
		}
		Duration d = Duration.between(from, to);
		return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
	}

	private static String offset(Incident i, Instant at) {
		return "T+" + Duration.between(i.declaredAt(), at).toMinutes() + "m";
	}

	/** {@code `text`: kind — result — people}, as far as the event has them. */
	private static String actionLine(TimelineEvent e) {
		String text = null;
		String result = null;
		List<String> people = null;
		if (e.typed() instanceof TimelineDetails.ActionOutcome a) {
			text = a.text();
			result = a.result();
		}
		else if (e.typed() instanceof TimelineDetails.Engaged en) {
			text = en.text();
			people = en.people();
		}
		return "`" + text + "`: " + e.type().wire() + (result == null ? "" : " — " + result)
				+ (people == null ? "" : " — " + people);
	}
}
