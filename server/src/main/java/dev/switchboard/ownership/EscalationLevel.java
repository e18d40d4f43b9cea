package dev.switchboard.ownership;

import java.time.Duration;
import java.util.List;

/** What a severity engages: principals (roles, teams, people) paged at once, notified, and next. */
public record EscalationLevel(List<String> page, List<String> informed, Duration ackTimeout, List<String> escalateTo) {

	public EscalationLevel {
		page = page == null ? List.of() : List.copyOf(page);
		informed = informed == null ? List.of() : List.copyOf(informed);
		escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
	}
}
