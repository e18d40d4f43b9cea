package dev.switchboard.incident;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.switchboard.incident.TimelineDetails.ActionOutcome;
import dev.switchboard.incident.TimelineDetails.Backtracked;
import dev.switchboard.incident.TimelineDetails.ChoiceMade;
import dev.switchboard.incident.TimelineDetails.Declared;
import dev.switchboard.incident.TimelineDetails.DrillFactAsked;
import dev.switchboard.incident.TimelineDetails.DrillInjected;
import dev.switchboard.incident.TimelineDetails.Ended;
import dev.switchboard.incident.TimelineDetails.Engaged;
import dev.switchboard.incident.TimelineDetails.Note;
import dev.switchboard.incident.TimelineDetails.Other;
import dev.switchboard.incident.TimelineDetails.RouteChange;
import dev.switchboard.incident.TimelineDetails.StepEntered;
import dev.switchboard.incident.internal.TimelineStore;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timelines stored before the details were typed read the same: rows written with today's JSON
 * (the keys and value shapes the engine writes, copied here as text) load through the store and
 * decode into the typed details, and the stored object itself comes back unchanged for the REST
 * view and the postmortem table.
 */
class StoredTimelineTests {

	static final String SHA = "a".repeat(64);

	/** type, details exactly as stored in {@code timeline_event.details}. */
	static final List<String[]> ROWS = List.of(
			row("declared", """
					{"runbook":"ai-outage","sha256":"%s","severity":"sev1","service":"invoice-extraction","drill":true,\
					"commander":"priya-natarajan"}""".formatted(SHA)),
			row("mention-sent", """
					{"principal":"ai-platform-primary","people":["karim-haddad"],"reason":"escalation sev1: page"}"""),
			row("step-entered", """
					{"via":"declare"}"""),
			row("choice-made", """
					{"choice":"Hard outage","index":2,"to":"hard-outage","decision":true}"""),
			row("action-requested", """
					{"action":"1","text":"gateway switch invoice-extraction to secondary","gateway":"sandbox",\
					"route":"invoice-extraction"}"""),
			row("action-succeeded", """
					{"action":"1","text":"gateway switch invoice-extraction to secondary","gateway":"sandbox",\
					"route":"invoice-extraction","plan":"select gpt-4.1-mini","planHash":"9f2c","snapshot":"12",\
					"idempotencyKey":"k-1","kind":"switch","target":"secondary","expect":"gpt-4.1-mini",\
					"outcome":"VERIFIED","probes":5,"servedByExpected":5,"observations":["ok"],\
					"result":"verified: 5/5 probes served as expected"}"""),
			row("page-sent", """
					{"action":"2","text":"page @ai-platform-primary","principal":"ai-platform-primary",\
					"people":["karim-haddad","amelie-laurent"]}"""),
			row("action-failed", """
					{"action":"3","text":"vendor acme","result":"vendor acme is no longer in ownership.yaml"}"""),
			row("backtracked", """
					{"to":"triage"}"""),
			row("note", """
					{"text":"error rate falling"}"""),
			row("drill-fact-asked", """
					{"key":"error-rate","answered":false}"""),
			row("drill-injected", """
					{"event":1,"of":3,"at":"+2m","text":"429s from the primary"}"""),
			row("resolved", """
					{"summary":"Switched to the secondary."}"""),
			row("lease-reminder", """
					{"lease":"7","route":"invoice-extraction","endsAt":"2026-11-18T13:00:00Z"}"""));

	static List<TimelineEvent> loaded;

	@BeforeAll
	static void storeRowsAsWrittenToday() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(H2.memory("stored_timeline"), "sa", "");
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO runbook_version (sha256, runbook_id, file_name, source, stored_at)
				VALUES (:sha, 'ai-outage', 'ai-outage.md', 'text', CURRENT_TIMESTAMP)""").param("sha", SHA).update();
		jdbc.sql("""
				INSERT INTO incident (id, title, runbook_id, runbook_sha256, current_runbook, current_step, severity,
				  commander, status, declared_at, updated_at)
				VALUES (1, 't', 'ai-outage', :sha, :sha, 'triage', 'sev1', 'priya-natarajan', 'OPEN', CURRENT_TIMESTAMP,
				  CURRENT_TIMESTAMP)""").param("sha", SHA).update();
		int seq = 0;
		for (String[] row : ROWS) {
			jdbc.sql("""
					INSERT INTO timeline_event (incident_id, seq, type, actor, at, step, details)
					VALUES (1, :seq, :type, 'priya-natarajan', CURRENT_TIMESTAMP, 'triage', :details)""")
				.param("seq", ++seq)
				.param("type", row[0])
				.param("details", row[1])
				.update();
		}
		loaded = new TimelineStore(jdbc, new NamedParameterJdbcTemplate(dataSource)).list(1);
	}

	@Test
	void readsEveryStoredRowIntoItsTypedDetails() {
		assertThat(loaded).extracting(TimelineEvent::typed)
			.containsExactly(
					new Declared("ai-outage", SHA, null, "sev1", "invoice-extraction", true, "priya-natarajan", null),
					new Engaged(null, null, "ai-platform-primary", List.of("karim-haddad"), "escalation sev1: page"),
					new StepEntered("declare"), new ChoiceMade("Hard outage", 2, "hard-outage", true),
					new ActionOutcome("1", "gateway switch invoice-extraction to secondary", null,
							new RouteChange("sandbox", "invoice-extraction", null, null)),
					new ActionOutcome("1", "gateway switch invoice-extraction to secondary",
							"verified: 5/5 probes served as expected",
							new RouteChange("sandbox", "invoice-extraction", "select gpt-4.1-mini", "9f2c")),
					new Engaged("2", "page @ai-platform-primary", "ai-platform-primary",
							List.of("karim-haddad", "amelie-laurent"), null),
					new ActionOutcome("3", "vendor acme", "vendor acme is no longer in ownership.yaml", null),
					new Backtracked("triage"), new Note("error rate falling"), new DrillFactAsked("error-rate", false),
					new DrillInjected(1, 3, "+2m", "429s from the primary"), new Ended("Switched to the secondary.", null),
					new Other(Map.of("lease", "7", "route", "invoice-extraction", "endsAt", "2026-11-18T13:00:00Z")));
	}

	@Test
	void tellsRouteChangesFromOtherActionsByTheirDetailsNotTheirText() {
		assertThat(loaded).extracting(TimelineEvent::typed)
			.filteredOn(ActionOutcome.class::isInstance)
			.extracting(d -> ((ActionOutcome) d).changesRoute())
			.containsExactly(true, true, false);
	}

	@Test
	void keepsTheStoredObjectAsWritten() {
		JsonMapper json = JsonMapper.shared();
		for (int k = 0; k < ROWS.size(); k++) {
			assertThat(json.readTree(json.writeValueAsString(loaded.get(k).details())))
				.as(ROWS.get(k)[0])
				.isEqualTo(json.readTree(ROWS.get(k)[1]));
		}
	}

	private static String[] row(String type, String details) {
		return new String[] { type, details };
	}
}
