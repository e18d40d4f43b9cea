package dev.switchboard.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.context.annotation.Primary;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.runbook.Runbook;

/**
 * Tab completion: commands (Spring Shell's own), then runbook ids and aliases after
 * {@code incident}. Spring Shell 4 only asks a command's completion provider for option values,
 * and {@code incident ai-outage} takes a positional argument, hence this completer.
 */
@Component
@Primary
class RunbookCompleter extends CommandCompleter {

	private final CatalogRegistry catalogs;

	RunbookCompleter(CommandRegistry commands, CatalogRegistry catalogs) {
		super(commands);
		this.catalogs = catalogs;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> words = line.words();
		if (line.wordIndex() == 1 && !words.isEmpty() && words.get(0).equals("incident")) {
			for (Runbook r : catalogs.current().allRunbooks()) {
				candidates.add(new Candidate(r.id(), r.id(), "runbooks", r.summary(), null, null, true));
				r.aliases().forEach(a -> candidates.add(new Candidate(a, a, "aliases", "alias of " + r.id(), null, null, true)));
			}
			for (String sub : List.of("list", "status", "timeline", "help")) {
				candidates.add(new Candidate(sub, sub, "commands", null, null, null, true));
			}
			return;
		}
		super.complete(reader, line, candidates);
	}
}
