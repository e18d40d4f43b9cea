package dev.switchboard.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.DrillHistory;
import dev.switchboard.incident.Incidents;

/** Drill reports (live while a drill runs, stored once it ends) and each runbook's last drill. */
@Service
public class DrillReports implements DrillHistory {

	private final DrillStore store;

	private final Drills drills;

	private final Incidents incidents;

	private final CatalogRegistry catalogs;

	private final DrillProperties properties;

	DrillReports(DrillStore store, Drills drills, Incidents incidents, CatalogRegistry catalogs,
			DrillProperties properties) {
		this.store = store;
		this.drills = drills;
		this.incidents = incidents;
		this.catalogs = catalogs;
		this.properties = properties;
	}

	/** The report as of now (a running drill is scored as if it ended now). */
	public DrillReport of(Drill drill) {
		return compute(drill, drills.now());
	}

	public DrillReport of(long incidentId) {
		return of(drills.get(incidentId));
	}

	/** The markdown report: the stored one for an ended drill, else a live one. */
	public String markdown(long incidentId) {
		Drill drill = drills.get(incidentId);
		return drill.report() != null ? drill.report() : of(drill).markdown();
	}

	DrillReport compute(Drill drill, Instant now) {
		return DrillScoring.score(drill, drills.scenario(drill), incidents.state(drill.incidentId()),
				catalogs.current().ownership(), catalogs.current().allRunbooks(), now);
	}

	@Override
	public Map<String, LastDrill> lastByRunbook() {
		Map<String, LastDrill> out = new LinkedHashMap<>();
		for (Drill d : store.lastEndedPerRunbook()) {
			out.putIfAbsent(d.runbookId(), new LastDrill(d.runbookId(), dev.switchboard.incident.IncidentIds.format(d.incidentId()), d.endedAt(),
					d.score() == null ? 0 : d.score()));
		}
		return out;
	}

	@Override
	public Duration staleAfter() {
		return properties.staleAfter();
	}
}
