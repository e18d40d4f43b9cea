package dev.switchboard.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.RegistryFacts;
import dev.switchboard.conversation.Block.Button;
import dev.switchboard.conversation.Block.Style;
import dev.switchboard.drill.DrillProperties;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.route.PendingApprovals;
import dev.switchboard.incident.route.RoutePreviews;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.runbook.ActionCommand;
import dev.switchboard.runbook.ChatTextRenderer;
import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.Step;

/** Builds the replies about one incident: its header, its current step with buttons, its timeline. */
@Component
class IncidentReplies {

	private final CatalogRegistry catalogs;

	private final Clock clock;

	private final RoutePreviews previews;

	private final ChatTextRenderer text = new ChatTextRenderer();

	private final boolean drillRealMentions;

	private final RouteChangeReplies changes;

	IncidentReplies(CatalogRegistry catalogs, Clock clock, RoutePreviews previews, DrillProperties drill,
			RouteChangeReplies changes) {
		this.catalogs = catalogs;
		this.clock = clock;
		this.previews = previews;
		this.changes = changes;
		this.drillRealMentions = drill.realMentions();
	}

	/** In a drill people are named, not pinged, unless {@code switchboard.drill.real-mentions=true}. */
	private boolean namesOnly(Incident incident) {
		return incident.drill() && !drillRealMentions;
	}

	/** The status (header, engaged owners, vendor status pages), then the step: what a declaration posts. */
	Reply declared(IncidentState state) {
		List<Block> blocks = new ArrayList<>(status(state));
		blocks.addAll(step(state));
		return new Reply(blocks, false, state.incident().humanId(), true);
	}

	Reply current(IncidentState state) {
		return new Reply(step(state), false, state.incident().humanId(), false);
	}

