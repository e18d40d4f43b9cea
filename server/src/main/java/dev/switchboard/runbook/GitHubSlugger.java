package dev.switchboard.runbook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's heading anchors, as npm {@code github-slugger} 2.0.0 computes them (a test checks it
 * against that package over every heading of every runbook): lower case; every character dropped
 * except letters and other alphabetic characters, marks, decimal digits, connector punctuation
 * ({@code _}), spaces and {@code -}; spaces to {@code -}; nothing trimmed. One instance slugs one
 * document, every heading in order (titles and {@code ###} included), and numbers repeats
 * {@code -1}, {@code -2}, skipping numbers another heading already took.
 */
final class GitHubSlugger {

	private final Map<String, Integer> occurrences = new HashMap<>();

	/** The unique anchor of the next heading of the document, given its text as GitHub renders it. */
	String slug(String headingText) {
		String base = slugOf(headingText);
		String result = base;
		while (occurrences.containsKey(result)) {
			result = base + "-" + occurrences.merge(base, 1, Integer::sum);
		}
		occurrences.put(result, 0);
		return result;
	}

	/** The anchor of a text, without numbering repeats. */
	static String slugOf(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(lower.length());
		lower.codePoints().forEach(cp -> {
			if (cp == ' ') {
				out.append('-');
			}
			else if (kept(cp)) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	private static boolean kept(int cp) {
		if (cp < 0x80) {
			return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z' || cp == '-' || cp == '_';
		}
		if (Character.isAlphabetic(cp)) {
			return true;
		}
		return switch (Character.getType(cp)) {
			case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
					Character.DECIMAL_DIGIT_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
			default -> false;
		};
	}
}
