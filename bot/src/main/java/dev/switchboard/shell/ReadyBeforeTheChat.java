package dev.switchboard.shell;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Marks the server ready to take traffic once it has started. Spring Boot marks readiness only
 * after every application runner has returned, and the interactive terminal chat is a runner that
 * returns when the person at the terminal quits: without this, a server started in a terminal
 * answered {@code OUT_OF_SERVICE} to readiness probes for as long as the chat ran. Everything the
 * server needs (database migrated, catalog loaded, web server listening) is done by the time the
 * context has started.
 */
@Component
class ReadyBeforeTheChat implements ApplicationListener<ApplicationStartedEvent> {

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.ACCEPTING_TRAFFIC);
	}
}
