package dev.switchboard.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.DrillHistory;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.lint.Finding;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.system.NotFoundException;

/**
 * The pages about what is written down: runbooks (decision tree drawn, lint findings at their lines,
 * last drilled), who (services, teams, roles, who is on call now or at a chosen time, contacts,
 * vendors) and the gateway's routes (live, with drift), the latter two through the same
 * conversation replies the chats show.
 */
@Controller
class CatalogPages {

	private final CatalogRegistry catalogs;

	private final ObjectProvider<DrillHistory> drills;

	private final Conversation conversation;

	private final Clock clock;

	CatalogPages(CatalogRegistry catalogs, ObjectProvider<DrillHistory> drills, Conversation conversation, Clock clock) {
		this.catalogs = catalogs;
		this.drills = drills;
		this.conversation = conversation;
		this.clock = clock;
	}

	/** A runbook in the list. */
	record RunbookRow(String id, String title, String summary, String owner, int steps, String lastDrilled, boolean stale,
			long errors, long warnings) {
	}

	@GetMapping("/runbooks")
	String runbooks(Viewer viewer, Model model) {
		Catalog catalog = catalogs.current();
		DrillHistory history = drills.getIfAvailable();
		Map<String, DrillHistory.LastDrill> last = history == null ? Map.of() : history.lastByRunbook();
		Instant now = clock.instant();
		List<RunbookRow> rows = new ArrayList<>();
		for (Runbook r : catalog.allRunbooks()) {
			List<Finding> findings = findings(catalog, r);
			DrillHistory.LastDrill d = last.get(r.id());
			rows.add(new RunbookRow(r.id(), r.title(), r.summary(), r.owner(), r.steps().size(),
					d == null ? "never" : d.at().toString().substring(0, 10) + " (" + d.incident() + ", score " + d.score() + ")",
					history != null && history.stale(r.id(), now), findings.stream().filter(Finding::isError).count(),
					findings.stream().filter(f -> !f.isError()).count()));
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("rows", rows);
		model.addAttribute("findings", catalog.findings());
		return "console/runbooks";
	}

	/** A line of the runbook's source with the lint findings that point at it. */
	record SourceLine(int number, String text, List<Finding> findings) {
	}

	@GetMapping("/runbooks/{id}")
	String runbook(Viewer viewer, @PathVariable String id, Model model) {
		Catalog catalog = catalogs.current();
		Runbook runbook = catalog.byIdOrAlias(id).orElseThrow(() -> new NotFoundException("runbook", id));
		List<Finding> findings = findings(catalog, runbook);
		String source = catalog.source(runbook.version().sha256()).orElse("");
		List<SourceLine> lines = new ArrayList<>();
		String[] text = source.split("\n", -1);
		for (int n = 0; n < text.length; n++) {
			int number = n + 1;
			lines.add(new SourceLine(number, text[n], findings.stream().filter(f -> f.line() == number).toList()));
		}
		DrillHistory history = drills.getIfAvailable();
		DrillHistory.LastDrill last = history == null ? null : history.lastByRunbook().get(runbook.id());
		model.addAttribute("viewer", viewer);
		model.addAttribute("runbook", runbook);
		model.addAttribute("svg", RunbookDiagram.svg(runbook));
		model.addAttribute("legend", RunbookDiagram.legend());
		model.addAttribute("findings", findings);
		model.addAttribute("lines", lines);
		model.addAttribute("lastDrilled", last == null ? "never" : last.at() + " (" + last.incident() + ", score " + last.score() + ")");
		model.addAttribute("stale", history != null && history.stale(runbook.id(), clock.instant()));
		return "console/runbook";
	}

	/** On-call and contacts of one principal at the chosen time. */
	record Holder(String id, String description, List<Person> onCall) {
	}

	@GetMapping("/who")
	String who(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String at,
			Model model) {
		Ownership ownership = catalogs.current().ownership();
		Instant when = clock.instant();
		String atError = null;
		if (at != null && !at.isBlank()) {
			try {
				when = LocalDateTime.parse(at.strip()).atZone(ZoneId.of("UTC")).toInstant();
			}
			catch (DateTimeParseException ex) {
				atError = "'" + at + "' is not a time such as 2026-12-24T03:00 (UTC); showing now.";
			}
		}
		Instant chosen = when;
		if (q != null && !q.isBlank()) {
			model.addAttribute("answer", BlockView.of(conversation.command("who " + q.strip(),
					new ChatContext(viewer.id(), viewer.id(), "web", null, null, null))));
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("at", chosen.toString());
		model.addAttribute("atInput", LocalDateTime.ofInstant(chosen, ZoneId.of("UTC")).withSecond(0).withNano(0).toString());
		model.addAttribute("atError", atError);
		model.addAttribute("services", ownership.services()
			.stream()
			.map(s -> new Holder(s.id(), s.name() + " · tier " + s.tier() + " · team " + s.team() + " · route "
					+ s.route() + " (" + s.primary() + " → " + s.secondary() + ")", ownership.peopleNow(s.onCall(), chosen)))
			.toList());
		model.addAttribute("roles", ownership.roles()
			.stream()
			.map(r -> new Holder(r.id(), r.description(), ownership.peopleNow(r.id(), chosen)))
			.toList());
		model.addAttribute("teams", ownership.teams()
			.stream()
			.map(t -> new Holder(t.id(), t.name() + (t.channel() == null ? "" : " · " + t.channel()),
					ownership.peopleNow(t.id(), chosen)))
			.toList());
		model.addAttribute("vendors", ownership.vendors());
		return "console/who";
	}

	@GetMapping("/gateway")
	String gateway(Viewer viewer, Model model) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("routes", BlockView.of(conversation.command("routes",
				new ChatContext(viewer.id(), viewer.id(), "web", null, null, null))));
		return "console/gateway";
	}

	private static List<Finding> findings(Catalog catalog, Runbook runbook) {
		return catalog.findings()
			.stream()
			.filter(f -> f.file() != null && (f.file().equals(runbook.file()) || f.file().endsWith("/" + runbook.file())
					|| runbook.file().endsWith("/" + f.file())))
			.toList();
	}
}
