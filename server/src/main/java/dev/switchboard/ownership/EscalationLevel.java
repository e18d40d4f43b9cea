package dev.switchboard.ownership;

import java.time.Duration;
import java.util.List;

/**
 * What a severity engages: principals (roles, teams, people) paged at once, notified, and next.
 * @param repeat how many more times {@code escalateTo} is paged, {@code ackTimeout} apart, while nobody acknowledges
 */
public record EscalationLevel(List<String> page, List<String> informed, Duration ackTimeout, List<String> escalateTo,
		int repeat) {

	public EscalationLevel(List<String> page, List<String> informed, Duration ackTimeout, List<String> escalateTo) {
		this(page, informed, ackTimeout, escalateTo, 0);
	}

	public EscalationLevel {
		page = page == null ? List.of() : List.copyOf(page);
		informed = informed == null ? List.of() : List.copyOf(informed);
		escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
	}
}
