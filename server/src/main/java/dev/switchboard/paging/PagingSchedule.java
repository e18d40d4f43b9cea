package dev.switchboard.paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers the outbox and fires escalation timers every {@code switchboard.paging.poll}, on every replica. */
@Component
class PagingSchedule {

	private static final Logger log = LoggerFactory.getLogger(PagingSchedule.class);

	private final PageOutbox outbox;

	private final Escalations escalations;

	PagingSchedule(PageOutbox outbox, Escalations escalations) {
		this.outbox = outbox;
		this.escalations = escalations;
	}

	@Scheduled(fixedDelayString = "${switchboard.paging.poll:2s}")
	void tick() {
		try {
			escalations.fireDue();
			outbox.deliverDue();
		}
		catch (RuntimeException ex) {
			log.error("paging tick failed; next tick retries", ex);
		}
	}
}
