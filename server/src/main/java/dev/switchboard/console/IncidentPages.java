package dev.switchboard.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.RegistryFacts;
import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.route.PendingApprovals;
import dev.switchboard.incident.Postmortems;
import dev.switchboard.incident.route.RouteChanges;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.runbook.HtmlStepRenderer;

/**
 * The incident pages: the list (with a declare form), an incident's page (status, current step with
 * its buttons, route changes in effect, timeline, forms for notes, severity, commander and resolve),
 * flip confirmations and the postmortem. Reads come from {@link Incidents}; every write is the
 * conversation's {@code press} or {@code command}, exactly as a chat sends it.
 */
@Controller
class IncidentPages {

	/** What the command form may send: the chats' verbs that take free text. */
	private static final Set<String> VERBS = Set.of("note", "sev", "commander", "resolve");

	private static final Pattern RUNBOOK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}");

	private final Conversation conversation;

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final RouteChanges changes;

	private final CatalogRegistry catalogs;

	private final LiveIncidents live;

	private final Clock clock;

	private final HtmlStepRenderer html = new HtmlStepRenderer();

	IncidentPages(Conversation conversation, Incidents incidents, Postmortems postmortems, RouteChanges changes,
			CatalogRegistry catalogs, LiveIncidents live, Clock clock) {
		this.conversation = conversation;
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.changes = changes;
		this.catalogs = catalogs;
		this.live = live;
		this.clock = clock;
	}

	/** A row of the incident list. */
	record Row(String id, String title, String severity, String status, boolean drill, String runbook, String commander,
			String step, String open, List<String> inEffect) {
	}

	@GetMapping("/")
	String list(Viewer viewer, Model model) {
		Ownership ownership = catalogs.current().ownership();
		List<Row> rows = new ArrayList<>();
		for (Incident i : incidents.list(false, 100)) {
			String stepTitle = catalogs.current()
				.runbook(i.runbookId())
				.flatMap(r -> r.step(i.currentStep()))
				.map(s -> s.title())
				.orElse(i.currentStep());
			java.time.Instant end = i.resolvedAt() == null ? clock.instant() : i.resolvedAt();
			rows.add(new Row(i.humanId(), i.title(), i.severity(), i.status().label(), i.drill(), i.runbookId(),
					ownership.person(i.commander()).map(Person::name).orElse(i.commander()), stepTitle,
					elapsed(Duration.between(i.declaredAt(), end)),
					i.open() ? changes.inEffect(i.id())
						.stream()
						.map(c -> c.route() + " → " + (c.now() == null ? "(disabled)" : c.now()))
						.toList() : List.of()));
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("rows", rows);
		model.addAttribute("runbooks", catalogs.current().allRunbooks());
		model.addAttribute("services", ownership.services());
		model.addAttribute("keys", FormKeys.INSTANCE);
		return "console/incidents";
	}

	@PostMapping("/incidents")
	String declare(Viewer viewer, @RequestParam String runbook, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String service, @RequestParam String key, RedirectAttributes flash) {
		String name = runbook.strip();
		if (!RUNBOOK.matcher(name).matches() || VERBS.contains(name.toLowerCase(Locale.ROOT))) {
			flash.addFlashAttribute("notice", "Pick a runbook from the list.");
			return "redirect:/";
		}
		StringBuilder line = new StringBuilder(name);
		if (severity != null && severity.strip().matches("sev[0-9]")) {
			line.append(' ').append(severity.strip());
		}
		if (service != null && !service.isBlank() && RUNBOOK.matcher(service.strip()).matches()) {
			line.append(' ').append(service.strip());
		}
		Reply reply = conversation.command(line.toString(), ctx(viewer, null, key));
		if (reply.incidentId() == null) {
			flash.addFlashAttribute("notice", reply.plainText());
			return "redirect:/";
		}
		if (!reply.declared()) {
			flash.addFlashAttribute("notice", reply.plainText());
		}
		return "redirect:/incidents/" + reply.incidentId();
	}

	@GetMapping("/incidents/{ref}")
	String incident(Viewer viewer, @PathVariable String ref, Model model) {
		Incident incident = incidents.get(ref);
		liveModel(viewer, incident, model);
		model.addAttribute("keys", FormKeys.INSTANCE);
		model.addAttribute("people", catalogs.current().ownership().people());
		return "console/incident";
	}

	/** The part of the incident page that follows the incident: fetched again on every {@code changed} event. */
	@GetMapping("/incidents/{ref}/live")
	String live(Viewer viewer, @PathVariable String ref, Model model) {
		liveModel(viewer, incidents.get(ref), model);
		return "console/incident :: live";
	}

	@GetMapping(path = "/incidents/{ref}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Viewer viewer, @PathVariable String ref) {
		return live.subscribe(incidents.get(ref).id());
	}

	/** The exact plan of a button that changes production, and a button that confirms it. */
	@GetMapping("/incidents/{ref}/confirm")
	String confirm(Viewer viewer, @PathVariable String ref, @RequestParam String action, Model model,
			RedirectAttributes flash) {
		Incident incident = incidents.get(ref);
		Reply step = conversation.command("step " + incident.humanId(), ctx(viewer, incident.id(), null));
		var button = buttons(step).filter(b -> b.action().encode().equals(action)).findFirst();
		if (button.isEmpty()) {
			flash.addFlashAttribute("notice", "That button is no longer on the current step; nothing was done.");
			return "redirect:/incidents/" + incident.humanId();
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("incident", incident);
		model.addAttribute("button", BlockView.ButtonView.of(button.get()));
		model.addAttribute("keys", FormKeys.INSTANCE);
		return "console/confirm";
	}

	@PostMapping("/incidents/{ref}/press")
	String press(Viewer viewer, @PathVariable String ref, @RequestParam String action, @RequestParam String key,
			RedirectAttributes flash) {
		Incident incident = incidents.get(ref);
		var decoded = ActionId.decode(action);
		if (decoded.isEmpty() || decoded.get().incidentId() != incident.id()) {
			flash.addFlashAttribute("notice", "That button is not one of this incident's; nothing was done.");
			return "redirect:/incidents/" + incident.humanId();
		}
		Reply reply = conversation.press(action, ctx(viewer, incident.id(), key));
		if (reply.ephemeral()) {
			flash.addFlashAttribute("notice", reply.plainText());
		}
		return "redirect:/incidents/" + incident.humanId();
	}

	@PostMapping("/incidents/{ref}/command")
	String command(Viewer viewer, @PathVariable String ref, @RequestParam String verb,
			@RequestParam(defaultValue = "") String text, @RequestParam String key, RedirectAttributes flash) {
		Incident incident = incidents.get(ref);
		String v = verb.strip().toLowerCase(Locale.ROOT);
		if (!VERBS.contains(v)) {
			flash.addFlashAttribute("notice", "Unknown command '" + verb + "'; nothing was done.");
			return "redirect:/incidents/" + incident.humanId();
		}
		String oneLine = text.replaceAll("[\\r\\n]+", " ").strip();
		Reply reply = conversation.command(v + (oneLine.isEmpty() ? "" : " " + oneLine), ctx(viewer, incident.id(), key));
		flash.addFlashAttribute("notice", reply.plainText());
		return "redirect:/incidents/" + incident.humanId();
	}

	@GetMapping("/incidents/{ref}/postmortem")
	String postmortem(Viewer viewer, @PathVariable String ref, Model model) {
		Incident incident = incidents.get(ref);
		model.addAttribute("viewer", viewer);
		model.addAttribute("incident", incident);
		String markdown = postmortems.markdown(incident.id());
		model.addAttribute("markdown", markdown);
		model.addAttribute("html", html.render(markdown));
		return "console/postmortem";
	}

	private void liveModel(Viewer viewer, Incident incident, Model model) {
		IncidentState state = incidents.state(incident.id());
		Ownership ownership = catalogs.current().ownership();
		ChatContext ctx = ctx(viewer, incident.id(), null);
		Reply status = conversation.command("status " + incident.humanId(), ctx);
		Reply step = conversation.command("step " + incident.humanId(), ctx);

		List<PendingApprovals.PendingApproval> pending = PendingApprovals.of(state);
		Map<Integer, List<Person>> approvers = new java.util.HashMap<>();
		pending.forEach(p -> approvers.put(p.action(), Approvers.of(state, p, ownership)));
		List<BlockView> stepBlocks = new ArrayList<>(BlockView.of(step, b -> b.action().kind() != ActionId.Kind.APPROVE
				|| approvers.getOrDefault(b.action().index(), List.of()).stream().anyMatch(p -> p.id().equals(viewer.id()))));
		// The step's body as the runbook's markdown renders it, in place of the chat's text rendering.
		for (int n = 0; n < stepBlocks.size(); n++) {
			if (stepBlocks.get(n).kind().equals("paragraph")) {
				stepBlocks.set(n, BlockView.html(html.render(RegistryFacts.fill(state.step().body(), ownership))));
				break;
			}
		}
		model.addAttribute("viewer", viewer);
		model.addAttribute("keys", FormKeys.INSTANCE);
		model.addAttribute("incident", incident);
		model.addAttribute("statusBlocks", BlockView.of(status)
			.stream()
			.filter(b -> !(b.kind().equals("context") && b.text().startsWith("In effect:")))
			.toList());
		model.addAttribute("stepBlocks", stepBlocks);
		model.addAttribute("approvals", pending.stream()
			.map(p -> new Approval(p.action(), p.summary(), p.shortHash(),
					ownership.person(p.requestedBy()).map(Person::name).orElse(p.requestedBy()),
					approvers.get(p.action()).stream().map(Person::name).toList()))
			.toList());
		List<TimelineRow> timeline = new ArrayList<>(
				state.timeline().stream().map(e -> TimelineRow.of(e, incident.declaredAt())).toList());
		java.util.Collections.reverse(timeline); // newest first: what just happened is at the top
		model.addAttribute("timeline", timeline);
	}

	/** A route change waiting for a second person, and who may give it. */
	record Approval(int action, String plan, String hash, String requestedBy, List<String> mayApprove) {
	}

	private static java.util.stream.Stream<Block.Button> buttons(Reply reply) {
		return reply.blocks()
			.stream()
			.filter(Block.Buttons.class::isInstance)
			.flatMap(b -> ((Block.Buttons) b).buttons().stream());
	}

	static ChatContext ctx(Viewer viewer, Long incident, String key) {
		return new ChatContext(viewer.id(), viewer.person().email() == null ? viewer.id() : viewer.person().email(), "web",
				null, incident, key == null || key.isBlank() ? null : "web:" + viewer.id() + ":" + key);
	}

	static String elapsed(Duration d) {
		return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
	}
}
