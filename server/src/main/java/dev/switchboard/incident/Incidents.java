package dev.switchboard.incident;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.switchboard.incident.IncidentState.ActionState;
import dev.switchboard.incident.internal.IncidentStore;
import dev.switchboard.incident.internal.RecentTimelines;
import dev.switchboard.incident.internal.RunbookVersions;
import dev.switchboard.incident.internal.TimelineStore;
import dev.switchboard.runbook.Action;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;

/** Reading incidents: state, lists, timelines. */
@Service
public class Incidents {

	private final IncidentStore incidents;

	private final TimelineStore timeline;

	private final RunbookVersions versions;

	private final RecentTimelines recent;

	public Incidents(IncidentStore incidents, TimelineStore timeline, RunbookVersions versions, RecentTimelines recent) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.versions = versions;
		this.recent = recent;
	}

	public Incident get(long id) {
		return incidents.find(id)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
					"unknown incident " + IncidentIds.format(id)));
	}

	public Incident get(String humanId) {
		return get(IncidentIds.parse(humanId)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
					"'" + humanId + "' is not an incident id such as INC-42")));
	}

	public List<Incident> list(boolean openOnly, int limit) {
		return incidents.list(openOnly, limit);
	}

	public java.util.Optional<Incident> inChannel(String platform, String channel) {
		return incidents.findByChannel(platform, channel);
	}

	public List<TimelineEvent> timeline(long id) {
		return timeline.list(id);
	}

	public IncidentState state(long id) {
		return state(get(id));
	}

	public IncidentState state(Incident incident) {
		Runbook runbook = runbook(incident);
		Step step = runbook.step(incident.currentStep()).orElse(runbook.steps().get(0));
		List<TimelineEvent> events = recent.upTo(incident.id(), incident.lastSeq());
		return new IncidentState(incident, runbook, step, actionStates(step, events), path(incident, events), events);
	}

	public Runbook runbook(Incident incident) {
		return versions.load(incident.currentRunbookSha256())
			.orElseThrow(() -> new IllegalStateException("runbook version " + incident.currentRunbookSha256()
					+ " of " + incident.humanId() + " is missing from the database"));
	}

	/** Steps entered in the current runbook version, in order (back-tracking truncates the path). */
	static List<String> path(Incident incident, List<TimelineEvent> events) {
		List<String> path = new ArrayList<>();
		for (TimelineEvent e : events) {
			if (e.type() == EventType.RUNBOOK_CHANGED) {
				path.clear();
			}
			if (e.type() == EventType.STEP_ENTERED) {
				int at = path.indexOf(e.step());
				if (at >= 0 && "back".equals(e.detail("via"))) {
					path.subList(at + 1, path.size()).clear();
				}
				else {
					path.add(e.step());
				}
			}
		}
		return path;
	}

	/** Action states come from the timeline (the latest action event of each action of this step visit). */
	static List<ActionState> actionStates(Step step, List<TimelineEvent> events) {
		int visit = 0;
		for (TimelineEvent e : events) {
			if (e.type() == EventType.STEP_ENTERED && step.answersTo(e.step())) {
				visit = e.seq();
			}
		}
		List<ActionState> states = new ArrayList<>();
		for (int i = 0; i < step.actions().size(); i++) {
			Action action = step.actions().get(i);
			ActionState.Status status = ActionState.Status.PENDING;
			String detail = null;
			for (TimelineEvent e : events) {
				if (e.seq() > visit && step.answersTo(e.step()) && String.valueOf(i + 1).equals(e.detail("action"))) {
					ActionState.Status s = statusOf(e.type());
					if (s != null) {
						status = s;
						detail = e.detail("result");
					}
				}
			}
			states.add(new ActionState(i + 1, action, status, detail));
		}
		return states;
	}

	private static ActionState.Status statusOf(EventType type) {
		return switch (type) {
			case ACTION_REQUESTED, APPROVAL_REQUESTED -> ActionState.Status.REQUESTED;
			case ACTION_APPROVED -> ActionState.Status.APPROVED;
			case ACTION_STARTED, ACTION_INTERRUPTED -> ActionState.Status.RUNNING;
			case ACTION_SUCCEEDED, PAGE_SENT, MENTION_SENT -> ActionState.Status.DONE;
			case ACTION_FAILED -> ActionState.Status.FAILED;
			case ACTION_REFUSED -> ActionState.Status.REFUSED;
			default -> null;
		};
	}
}
