package dev.switchboard.conversation;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.route.PendingApprovals;
import dev.switchboard.incident.Postmortems;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Walk;
import dev.switchboard.paging.Acknowledgement;
import dev.switchboard.paging.Acknowledgements;

/**
 * The bot's conversation, for every chat: a command's text or a button's action id in, a
 * {@link Reply} out. Refusals (unknown runbook, choice on a finished step, unknown person) come
 * back as ephemeral replies, never as exceptions.
 */
@Service
public class Conversation {

	private static final List<String> WRITES = List.of("choose", "back", "run", "approve", "note", "sev", "commander",
			"resolve", "drill", "rollback", "renew", "ack");

	private final Declarations declarations;

	private final Walk walk;

	private final StepActions actions;

	private final IncidentUpdates updates;

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final IncidentReplies replies;

	private final DirectoryReplies directory;

	private final ListingReplies listings;

	private final DrillReplies drills;

	private final RouteChangeCommands changes;

	private final Acknowledgements acknowledgements;

	public Conversation(Declarations declarations, Walk walk, StepActions actions, IncidentUpdates updates,
			Incidents incidents, Postmortems postmortems, IncidentReplies replies, DirectoryReplies directory,
			ListingReplies listings, DrillReplies drills, RouteChangeCommands changes, Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
		this.drills = drills;
		this.changes = changes;
		this.declarations = declarations;
		this.walk = walk;
		this.actions = actions;
		this.updates = updates;
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.replies = replies;
		this.directory = directory;
		this.listings = listings;
	}

	/** A typed command, without the {@code /incident} prefix: {@code ai-outage sev1}, {@code status}, {@code who x}. */
	public Reply command(String text, ChatContext ctx) {
		String line = text == null ? "" : text.strip();
		String[] words = line.isEmpty() ? new String[0] : line.split("\\s+", 2);
		String verb = words.length == 0 ? "help" : words[0].toLowerCase(Locale.ROOT);
		String rest = words.length > 1 ? words[1].strip() : "";
		try {
			if ((WRITES.contains(verb) || isDeclare(verb)) && ctx.personId() == null) {
				return notAPerson(ctx);
			}
			return switch (verb) {
				case "help", "?" -> DirectoryReplies.help();
				case "runbooks" -> directory.runbooks();
				case "who" -> rest.isEmpty() ? Reply.ephemeral("who what? e.g. `who invoice-extraction`") : directory.who(rest);
				case "vendor" -> rest.isEmpty() ? Reply.ephemeral("which vendor? e.g. `vendor openai`") : directory.vendor(rest);
				case "list" -> listings.openIncidents();
				case "routes" -> listings.routes();
				case "status" -> withIncident(ctx, rest, id -> new Reply(replies.status(incidents.state(id)), true,
						IncidentIds.format(id), false));
				case "step" -> withIncident(ctx, rest, id -> replies.current(incidents.state(id)));
				case "timeline" -> withIncident(ctx, rest, id -> replies.timeline(incidents.state(id)));
				case "postmortem" -> withIncident(ctx, rest, id -> new Reply(List.of(new Block.Paragraph(
						List.of(new Span.Plain(postmortems.markdown(id))))), true, IncidentIds.format(id), false));
				case "choose" -> withIncident(ctx, "", id -> moved(walk.choose(id, null, rest, actor(ctx), ctx.requestKey())));
				case "back" -> withIncident(ctx, "", id -> moved(walk.back(id, rest.isEmpty() ? null : rest, actor(ctx), ctx.requestKey())));
				case "run" -> withIncident(ctx, "", id -> moved(actions.run(id, null, number(rest), actor(ctx), ctx.requestKey())));
				case "approve" -> withIncident(ctx, "", id -> moved(approve(id, null, rest, ctx)));
				case "rollback", "renew" -> withIncident(ctx, "", id -> moved(changes.typed(verb, id, rest, actor(ctx), ctx.requestKey())));
				case "note" -> withIncident(ctx, "", id -> ack(updates.note(id, rest, actor(ctx), ctx.requestKey()), "Noted."));
				case "sev" -> withIncident(ctx, "", id -> ack(updates.severity(id, rest, actor(ctx), ctx.requestKey()), "Severity is now " + rest + "."));
				case "commander" -> withIncident(ctx, "", id -> ack(updates.commander(id, rest, actor(ctx), ctx.requestKey()), "Commander is now " + rest + "."));
				case "drill" -> drills.command(rest, ctx);
				case "resolve" -> withIncident(ctx, "", id -> resolved(updates.resolve(id, rest, actor(ctx), ctx.requestKey())));
				case "ack" -> withIncident(ctx, rest, id -> acknowledged(acknowledgements.acknowledge(id, actor(ctx), ctx.platform(), ctx.requestKey())));
				default -> declare(words.length == 0 ? "" : line, ctx);
			};
		}
		catch (IncidentException ex) {
			return Reply.ephemeral(ex.getMessage());
		}
	}

