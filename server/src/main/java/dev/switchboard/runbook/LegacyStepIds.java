package dev.switchboard.runbook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step ids Switchboard gave before it followed GitHub exactly (kept so incidents and drills
 * recorded then still find their steps): slugs numbered over the {@code ##} steps only, not over
 * every heading of the file, and an explicit {@code {#id}} at the end of a heading wins. A step
 * whose id differs today keeps this one as a former id.
 */
final class LegacyStepIds {

	private static final Pattern EXPLICIT = Pattern.compile("^(.*?)\\s*\\{#([A-Za-z0-9_-]+)\\}\\s*$", Pattern.DOTALL);

	private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

	private final Map<String, Integer> seen = new HashMap<>();

	/** A heading's title and id. */
	record Titled(String title, String id, boolean explicit) {
	}

	Titled assign(String headingText) {
		// the regex needs "{#" and is costly (reluctant, DOTALL) on every heading: look first
		Matcher m = headingText.contains("{#") ? EXPLICIT.matcher(headingText) : null;
		if (m != null && m.matches()) {
			seen.putIfAbsent(m.group(2), 0);
			return new Titled(m.group(1).trim(), m.group(2), true);
		}
		// github-slugger: count repeats per slug, and skip numbered ids another heading already
		// took ("Check", "Check", "Check-1" are check, check-1, check-1-1).
		String slug = slug(headingText);
		String id = slug;
		while (seen.containsKey(id)) {
			id = slug + "-" + seen.merge(slug, 1, Integer::sum);
		}
		seen.put(id, 0);
		return new Titled(headingText.trim(), id, false);
	}

	static String slug(String text) {
		String lower = text.trim().toLowerCase(Locale.ROOT);
		return (keepsAll(lower) ? lower : DROPPED.matcher(lower).replaceAll("")).replace(' ', '-');
	}

	/** True when DROPPED would remove nothing: the usual ASCII heading, without the regex. */
	private static boolean keepsAll(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}
}
