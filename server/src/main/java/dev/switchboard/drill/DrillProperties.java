package dev.switchboard.drill;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.drill.*}.
 *
 * @param realMentions true to mention people for real in drill messages; by default a drill names
 * them without pinging anyone
 * @param staleAfter a runbook not drilled for longer than this is flagged stale in {@code runbooks}
 * @param tick how often due injected events are fired
 */
@ConfigurationProperties(prefix = "switchboard.drill", ignoreUnknownFields = false)
public record DrillProperties(@DefaultValue("false") boolean realMentions, @DefaultValue("90d") Duration staleAfter,
		@DefaultValue("5s") Duration tick) {
}
