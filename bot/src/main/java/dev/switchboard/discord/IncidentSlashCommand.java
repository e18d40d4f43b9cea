package dev.switchboard.discord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /incident}: one subcommand per verb of the conversation, with typed options, and its
 * mapping back to the line the conversation reads ({@code /incident declare runbook:ai-outage
 * severity:sev1} is {@code ai-outage sev1}). The verbs are the Slack bot's and the terminal's; only
 * the spelling is Discord's (subcommands, since Discord offers no free text after a command).
 */
final class IncidentSlashCommand {

	static final String NAME = "incident";

	/** What an option's autocomplete offers. */
	enum Complete {
		NONE, RUNBOOK, SERVICE, PERSON, VENDOR, INCIDENT
	}

	/** @param freeText true when the value may hold spaces (a note, a summary); every other option is one word */
	record Option(String name, String description, boolean required, Complete complete, List<String> choices,
			boolean freeText) {

		Option(String name, String description, boolean required, Complete complete) {
			this(name, description, required, complete, List.of(), false);
		}

		Option(String name, String description, boolean required, Complete complete, List<String> choices) {
			this(name, description, required, complete, choices, false);
		}

		OptionData data() {
			OptionData data = new OptionData(OptionType.STRING, name, description, required, complete != Complete.NONE);
			choices.forEach(c -> data.addChoice(c, c));
			return data;
		}
	}

	/** A subcommand; {@code verb} is what the conversation reads first (empty for a declaration). */
	record Verb(String name, String verb, String description, List<Option> options) {
	}

	/**
	 * Conversation verbs Discord reaches by the step's buttons only: its slash command holds at most 25
	 * subcommands, and a step's choices are buttons anyway.
	 */
	static final List<String> BUTTONS_ONLY = List.of("choose", "back");

	private static final List<String> SEVERITIES = List.of("sev1", "sev2", "sev3", "sev4");

	private static final Option INCIDENT = new Option("incident", "INC-42; default: this channel's incident", false, Complete.INCIDENT);

	static final List<Verb> VERBS = List.of(
			new Verb("declare", "", "Declare an incident and walk its runbook", List.of(
					new Option("runbook", "runbook id or alias (ai-outage, llm-down, 429…)", true, Complete.RUNBOOK),
					new Option("severity", "default: the runbook's", false, Complete.NONE, SEVERITIES),
					new Option("service", "the affected service (invoice-extraction…)", false, Complete.SERVICE))),
			new Verb("status", "status", "The incident's status", List.of(INCIDENT)),
			new Verb("step", "step", "The current step again, with its buttons", List.of(INCIDENT)),
			new Verb("timeline", "timeline", "Everything that happened, in order", List.of(INCIDENT)),
			new Verb("postmortem", "postmortem", "The postmortem skeleton", List.of(INCIDENT)),
			new Verb("who", "who", "Who owns a service, holds a role, is in a team", List.of(
					new Option("what", "service, role, team or person", true, Complete.SERVICE))),
			new Verb("vendor", "vendor", "A model vendor's contacts and status page", List.of(
					new Option("vendor", "vendor id (openai…)", true, Complete.VENDOR))),
			new Verb("runbooks", "runbooks", "The runbooks and their aliases", List.of()),
			new Verb("list", "list", "Open incidents", List.of()),
			new Verb("routes", "routes", "Gateway routes, as declared and as live", List.of()),
			new Verb("note", "note", "Add a note to the timeline", List.of(new Option("text", "the note", true, Complete.NONE, List.of(), true))),
			new Verb("sev", "sev", "Change the severity", List.of(new Option("level", "new severity", true, Complete.NONE, SEVERITIES))),
			new Verb("commander", "commander", "Hand the incident to another commander", List.of(
					new Option("person", "person id in ownership.yaml", true, Complete.PERSON))),
			new Verb("run", "run", "Run action n of the current step", List.of(new Option("n", "action number", true, Complete.NONE))),
			new Verb("approve", "approve", "Second approval of a route change", List.of(
					new Option("n", "action number", true, Complete.NONE), new Option("plan", "the plan as shown", true, Complete.NONE))),
			new Verb("rollback", "rollback", "Roll back a route change in effect", List.of(new Option("route", "route", true, Complete.NONE))),
			new Verb("renew", "renew", "Keep a route change another lease", List.of(new Option("route", "route", true, Complete.NONE))),
			new Verb("ack", "ack", "Acknowledge your page: escalation stops", List.of(INCIDENT)),
			new Verb("resolve", "resolve", "Resolve the incident", List.of(new Option("summary", "what ended it", false, Complete.NONE, List.of(), true))),
			new Verb("drill", "drill", "Rehearse a runbook on the sandbox gateway, or control a drill", List.of(
					new Option("what", "runbook or scenario; or pause, resume, next, end, report", true, Complete.RUNBOOK),
					new Option("more", "a scenario, or a fact key", false, Complete.NONE))),
			new Verb("help", "help", "What Switchboard understands", List.of()));

	private IncidentSlashCommand() {
	}

	static SlashCommandData definition() {
		return Commands.slash(NAME, "Incidents: declare, walk the runbook, who owns what")
			.addSubcommands(VERBS.stream()
				.map(v -> new SubcommandData(v.name(), v.description()).addOptions(v.options().stream().map(Option::data).toList()))
				.toList());
	}

	static Optional<Verb> verb(String subcommand) {
		return VERBS.stream().filter(v -> v.name().equals(subcommand)).findFirst();
	}

	/**
	 * The conversation's line for a subcommand and its options' values (read by name, in the definition's order).
	 *
	 * @throws IllegalArgumentException when a one-word option holds several words, or a declaration names a
	 * verb instead of a runbook: either would make the line mean another command
	 */
	static String line(String subcommand, Function<String, String> option) {
		Verb verb = verb(subcommand).orElse(VERBS.get(VERBS.size() - 1));
		StringBuilder args = new StringBuilder();
		for (Option o : verb.options()) {
			String given = option.apply(o.name());
			String value = given == null ? "" : given.strip();
			if (value.isEmpty()) {
				continue;
			}
			if (!o.freeText() && value.matches(".*\\s.*")) {
				throw new IllegalArgumentException("`" + o.name() + "` takes one word, not '" + value + "'.");
			}
			args.append(' ').append(value);
		}
		if (verb.verb().isEmpty()) {
			String runbook = lower(args.toString()).split(" ")[0];
			if (RESERVED.contains(runbook)) {
				throw new IllegalArgumentException("'" + runbook + "' is a command, not a runbook: use `/incident " + runbook + "`.");
			}
		}
		return (verb.verb() + args).strip();
	}

	/** Words the conversation reads as verbs, so never as a runbook to declare. */
	private static final java.util.Set<String> RESERVED = java.util.stream.Stream
		.concat(VERBS.stream().map(Verb::verb).filter(v -> !v.isEmpty()), java.util.stream.Stream.of("choose", "back", "?"))
		.collect(Collectors.toUnmodifiableSet());

	static Complete completion(String subcommand, String option) {
		return verb(subcommand).flatMap(v -> v.options().stream().filter(o -> o.name().equals(option)).findFirst())
			.map(Option::complete)
			.orElse(Complete.NONE);
	}

	static String lower(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT).strip();
	}
}
