package dev.switchboard.runbook;

import java.util.regex.Pattern;

/**
 * Test support: turns {@code ## <a name="id"></a>Title} step headings back into the
 * {@code ## Title {#id}} form runbooks had before GitHub-compatible anchors, to test upgrades
 * from it with the runbooks as shipped.
 */
public final class OldHeadingIds {

	private static final Pattern ANCHORED = Pattern.compile("(?m)^(##[ \\t]+)<a name=\"([^\"]+)\"></a>(.*?)[ \\t]*$");

	private OldHeadingIds() {
	}

	public static String restore(String markdown) {
		return ANCHORED.matcher(markdown).replaceAll("$1$3 {#$2}");
	}
}
