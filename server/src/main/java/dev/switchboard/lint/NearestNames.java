package dev.switchboard.lint;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the known names closest to a mistyped one, by edit distance (prefix matches first). */
public final class NearestNames {

	private NearestNames() {
	}

	public static List<String> nearest(String wanted, Collection<String> known, int limit) {
		String w = wanted.toLowerCase(Locale.ROOT);
		return known.stream()
			.distinct()
			.sorted(Comparator.comparingInt((String k) -> score(w, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
			.limit(limit)
			.toList();
	}

	/** A " (did you mean 'x'?)" suffix when a close name exists, else empty. */
	public static String hint(String wanted, Collection<String> known) {
		List<String> best = nearest(wanted, known, 1);
		if (best.isEmpty() || distance(wanted, best.get(0)) > Math.max(2, wanted.length() / 3)) {
			return "";
		}
		return " (did you mean '" + best.get(0) + "'?)";
	}

	/** Whether {@code known} is close enough to {@code wanted} to be taken for it (a typo, not another word). */
	public static boolean close(String wanted, String known) {
		return distance(wanted.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT)) <= Math.max(1, Math.min(2, wanted.length() / 4));
	}

	private static int score(String wanted, String known) {
		int d = distance(wanted, known);
		return known.startsWith(wanted) || known.contains(wanted) ? d / 4 : d;
	}

	static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}
