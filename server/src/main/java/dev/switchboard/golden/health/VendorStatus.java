package dev.switchboard.golden.health;

import java.time.Instant;

/**
 * A vendor's status page as last read ({@code <status page>/api/v2/summary.json}, Atlassian Statuspage).
 *
 * @param indicator {@code none}, {@code minor}, {@code major}, {@code critical}; {@code unknown} when the page did
 * not answer or said nothing readable (never taken for "operational")
 * @param description the page's own words ("All Systems Operational"), or why it is unknown
 */
public record VendorStatus(String vendor, String indicator, String description, Instant at) {

	/** For gauges: 0 none, 1 minor, 2 major, 3 critical, -1 unknown. */
	public int level() {
		return switch (indicator) {
			case "none" -> 0;
			case "minor" -> 1;
			case "major" -> 2;
			case "critical" -> 3;
			default -> -1;
		};
	}

	/** {@code operational}, {@code minor}, … or {@code unknown}, with the page's description. */
	public String text() {
		return (indicator.equals("none") ? "operational" : indicator) + " (" + description + ")";
	}
}
