package dev.switchboard.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.switchboard.drill.Drill;
import dev.switchboard.drill.DrillControls;
import dev.switchboard.drill.DrillReport;
import dev.switchboard.drill.DrillReports;
import dev.switchboard.drill.Drills;
import dev.switchboard.scenario.InjectedEvent;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.Incidents;

/**
 * {@code drill …}: start a drill from a runbook or scenario, and the facilitator's controls
 * ({@code pause}, {@code resume}, {@code next}, {@code end}), plus {@code fact <key>} for participants
 * and {@code report} for a live score.
 */
@Component
class DrillReplies {

	static final String USAGE = "drill <runbook|scenario> [scenario] | drill pause | resume | next | end | fact <key> | report";

	private final Drills drills;

	private final DrillControls controls;

	private final DrillReports reports;

	private final Incidents incidents;

	private final IncidentReplies replies;

	DrillReplies(Drills drills, DrillControls controls, DrillReports reports, Incidents incidents, IncidentReplies replies) {
		this.drills = drills;
		this.controls = controls;
		this.reports = reports;
		this.incidents = incidents;
		this.replies = replies;
	}

	Reply command(String rest, ChatContext ctx) {
		String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+", 2);
		if (words.length == 0) {
			return Reply.ephemeral("Usage: " + USAGE);
		}
		String sub = words[0].toLowerCase(Locale.ROOT);
		String arg = words.length > 1 ? words[1].strip() : "";
		Actor actor = new Actor(ctx.personId());
		return switch (sub) {
			case "pause" -> timer(controls.pause(drill(ctx), actor), "Drill paused: no event fires until `drill resume`.");
			case "resume" -> timer(controls.resume(drill(ctx), actor), "Drill resumed.");
			case "next" -> controls.next(drill(ctx), actor).map(e -> injected(drill(ctx), e))
				.orElseGet(() -> Reply.ephemeral("No injected event left in this drill; `drill end` for the report."));
			case "end" -> report(controls.end(drill(ctx), actor));
			case "report" -> report(reports.of(drill(ctx)));
			case "fact" -> fact(drill(ctx), arg, actor);
			default -> start(words[0], arg, actor, ctx);
		};
	}

	private Reply start(String name, String scenario, Actor actor, ChatContext ctx) {
		Drill drill = drills.start(name, scenario.isBlank() ? null : scenario, actor,
				new ChatRef(ctx.platform(), ctx.channel(), Map.of()), ctx.requestKey());
		Scenario s = drills.scenario(drill);
		Reply declared = replies.declared(incidents.state(drill.incidentId()));
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header("Drill " + s.id() + " (" + s.shape().wire() + ") on the sandbox gateway", true));
		if (s.briefing() != null) {
			blocks.add(new Block.Paragraph(List.of(new Span.Plain(s.briefing()))));
		}
		blocks.add(new Block.Context(s.events().size() + " injected events; facilitator: `drill pause`, `drill resume`, "
				+ "`drill next`, `drill end`. Participants: `drill fact <key>` (" + String.join(", ", s.facts().keySet()) + ")."));
		for (int n = 0; n < drill.fired(); n++) {
			blocks.addAll(injected(drill.incidentId(), s.events().get(n)).blocks());
		}
		blocks.addAll(declared.blocks());
		return new Reply(blocks, false, IncidentIds.format(drill.incidentId()), true);
	}

	private Reply injected(long id, InjectedEvent event) {
		return new Reply(List.of(new Block.Header(IncidentIds.format(id) + " · " + event.label() + " · injected", true),
				new Block.Paragraph(List.of(new Span.Plain(event.message())))), false, IncidentIds.format(id), false);
	}

	private Reply fact(long id, String key, Actor actor) {
		if (key.isBlank()) {
			Scenario s = drills.scenario(drills.get(id));
			return Reply.ephemeral("Which fact? " + String.join(", ", s.facts().keySet()));
		}
		return drills.fact(id, key, actor)
			.map(text -> new Reply(List.of(new Block.Header(IncidentIds.format(id) + " · fact: " + key, true),
					new Block.Paragraph(List.of(new Span.Plain(text)))), false, IncidentIds.format(id), false))
			.orElseGet(() -> Reply.ephemeral("The scenario has no fact '" + key + "' (recorded: the report lists it as "
					+ "information the runbook lacked)."));
	}

	private static Reply timer(Drill drill, String text) {
		return new Reply(List.of(new Block.Header(IncidentIds.format(drill.incidentId()) + " · drill " + drill.status().label(),
				true), new Block.Context(text)), false, IncidentIds.format(drill.incidentId()), false);
	}

	private static Reply report(DrillReport report) {
		return new Reply(List.of(new Block.Header(report.incident() + " · drill report · score " + report.score() + "/"
				+ DrillReport.MAX, true), new Block.Paragraph(List.of(new Span.Plain(report.markdown())))), false,
				report.incident(), false);
	}

	private static long drill(ChatContext ctx) {
		if (ctx.incident() == null) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
					"No drill here: start one with `drill <runbook|scenario>`.");
		}
		return ctx.incident();
	}
}
