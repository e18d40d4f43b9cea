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

	private final List<Entry> table;

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
		this.table = table();
	}

	/**
	 * The verb table: the one place that says what each word does, who may use it and how help describes it. A
	 * word not in it is a runbook to declare, which acts too.
	 */
	private List<Entry> table() {
		return List.of(
				read("help", "help", "this list", (verb, rest, ctx) -> help(), "?"),
				read("runbooks", "runbooks", "the runbooks you can declare or drill",
						(verb, rest, ctx) -> directory.runbooks()),
				read("who", "who <service|role|team|person>", "owners, on call and who may change routes",
						(verb, rest, ctx) -> rest.isEmpty() ? Reply.ephemeral("who what? e.g. `who invoice-extraction`")
								: directory.who(rest)),
				read("vendor", "vendor <id>", "a vendor's contacts and status page",
						(verb, rest, ctx) -> rest.isEmpty() ? Reply.ephemeral("which vendor? e.g. `vendor openai`")
								: directory.vendor(rest)),
				read("list", "list", "open incidents", (verb, rest, ctx) -> listings.openIncidents()),
				read("routes", "routes", "the gateway's routes against ownership.yaml", (verb, rest, ctx) -> listings.routes()),
				read("status", "status [INC-n]", "where the incident stands",
						(verb, rest, ctx) -> withIncident(ctx, rest, id -> new Reply(replies.status(incidents.state(id)),
								true, IncidentIds.format(id), false))),
				read("step", "step [INC-n]", "the current step again",
						(verb, rest, ctx) -> withIncident(ctx, rest, id -> replies.current(incidents.state(id)))),
				read("timeline", "timeline [INC-n]", "everything that happened, in order",
						(verb, rest, ctx) -> withIncident(ctx, rest, id -> replies.timeline(incidents.state(id)))),
				read("postmortem", "postmortem [INC-n]", "the postmortem skeleton",
						(verb, rest, ctx) -> withIncident(ctx, rest, id -> new Reply(List.of(new Block.Paragraph(
								List.of(new Span.Plain(postmortems.markdown(id))))), true, IncidentIds.format(id), false))),
				write("choose", "choose <n|label>", "take a branch of the step's decision",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> moved(walk.choose(id, null, rest, actor(ctx), ctx.requestKey())))),
				write("back", "back [step]", "go back a step (or to a named one)",
						(verb, rest, ctx) -> withIncident(ctx, "", id -> moved(walk.back(id, rest.isEmpty() ? null : rest,
								actor(ctx), ctx.requestKey())))),
				write("run", "run <n>", "run the step's action n",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> moved(actions.run(id, null, number(rest), actor(ctx), ctx.requestKey())))),
				write("approve", "approve <n> <plan>", "second approval of a route change",
						(verb, rest, ctx) -> withIncident(ctx, "", id -> moved(approve(id, null, rest, ctx)))),
				write("rollback", "rollback <route>", "undo a route change in effect",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> moved(changes.typed(verb, id, rest, actor(ctx), ctx.requestKey())))),
				write("renew", "renew <route>", "keep a route change another lease",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> moved(changes.typed(verb, id, rest, actor(ctx), ctx.requestKey())))),
				write("note", "note <text>", "add a note to the timeline",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> ack(updates.note(id, rest, actor(ctx), ctx.requestKey()), "Noted."))),
				write("sev", "sev <sev1..sev4>", "change the severity",
						(verb, rest, ctx) -> withIncident(ctx, "", id -> ack(
								updates.severity(id, rest, actor(ctx), ctx.requestKey()), "Severity is now " + rest + "."))),
				write("commander", "commander <person>", "hand over command",
						(verb, rest, ctx) -> withIncident(ctx, "", id -> ack(
								updates.commander(id, rest, actor(ctx), ctx.requestKey()), "Commander is now " + rest + "."))),
				write("resolve", "resolve [summary]", "resolve the incident (pages are resolved too)",
						(verb, rest, ctx) -> withIncident(ctx, "",
								id -> resolved(updates.resolve(id, rest, actor(ctx), ctx.requestKey())))),
				write("ack", "ack [INC-n]", "acknowledge your page: escalation stops",
						(verb, rest, ctx) -> withIncident(ctx, rest, id -> acknowledged(
								acknowledgements.acknowledge(id, actor(ctx), ctx.platform(), ctx.requestKey())))),
				write("drill", "drill <runbook|scenario> [scenario]",
						"rehearse on the sandbox gateway; then drill pause|resume|next|end|fact <key>|report",
						(verb, rest, ctx) -> drills.command(rest, ctx)));
	}

	/** Every verb the conversation understands, in help's order; declaring (any other word) is not listed. */
	public List<Verb> verbs() {
		return table.stream().map(Entry::verb).toList();
	}

	/** A typed command, without the {@code /incident} prefix: {@code ai-outage sev1}, {@code status}, {@code who x}. */
	public Reply command(String text, ChatContext ctx) {
		String line = text == null ? "" : text.strip();
		String[] words = line.isEmpty() ? new String[0] : line.split("\\s+", 2);
		String verb = words.length == 0 ? "help" : words[0].toLowerCase(Locale.ROOT);
		String rest = words.length > 1 ? words[1].strip() : "";
		Entry entry = table.stream().filter(e -> e.verb().names().contains(verb)).findFirst().orElse(null);
		try {
			if ((entry == null || entry.verb().writes()) && ctx.personId() == null) {
				return notAPerson(ctx);
			}
			return entry == null ? declare(words.length == 0 ? "" : line, ctx) : entry.handler().handle(verb, rest, ctx);
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

	private Reply help() {
		StringBuilder text = new StringBuilder(
				String.format("%-38s %s%n", "incident <runbook> [sev1..sev4] [service]", "declare an incident (id, alias or close spelling)"));
		for (Entry entry : table) {
			text.append(String.format("%-38s %s%n", entry.verb().usage(), entry.verb().summary()));
		}
		return new Reply(List.of(new Block.Header("Switchboard", false),
				new Block.Paragraph(List.of(new Span.Plain(text.toString().stripTrailing())))), true, null, false);
	}

	private static Entry read(String name, String usage, String summary, Handler handler, String... aliases) {
		return entry(name, false, usage, summary, handler, aliases);
	}

	private static Entry write(String name, String usage, String summary, Handler handler, String... aliases) {
		return entry(name, true, usage, summary, handler, aliases);
	}

	private static Entry entry(String name, boolean writes, String usage, String summary, Handler handler,
			String... aliases) {
		List<String> names = new java.util.ArrayList<>(List.of(name));
		names.addAll(List.of(aliases));
		return new Entry(new Verb(names, writes, usage, summary), handler);
	}

	private record Entry(Verb verb, Handler handler) {
	}

	@FunctionalInterface
	private interface Handler {

		Reply handle(String verb, String rest, ChatContext ctx);

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
