package dev.switchboard.drill;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due injected events on the application clock. The only timer of drills: tests call
 * {@link Drills#tick()} after moving their clock instead, so a 20-minute scenario runs in milliseconds.
 */
@Component
class DrillTicker {

	private final Drills drills;

	DrillTicker(Drills drills) {
		this.drills = drills;
	}

	@Scheduled(fixedDelayString = "${switchboard.drill.tick:5s}")
	void tick() {
		drills.tick();
	}
}
