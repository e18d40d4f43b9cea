package dev.switchboard.incident.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.Postmortems;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Walk;
import dev.switchboard.runbook.ChatTextRenderer;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.UnauthenticatedException;

/**
 * Incidents over HTTP. Every write is attributed to the authenticated person; an
 * {@code Idempotency-Key} header makes a retried write apply once (the reply then carries
 * {@code Idempotent-Replay: true}).
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

	private final Declarations declarations;

	private final Walk walk;

	private final IncidentUpdates updates;

	private final StepActions actions;

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final ApiCaller caller;

	private final CatalogRegistry catalogs;

	private final IdempotencyKeys keys;

	private final ChatTextRenderer text = new ChatTextRenderer();

	IncidentController(Declarations declarations, Walk walk, IncidentUpdates updates, StepActions actions,
			Incidents incidents, Postmortems postmortems, ApiCaller caller, CatalogRegistry catalogs,
			IdempotencyKeys keys) {
		this.declarations = declarations;
		this.walk = walk;
		this.updates = updates;
		this.actions = actions;
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.caller = caller;
		this.catalogs = catalogs;
		this.keys = keys;
	}

	record DeclareBody(String runbook, String severity, String service, Boolean drill) {
	}

	record ChoiceBody(String step, String choice) {
	}

	record BackBody(String step) {
	}

	record ActionBody(String step, int action) {
	}

	record ApprovalBody(String step, int action, String plan) {
	}

	record NoteBody(String text) {
	}

	record SeverityBody(String severity) {
	}

	record CommanderBody(String person) {
	}

	record ResolveBody(String summary) {
	}

	@Operation(operationId = "declareIncident", summary = "Declare an incident from a runbook", description = "Opens an incident at the runbook's first step; the caller becomes its commander. Answers 201 with the incident and its Location.")
	@PostMapping
	ResponseEntity<IncidentView> declare(@RequestBody DeclareBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		if (body == null || body.runbook() == null) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "'runbook' is required");
		}
		Applied<Incident> applied = declarations.declare(new Declarations.Request(body.runbook(), body.severity(),
				body.service(), Boolean.TRUE.equals(body.drill()), null), actor(request), keys.of(request, "declare", "declare", body, key));
		Incident incident = applied.result();
		return ResponseEntity.created(URI.create("/api/incidents/" + incident.humanId()))
			.header("Idempotent-Replay", String.valueOf(applied.replayed()))
			.body(IncidentView.of(incidents.state(incident), text, catalogs.current().ownership()));
	}

	@Operation(operationId = "listIncidents", summary = "List incidents, newest first", description = "Summaries of the newest incidents; `open=true` leaves out resolved ones.")
	@GetMapping
	List<IncidentView.Summary> list(@RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "50") int limit) {
		return incidents.list(open, Math.max(1, Math.min(limit, 500))).stream().map(IncidentView.Summary::of).toList();
	}

	@Operation(operationId = "getIncident", summary = "Get an incident", description = "The incident with its current step, the choices and actions offered there, and its timeline.")
	@GetMapping("/{id}")
	IncidentView get(@PathVariable String id) {
		return view(id(id));
	}

	@Operation(operationId = "getPostmortem", summary = "Get the postmortem draft of an incident", description = "A markdown draft built from the timeline: decisions, actions, route changes, notes.")
	@GetMapping(path = "/{id}/postmortem", produces = "text/markdown")
	String postmortem(@PathVariable String id) {
		return postmortems.markdown(id(id));
	}

	@Operation(operationId = "chooseOption", summary = "Choose an option at the current step", description = "Records the decision and moves the incident to the step the choice leads to. `step` guards against deciding on a step that has already moved on.")
	@PostMapping("/{id}/choices")
	ResponseEntity<IncidentView> choose(@PathVariable String id, @RequestBody ChoiceBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		if (body == null || body.choice() == null) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "'choice' is required");
		}
		return reply(id(id), walk.choose(id(id), body.step(), body.choice(), actor(request), keys.of(request, canonical(id), "choices", body, key)));
	}

	@Operation(operationId = "goBack", summary = "Go back one decision", description = "Undoes the last decision (the timeline keeps both) and returns to the step before it.")
	@PostMapping("/{id}/back")
	ResponseEntity<IncidentView> back(@PathVariable String id, @RequestBody(required = false) BackBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), walk.back(id(id), body == null ? null : body.step(), actor(request), keys.of(request, canonical(id), "back", body, key)));
	}

	@Operation(operationId = "runAction", summary = "Run an action of the current step", description = "Runs the numbered action of the step, such as a gateway route change; the reply says what was applied and verified.")
	@PostMapping("/{id}/actions")
	ResponseEntity<IncidentView> action(@PathVariable String id, @RequestBody ActionBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return replyFresh(id(id), actions.run(id(id), body.step(), body.action(), actor(request), keys.of(request, canonical(id), "actions", body, key)));
	}

	/** A second approver approves a waiting route change: {@code plan} is the hash of the plan they read. */
	@Operation(operationId = "approveAction", summary = "Approve a route change as the second person", description = "Approves a change waiting for a second approver; `plan` is the hash of the plan the approver read, so a changed plan is not approved by mistake.")
	@PostMapping("/{id}/approvals")
	ResponseEntity<IncidentView> approve(@PathVariable String id, @RequestBody ApprovalBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		if (body == null || body.plan() == null) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "'plan' (the plan hash) is required");
		}
		return replyFresh(id(id), actions.approve(id(id), body.step(), body.action(), body.plan(), actor(request),
				keys.of(request, canonical(id), "approvals", body, key)));
	}

	@Operation(operationId = "addNote", summary = "Add a note to the timeline", description = "Adds free text to the incident's timeline, attributed to the caller.")
	@PostMapping("/{id}/notes")
	ResponseEntity<IncidentView> note(@PathVariable String id, @RequestBody NoteBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), updates.note(id(id), body == null ? null : body.text(), actor(request), keys.of(request, canonical(id), "notes", body, key)));
	}

	@Operation(operationId = "changeSeverity", summary = "Change the severity", description = "Sets the severity (sev1 to sev4) and records the change.")
	@PostMapping("/{id}/severity")
	ResponseEntity<IncidentView> severity(@PathVariable String id, @RequestBody SeverityBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), updates.severity(id(id), body == null ? null : body.severity(), actor(request),
				keys.of(request, canonical(id), "severity", body, key)));
	}

	@Operation(operationId = "handOverCommand", summary = "Hand over command", description = "Makes another person from ownership.yaml the incident commander.")
	@PostMapping("/{id}/commander")
	ResponseEntity<IncidentView> commander(@PathVariable String id, @RequestBody CommanderBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		if (body == null || body.person() == null) {
			throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "'person' is required");
		}
		return reply(id(id), updates.commander(id(id), body.person(), actor(request), keys.of(request, canonical(id), "commander", body, key)));
	}

	@Operation(operationId = "resolveIncident", summary = "Resolve the incident", description = "Closes the incident with an optional summary; route changes still in effect are listed in the reply.")
	@PostMapping("/{id}/resolve")
	ResponseEntity<IncidentView> resolve(@PathVariable String id, @RequestBody(required = false) ResolveBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
		return reply(id(id), updates.resolve(id(id), body == null ? null : body.summary(), actor(request),
				keys.of(request, canonical(id), "resolve", body, key)));
	}

	private ResponseEntity<IncidentView> reply(long id, Applied<Incident> applied) {
		// The change returns the incident it committed, so the view only has to read the timeline;
		// a replayed request has no result and reads the incident as it is now.
		Incident committed = applied.replayed() ? null : applied.result();
		IncidentState state = committed != null ? incidents.state(committed) : incidents.state(id);
		return ResponseEntity.ok()
			.header("Idempotent-Replay", String.valueOf(applied.replayed()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(IncidentView.of(state, text, catalogs.current().ownership()));
	}

	/** For actions, whose later stages (apply, verify) run in transactions of their own after the one returned. */
	private ResponseEntity<IncidentView> replyFresh(long id, Applied<Incident> applied) {
		return ResponseEntity.ok()
			.header("Idempotent-Replay", String.valueOf(applied.replayed()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(view(id));
	}

	private IncidentView view(long id) {
		return IncidentView.of(incidents.state(id), text, catalogs.current().ownership());
	}

	private Actor actor(HttpServletRequest request) {
		return new Actor(caller.personOf(request).orElseThrow(UnauthenticatedException::new));
	}

	private static String canonical(String id) {
		return IncidentIds.format(id(id));
	}

	private static long id(String id) {
		return IncidentIds.parse(id)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
					"'" + id + "' is not an incident id such as INC-42"));
	}
}
