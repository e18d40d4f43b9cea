package dev.switchboard.console;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.RegistryFacts;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.drill.Drill;
import dev.switchboard.drill.DrillReports;
import dev.switchboard.drill.DrillStatus;
import dev.switchboard.drill.Drills;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.Incidents;
import dev.switchboard.runbook.HtmlStepRenderer;

/**
 * The drill room, for a shared screen: start a drill from a scenario, the facilitator's controls
 * (the chats' {@code drill pause | resume | next | end}), the injected events as they fire (live, over
 * the incident's server-sent events), the current step, and the scored report at the end.
 */
@Controller
class DrillPages {

	private static final Set<String> CONTROLS = Set.of("pause", "resume", "next", "end");

	private final Conversation conversation;

	private final Drills drills;

	private final DrillReports reports;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final Clock clock;

	private final HtmlStepRenderer html = new HtmlStepRenderer();

	DrillPages(Conversation conversation, Drills drills, DrillReports reports, Incidents incidents,
			CatalogRegistry catalogs, Clock clock) {
		this.conversation = conversation;
		this.drills = drills;
		this.reports = reports;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.clock = clock;
	}

	@GetMapping("/drills")
	String drills(Viewer viewer, Model model) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("keys", FormKeys.INSTANCE);
		model.addAttribute("scenarios", catalogs.current().scenarios().values().stream()
			.sorted(java.util.Comparator.comparing(Scenario::id))
			.toList());
		model.addAttribute("drills", incidents.list(false, 100).stream().filter(Incident::drill).toList());
		return "console/drills";
	}

	@PostMapping("/drills")
	String start(Viewer viewer, @RequestParam String scenario, @RequestParam String key, RedirectAttributes flash) {
		if (catalogs.current().scenario(scenario).isEmpty()) {
			flash.addFlashAttribute("notice", "No scenario '" + scenario + "'; pick one from the list.");
			return "redirect:/drills";
		}
		Reply reply = conversation.command("drill " + scenario, IncidentPages.ctx(viewer, null, key));
		if (reply.incidentId() == null) {
			flash.addFlashAttribute("notice", reply.plainText());
			return "redirect:/drills";
		}
		return "redirect:/drills/" + reply.incidentId();
	}

	@GetMapping("/drills/{ref}")
	String room(Viewer viewer, @PathVariable String ref, Model model) {
		roomModel(viewer, ref, model);
		return "console/drill";
	}

	@GetMapping("/drills/{ref}/live")
	String live(Viewer viewer, @PathVariable String ref, Model model) {
		roomModel(viewer, ref, model);
		return "console/drill :: live";
	}

	@PostMapping("/drills/{ref}/control")
	String control(Viewer viewer, @PathVariable String ref, @RequestParam String verb, @RequestParam String key,
			RedirectAttributes flash) {
		Incident incident = incidents.get(ref);
		String v = verb.strip().toLowerCase(Locale.ROOT);
		if (!CONTROLS.contains(v)) {
			flash.addFlashAttribute("notice", "Unknown control '" + verb + "'; nothing was done.");
		}
		else {
			Reply reply = conversation.command("drill " + v, IncidentPages.ctx(viewer, incident.id(), key));
			flash.addFlashAttribute("notice", v.equals("end") ? "Drill ended." : reply.plainText());
		}
		return "redirect:/drills/" + incident.humanId();
	}

	/** An injected event as the room shows it. */
	record Injected(String label, String text, String at) {
	}

	private void roomModel(Viewer viewer, String ref, Model model) {
		Incident incident = incidents.get(ref);
		Drill drill = drills.get(incident.id());
		Scenario scenario = drills.scenario(drill);
		IncidentState state = incidents.state(incident.id());
		List<Injected> injected = state.timeline()
			.stream()
			.filter(e -> e.type() == EventType.DRILL_INJECTED)
			.map(e -> new Injected("Event " + e.detail("event") + " of " + e.detail("of") + " (" + e.detail("at") + ")",
					e.detail("text"), e.at().toString()))
			.toList();
		model.addAttribute("viewer", viewer);
		model.addAttribute("keys", FormKeys.INSTANCE);
		model.addAttribute("incident", incident);
		model.addAttribute("drill", drill);
		model.addAttribute("scenario", scenario);
		model.addAttribute("elapsed", IncidentPages.elapsed(drill.at(clock.instant())));
		model.addAttribute("injected", injected);
		model.addAttribute("stepTitle", state.step().title());
		model.addAttribute("stepHtml", html.render(RegistryFacts.fill(state.step().body(), catalogs.current().ownership())));
		boolean ended = drill.status() == DrillStatus.ENDED;
		model.addAttribute("ended", ended);
		if (ended) {
			var report = reports.of(drill);
			model.addAttribute("score", report.score());
			model.addAttribute("max", dev.switchboard.drill.DrillReport.MAX);
			model.addAttribute("reportHtml", html.render(report.markdown()));
		}
	}
}