	/** A button press. */
	public Reply press(String actionId, ChatContext ctx) {
		var decoded = ActionId.decode(actionId);
		if (decoded.isEmpty()) {
			return Reply.ephemeral("That button is not one of Switchboard's; nothing was done.");
		}
		if (ctx.personId() == null) {
			return notAPerson(ctx);
		}
		ActionId a = decoded.get();
		try {
			return switch (a.kind()) {
				case CHOOSE -> moved(walk.choose(a.incidentId(), a.step(), String.valueOf(a.index()), actor(ctx), ctx.requestKey()));
				case RUN -> moved(actions.run(a.incidentId(), a.step(), a.index(), actor(ctx), ctx.requestKey()));
				case BACK -> moved(walk.back(a.incidentId(), a.step(), actor(ctx), ctx.requestKey()));
				case APPROVE -> moved(approve(a.incidentId(), a.step(), a.index() + " " + a.plan(), ctx));
				case ROLLBACK, RENEW -> moved(changes.pressed(a, actor(ctx), ctx.requestKey()));
				case ACK -> acknowledged(acknowledgements.acknowledge(a.incidentId(), actor(ctx), ctx.platform(), ctx.requestKey()));
			};
		}
		catch (IncidentException ex) {
			return Reply.ephemeral(ex.getMessage());
		}
	}

	/** {@code <action> <plan>}: the plan as shown (its hash, or the first 8+ characters of it) binds the approval. */
	private Applied<Incident> approve(long id, String step, String args, ChatContext ctx) {
		String[] words = args.strip().split("\\s+");
		if (words.length != 2) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST,
					"approve which plan? type `approve <action> <plan>` as shown under the step");
		}
		int index = number(words[0]);
		String shown = words[1].toLowerCase(Locale.ROOT);
		String plan = shown.length() < 8 ? shown : PendingApprovals.of(incidents.state(id))
			.stream()
			.filter(p -> p.action() == index && p.planHash().startsWith(shown))
			.map(PendingApprovals.PendingApproval::planHash)
			.findFirst()
			.orElse(shown);
		return actions.approve(id, step, index, plan, actor(ctx), ctx.requestKey());
	}

	private static boolean isDeclare(String verb) {
		return !List.of("help", "?", "runbooks", "routes", "who", "vendor", "list", "status", "step", "timeline", "postmortem")
			.contains(verb);
	}

	private Reply declare(String line, ChatContext ctx) {
		String[] args = line.split("\\s+");
		String severity = null;
		String service = null;
		for (int i = 1; i < args.length; i++) {
			if (args[i].toLowerCase(Locale.ROOT).matches("sev[0-9]+")) {
				severity = args[i];
			}
			else {
				service = args[i];
			}
		}
		Applied<Incident> applied = declarations.declare(new Declarations.Request(args[0], severity, service, false,
				new ChatRef(ctx.platform(), ctx.channel(), java.util.Map.of())), actor(ctx), ctx.requestKey());
		if (applied.replayed()) {
			// A retried or duplicated request: the incident exists already, so chats must not open it again.
			return new Reply(List.of(new Block.Paragraph(List.of(new Span.Plain("Already declared: this request was applied once, as "
					+ applied.result().humanId() + ".")))), true, applied.result().humanId(), false);
		}
		return replies.declared(incidents.state(applied.result().id()));
	}

	private Reply moved(Applied<Incident> applied) {
		Incident incident = applied.result();
		if (applied.replayed()) {
			return Reply.ephemeral("Already done: that request was applied once, not again.");
		}
		return replies.current(incidents.state(incident.id()));
	}

	private Reply ack(Applied<Incident> applied, String text) {
		return applied.replayed() ? Reply.ephemeral("Already done.") : new Reply(List.of(new Block.Context(text)), false,
				applied.result().humanId(), false);
	}

	private static Reply acknowledged(Acknowledgement ack) {
		String id = ack.incident().humanId();
		return new Reply(List.of(new Block.Context(ack.already() ? "Already acknowledged by you: " + id + " knows you are on it."
				: "Acknowledged " + id + " as " + ack.person() + (ack.principals().isEmpty() ? ""
						: " (pages of " + String.join(", ", ack.principals()) + ")") + ": escalation stops.")),
				false, id, false);
	}

	private Reply resolved(Applied<Incident> applied) {
		if (applied.replayed()) {
			return Reply.ephemeral("Already resolved.");
		}
		Incident i = applied.result();
		return new Reply(List.of(new Block.Header(i.humanId() + " resolved", i.drill()),
				new Block.Context("Postmortem skeleton: `postmortem` or GET /api/incidents/" + i.humanId() + "/postmortem")),
				false, i.humanId(), false);
	}

	private interface ForIncident {

		Reply apply(long id);

	}

	/** Runs {@code action} on the incident named in {@code arg}, else the conversation's incident. */
	private Reply withIncident(ChatContext ctx, String arg, ForIncident action) {
		if (!arg.isBlank()) {
			var id = IncidentIds.parse(arg.split("\\s+")[0]);
			if (id.isPresent()) {
				return action.apply(id.getAsLong());
			}
		}
		if (ctx.incident() == null) {
			return Reply.ephemeral("No incident here yet: declare one with `incident <runbook>`, or name it (e.g. `status INC-4`).");
		}
		return action.apply(ctx.incident());
	}

	private static Actor actor(ChatContext ctx) {
		return new Actor(ctx.personId());
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "run which action? give its number, e.g. `run 1`");
		}
	}

	private static Reply notAPerson(ChatContext ctx) {
		return Reply.ephemeral("You (" + ctx.chatUser() + ") are not in ownership.yaml, so you can read but not act. "
				+ "Ask the owners of ownership.yaml to add you under people: with your " + ctx.platform() + " id.");
	}
}