	/**
	 * The pinned status: severity, commander, runbook and version, current step, elapsed time,
	 * the owners engaged at declaration, vendor status pages.
	 */
	List<Block> status(IncidentState state) {
		Incident i = state.incident();
		Ownership ownership = catalogs.current().ownership();
		String commander = ownership.person(i.commander()).map(p -> p.name()).orElse(i.commander());
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header(i.humanId() + " · " + i.severity() + " · " + i.title(), i.drill()));
		blocks.add(new Block.Fields(List.of(new Block.Field("Status", i.status().label()),
				new Block.Field("Commander", commander),
				new Block.Field("Runbook", i.runbookId() + " @ " + i.runbookSha256().substring(0, 12)),
				new Block.Field("Current step", state.step().title()),
				new Block.Field("Elapsed", elapsed(Duration.between(i.declaredAt(), clock.instant()))),
				new Block.Field("Service", i.service() == null ? "—" : i.service()))));
		for (TimelineEvent e : state.timeline()) {
			if (e.type() == EventType.MENTION_SENT && e.detail("action") == null) {
				blocks.add(engaged(e, ownership, namesOnly(i)));
			}
		}
		if (i.service() != null) {
			ownership.vendorsOf(i.service()).forEach(v -> blocks.add(new Block.Context(v.name() + " status: " + v.statusPage())));
		}
		blocks.addAll(PagingLines.of(state.timeline()));
		blocks.addAll(changes.lines(i));
		blocks.addAll(changes.revertNotice(state));
		return blocks;
	}

	List<Block> step(IncidentState state) {
		Incident i = state.incident();
		Step step = state.step();
		Ownership ownership = catalogs.current().ownership();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header(i.humanId() + " · " + step.title(), i.drill()));
		String body = text.render(RegistryFacts.fill(step.body(), ownership));
		if (!body.isBlank()) {
			blocks.add(new Block.Paragraph(Mentions.spans(body, ownership, clock.instant(), namesOnly(i))));
		}
		if (step.strategy() != null) {
			blocks.add(new Block.Context("Strategy: " + step.strategy().id()));
		}
		if (!state.actions().isEmpty() && i.open()) {
			List<Button> actions = new ArrayList<>();
			for (IncidentState.ActionState a : state.actions()) {
				String plan = plan(i, a);
				actions.add(new Button(a.action().text() + (plan == null ? "" : " — " + plan)
						+ (a.status() == IncidentState.ActionState.Status.PENDING ? "" : " (" + a.status().label() + ")"),
						a.detail(), new ActionId(ActionId.Kind.RUN, i.id(), step.id(), a.index()),
						changesProduction(a) ? Style.DANGER : Style.DEFAULT, changesProduction(a)
								? "This changes production: " + (plan == null ? a.action().text() : plan) + ". Run it?" : null));
			}
			for (PendingApprovals.PendingApproval p : PendingApprovals.of(state)) {
				blocks.add(new Block.Context("Action " + p.action() + " awaits a second authorized person (not "
						+ p.requestedBy() + "): " + p.summary() + " — plan " + p.shortHash() + "; type `approve "
						+ p.action() + " " + p.shortHash() + "` or press Approve"));
				actions.add(new Button("Approve: " + p.summary(), "plan " + p.shortHash(),
						new ActionId(ActionId.Kind.APPROVE, i.id(), step.id(), p.action(), p.shortHash()), Style.PRIMARY,
						"Approve exactly this change: " + p.summary() + "?"));
			}
			blocks.add(new Block.Buttons(actions));
		}
		blocks.addAll(changes.inEffect(i));
		blocks.addAll(changes.revertNotice(state));
		if (!step.choices().isEmpty() && i.open()) {
			List<Button> choices = new ArrayList<>();
			for (int n = 0; n < step.choices().size(); n++) {
				Choice c = step.choices().get(n);
				choices.add(new Button(step.choices().size() == 1 ? "Next: " + c.label() : c.label(), c.hint(),
						new ActionId(ActionId.Kind.CHOOSE, i.id(), step.id(), n + 1),
						step.choices().size() == 1 ? Style.PRIMARY : Style.DEFAULT, null));
			}
			blocks.add(new Block.Buttons(choices));
		}
		else if (step.terminal()) {
			blocks.add(new Block.Context("End of the runbook (" + (step.resolution() == null ? "terminal" : step.resolution())
					+ "). " + (i.open() ? "Resolve when the incident is over: `resolve <summary>`." : "Incident " + i.status().label() + ".")));
		}
		return blocks;
	}

	Reply timeline(IncidentState state) {
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header(state.incident().humanId() + " · timeline", state.incident().drill()));
		StringBuilder lines = new StringBuilder();
		for (TimelineEvent e : state.timeline()) {
			lines.append(String.format("%3d  T+%-4s %-18s %-16s %s%s%n", e.seq(),
					Duration.between(state.incident().declaredAt(), e.at()).toMinutes() + "m", e.type().wire(), e.actor(),
					e.step() == null ? "" : e.step() + " ", brief(e)));
		}
		blocks.add(new Block.Paragraph(List.of(new Span.Plain("```\n" + lines + "```"))));
		return new Reply(blocks, true, state.incident().humanId(), false);
	}

	private static String brief(TimelineEvent e) {
		for (String key : List.of("choice", "text", "result", "to", "summary", "principal")) {
			if (e.detail(key) != null) {
				return key + "=" + e.detail(key);
			}
		}
		return "";
	}

	private Block engaged(TimelineEvent e, Ownership ownership, boolean drill) {
		List<Span> spans = new ArrayList<>();
		spans.add(new Span.Plain("Engaging " + e.detail("principal") + ": "));
		Object people = e.details().get("people");
		if (people instanceof List<?> ids && !ids.isEmpty()) {
			for (int n = 0; n < ids.size(); n++) {
				if (n > 0) {
					spans.add(new Span.Plain(", "));
				}
				String id = String.valueOf(ids.get(n));
				spans.add(ownership.person(id).map(p -> Mentions.person(p, drill)).orElse(new Span.Plain(id)));
			}
		}
		else {
			spans.add(new Span.Plain("nobody holds it now — check ownership.yaml"));
		}
		return new Block.Paragraph(spans);
	}

	/** The live plan of a route action not yet done, for its button; null for other actions. */
	private String plan(Incident i, IncidentState.ActionState a) {
		if (a.status() == IncidentState.ActionState.Status.DONE || a.status() == IncidentState.ActionState.Status.RUNNING) {
			return null;
		}
		return previews.describe(i, a.action().command()).orElse(null);
	}

	private static boolean changesProduction(IncidentState.ActionState a) {
		ActionCommand c = a.action().command();
		return c instanceof ActionCommand.GatewayFlip || c instanceof ActionCommand.GatewayDisable
				|| c instanceof ActionCommand.GatewayEnable || c instanceof ActionCommand.GatewayRestore
				|| c instanceof ActionCommand.HumanQueue;
	}

	static String elapsed(Duration d) {
		return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
	}
}
