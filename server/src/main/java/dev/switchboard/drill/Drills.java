package dev.switchboard.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.scenario.Scenario;
import dev.switchboard.scenario.Scenarios;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.Applied;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentException.Code;
import dev.switchboard.incident.IncidentUpdates;

/**
 * Starting drills, firing their injected events when due, answering participants' questions. A
 * drill is an incident with the drill flag, declared from a scenario's runbook; its timer and
 * progress are in the {@code drill} table, so a restart resumes it where it was.
 */
@Service
public class Drills {

	private static final Logger log = LoggerFactory.getLogger(Drills.class);

	private final CatalogRegistry catalogs;

	private final Declarations declarations;

	private final IncidentUpdates updates;

	private final GatewayRegistry gateways;

	private final DrillStore store;

	private final DrillInjector injector;

	private final SandboxEffects sandbox;

	private final Clock clock;

	private final Scenarios scenarios = new Scenarios();

	private final Map<Long, Scenario> pinned = new ConcurrentHashMap<>();

	Drills(CatalogRegistry catalogs, Declarations declarations, IncidentUpdates updates, GatewayRegistry gateways,
			DrillStore store, DrillInjector injector, SandboxEffects sandbox, Clock clock) {
		this.catalogs = catalogs;
		this.declarations = declarations;
		this.updates = updates;
		this.gateways = gateways;
		this.store = store;
		this.injector = injector;
		this.sandbox = sandbox;
		this.clock = clock;
	}

	/**
	 * Starts a drill.
	 * @param name a scenario id, or a runbook id or alias (its first scenario)
	 * @param scenarioId the scenario to run when {@code name} is a runbook with several, or null
	 */
	public Drill start(String name, String scenarioId, Actor facilitator, ChatRef chat, String requestKey) {
		Scenario scenario = find(catalogs.current(), name, scenarioId);
		Gateway gateway = gateways.forDrills();
		if (gateway == null || gateway.production()) {
			throw new IncidentException(Code.NOT_PERMITTED, "drills run only on the sandbox gateway, and "
					+ "switchboard.gateway.drill-adapter names '" + (gateway == null ? "nothing" : gateway.kind())
					+ "', a production gateway: no drill was started");
		}
		Applied<Incident> declared = declarations.declare(new Declarations.Request(scenario.runbook(),
				scenario.severity(), scenario.service(), true, chat), facilitator, requestKey);
		long id = declared.result().id();
		Optional<Drill> existing = store.find(id);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = declared.result().declaredAt();
		store.insert(new Drill(id, scenario.id(), scenario.file(), scenario.source(), scenario.runbook(),
				facilitator.personId(), DrillStatus.RUNNING, 0, Duration.ZERO, now, now, null, null, null));
		pinned.put(id, scenario);
		sandbox.reset(scenario.service());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("scenario", scenario.id());
		details.put("shape", scenario.shape().wire());
		details.put("facilitator", facilitator.personId());
		details.put("events", scenario.events().size());
		details.put("gateway", gateway.kind());
		if (scenario.briefing() != null) {
			details.put("text", scenario.briefing());
		}
		updates.drillEvent(id, EventType.DRILL_STARTED, facilitator, details, null);
		tick(id);
		return store.find(id).orElseThrow();
	}

	public Optional<Drill> find(long incidentId) {
		return store.find(incidentId);
	}

	public Drill get(long incidentId) {
		return store.find(incidentId).orElseThrow(() -> new IncidentException(Code.INVALID_REQUEST,
				"INC-" + incidentId + " is not a drill"));
	}

	/** The scenario a drill runs, as it was when the drill started. */
	public Scenario scenario(Drill drill) {
		return pinned.computeIfAbsent(drill.incidentId(), k -> scenarios.reparse(drill.scenarioFile(), drill.scenarioSource()));
	}

	/** Fires every due event of every running drill, in order. Called by the scheduler and by tests. */
	public void tick() {
		for (Drill drill : store.running()) {
			try {
				tick(drill.incidentId());
			}
			catch (RuntimeException ex) {
				log.warn("drill INC-{}: injecting due events failed: {}", drill.incidentId(), ex.toString());
			}
		}
	}

	/** Fires the due events of one drill; returns how many fired. */
	public int tick(long incidentId) {
		int fired = 0;
		while (true) {
			Drill drill = get(incidentId);
			Scenario scenario = scenario(drill);
			Instant now = now();
			if (drill.status() != DrillStatus.RUNNING || drill.fired() >= scenario.events().size()
					|| scenario.events().get(drill.fired()).at().compareTo(drill.at(now)) > 0) {
				return fired;
			}
			if (injector.fire(drill, scenario, drill.fired(), Actor.SWITCHBOARD, now)) {
				fired++;
			}
		}
	}

	/** A fact participants ask for; recorded, answered or not (an unanswered question is a runbook defect). */
	public Optional<String> fact(long incidentId, String key, Actor actor) {
		Drill drill = get(incidentId);
		Optional<String> answer = scenario(drill).fact(key);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("key", key.strip());
		details.put("answered", answer.isPresent());
		updates.drillEvent(incidentId, EventType.DRILL_FACT_ASKED, actor, details, null);
		return answer;
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Scenario find(Catalog catalog, String name, String scenarioId) {
		if (name == null || name.isBlank()) {
			throw new IncidentException(Code.UNKNOWN_RUNBOOK, "drill which runbook or scenario? scenarios: "
					+ catalog.scenarios().keySet().stream().sorted().toList());
		}
		Optional<Scenario> direct = catalog.scenario(name);
		if (direct.isPresent()) {
			return direct.get();
		}
		var runbook = catalog.byIdOrAlias(name).orElseThrow(() -> new IncidentException(Code.UNKNOWN_RUNBOOK,
				"no runbook or drill scenario '" + name + "'; scenarios: " + catalog.scenarios().keySet().stream().sorted().toList()));
		List<Scenario> of = catalog.scenariosOf(runbook.id());
		if (scenarioId != null && !scenarioId.isBlank()) {
			return of.stream().filter(s -> s.id().equalsIgnoreCase(scenarioId.strip())).findFirst()
				.orElseThrow(() -> new IncidentException(Code.UNKNOWN_RUNBOOK, "runbook " + runbook.id()
						+ " has no scenario '" + scenarioId + "'; it has " + of.stream().map(Scenario::id).toList()));
		}
		if (of.isEmpty()) {
			throw new IncidentException(Code.UNKNOWN_RUNBOOK, "no drill scenario rehearses " + runbook.id()
					+ " yet: add one under runbooks/drills/ (schema/drill-scenario.schema.json)");
		}
		return of.get(0);
	}
}
