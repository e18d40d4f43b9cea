package dev.switchboard.runbook;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line numbers. */
final class LineIndex {

	private final int[] starts;

	LineIndex(CharSequence text) {
		int[] s = new int[64];
		int n = 0;
		s[n++] = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				if (n == s.length) {
					s = Arrays.copyOf(s, n * 2);
				}
				s[n++] = i + 1;
			}
		}
		starts = Arrays.copyOf(s, n);
	}

	int lineOf(int offset) {
		int i = Arrays.binarySearch(starts, offset);
		return (i >= 0 ? i : -i - 2) + 1;
	}
}
