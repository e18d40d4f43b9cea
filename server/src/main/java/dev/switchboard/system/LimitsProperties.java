package dev.switchboard.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code switchboard.limits.*}: how much free text anyone may make Switchboard store and show.
 * Longer input is refused whole (nothing stored), in every chat and over REST.
 *
 * @param requestBody largest body of an API request (413 above it)
 * @param note characters of a note
 * @param summary characters of a mitigation or resolution summary
 * @param fact characters of a drill fact's key
 */
@ConfigurationProperties(prefix = "switchboard.limits", ignoreUnknownFields = false)
public record LimitsProperties(DataSize requestBody, Integer note, Integer summary, Integer fact) {

	public LimitsProperties {
		requestBody = requestBody == null ? DataSize.ofKilobytes(64) : requestBody;
		note = note == null ? 4000 : note;
		summary = summary == null ? 4000 : summary;
		fact = fact == null ? 200 : fact;
	}

	/** The defaults, for code built without Spring (tests, the CLI). */
	public static LimitsProperties defaults() {
		return new LimitsProperties(null, null, null, null);
	}
}
