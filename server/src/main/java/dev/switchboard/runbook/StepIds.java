package dev.switchboard.runbook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step ids as GitHub computes heading anchors, so a link that works on GitHub works in the bot:
 * lower case, punctuation dropped, spaces to dashes, {@code -1}, {@code -2} for repeats. An
 * explicit {@code {#id}} at the end of a heading wins.
 */
final class StepIds {

	private static final Pattern EXPLICIT = Pattern.compile("^(.*?)\\s*\\{#([A-Za-z0-9_-]+)\\}\\s*$", Pattern.DOTALL);

	private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

	private final Map<String, Integer> seen = new HashMap<>();

	/** A heading's title and id. */
	record Titled(String title, String id, boolean explicit) {
	}

	Titled assign(String headingText) {
		Matcher m = EXPLICIT.matcher(headingText);
		if (m.matches()) {
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
		return DROPPED.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
	}
}
