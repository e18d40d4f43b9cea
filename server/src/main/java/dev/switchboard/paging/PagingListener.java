package dev.switchboard.paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.switchboard.drill.DrillProperties;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.IncidentChanged;
import dev.switchboard.incident.TimelineEvent;

/**
 * Starts paging from what the incident engine committed: a declaration pages its severity's first
 * level, a runbook's {@code page X} pages X, a resolution resolves every page. Drills page nobody
 * unless {@code switchboard.drill.real-mentions=true}; with no pager configured, paging stays off.
 */
@Component
class PagingListener {

	private static final Logger log = LoggerFactory.getLogger(PagingListener.class);

	private final Escalations escalations;

	private final Pagers pagers;

	private final DrillProperties drills;

	PagingListener(Escalations escalations, Pagers pagers, DrillProperties drills) {
		this.escalations = escalations;
		this.pagers = pagers;
		this.drills = drills;
	}

	@EventListener
	void on(IncidentChanged changed) {
		if (!pagers.any() || changed.incident().drill() && !drills.realMentions()) {
			return;
		}
		for (TimelineEvent e : changed.events()) {
			try {
				if (e.type() == EventType.DECLARED) {
					escalations.start(changed.incidentId(), changed.incident().severity());
				}
				else if (e.type() == EventType.PAGE_SENT && !Actor.SWITCHBOARD.personId().equals(e.actor())
						&& e.detail("principal") != null) {
					escalations.start(changed.incidentId(), Escalations.PAGE_CHAIN + e.detail("principal"));
				}
				else if (e.type() == EventType.RESOLVED) {
					escalations.resolveAll(changed.incidentId());
				}
			}
			catch (RuntimeException ex) {
				log.error("paging for {} after '{}' failed", changed.incident().humanId(), e.type().wire(), ex);
			}
		}
	}
}
