package dev.switchboard.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.runbook.Runbook;

/**
 * Suggestions while an option is typed: runbook ids and aliases, services, people, vendors, open
 * incidents. Those starting with what was typed come first; Discord shows at most 25.
 */
class DiscordAutocomplete {

	private static final int MAX = 25;

	private final CatalogRegistry catalogs;

	private final Incidents incidents;

	private final Executor workers;

	DiscordAutocomplete(CatalogRegistry catalogs, Incidents incidents, Executor workers) {
		this.catalogs = catalogs;
		this.incidents = incidents;
		this.workers = workers;
	}

	void handle(CommandAutoCompleteInteractionEvent event) {
		IncidentSlashCommand.Complete what = IncidentSlashCommand.completion(event.getSubcommandName(),
				event.getFocusedOption().getName());
		String typed = IncidentSlashCommand.lower(event.getFocusedOption().getValue());
		try {
			workers.execute(() -> event.replyChoices(choices(what, typed)).queue());
		}
		catch (RejectedExecutionException ex) {
			event.replyChoices(List.of()).queue();
		}
	}

	List<Command.Choice> choices(IncidentSlashCommand.Complete what, String typed) {
		List<Command.Choice> all = new ArrayList<>();
		Catalog catalog = catalogs.current();
		switch (what) {
			case RUNBOOK -> {
				for (Runbook r : catalog.allRunbooks()) {
					all.add(choice(r.id() + " — " + r.title(), r.id()));
					r.aliases().forEach(a -> all.add(choice(a + " (alias of " + r.id() + ")", a)));
				}
			}
			case SERVICE -> catalog.ownership().services().forEach(s -> all.add(choice(s.id(), s.id())));
			case PERSON -> catalog.ownership().people().forEach(p -> all.add(choice(p.id() + " — " + p.name(), p.id())));
			case VENDOR -> catalog.ownership().vendors().forEach(v -> all.add(choice(v.id() + " — " + v.name(), v.id())));
			case INCIDENT -> {
				for (Incident i : incidents.list(true, 100)) {
					all.add(choice(i.humanId() + " · " + i.severity() + " · " + i.title(), i.humanId()));
				}
			}
			case NONE -> {
				return List.of();
			}
		}
		return all.stream()
			.filter(c -> c.getAsString().toLowerCase(java.util.Locale.ROOT).contains(typed)
					|| c.getName().toLowerCase(java.util.Locale.ROOT).contains(typed))
			.sorted(Comparator.comparing((Command.Choice c) -> !c.getAsString().toLowerCase(java.util.Locale.ROOT).startsWith(typed)))
			.limit(MAX)
			.toList();
	}

	private static Command.Choice choice(String name, String value) {
		return new Command.Choice(DiscordRenderer.clip(name, 100), DiscordRenderer.clip(value, 100));
	}
}
