package dev.switchboard.cli;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.catalog.HeadingIdMigration;
import dev.switchboard.runbook.HeadingIdFix;

/**
 * The unified diff ({@code git apply}/{@code patch} format, 3 lines of context) of a
 * {@code lint --fix} rewrite. Every fix replaces one line with one line, so hunks are found from
 * the fixed line numbers rather than by a general diff.
 */
final class UnifiedDiff {

	private static final int CONTEXT = 3;

	private UnifiedDiff() {
	}

	static String of(HeadingIdMigration.Rewrite rewrite) {
		String[] lines = rewrite.before().split("\r?\n", -1);
		int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
		String name = rewrite.path().toString().replace('\\', '/');
		StringBuilder out = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
		List<HeadingIdFix> fixes = new ArrayList<>(rewrite.fixes());
		fixes.sort((a, b) -> Integer.compare(a.line(), b.line()));
		int i = 0;
		while (i < fixes.size()) {
			int from = Math.max(1, fixes.get(i).line() - CONTEXT);
			int j = i;
			while (j + 1 < fixes.size() && fixes.get(j + 1).line() - fixes.get(j).line() <= 2 * CONTEXT) {
				j++;
			}
			int to = Math.min(count, fixes.get(j).line() + CONTEXT);
			out.append("@@ -").append(from).append(',').append(to - from + 1).append(" +").append(from).append(',')
				.append(to - from + 1).append(" @@\n");
			int next = i;
			for (int line = from; line <= to; line++) {
				if (next <= j && fixes.get(next).line() == line) {
					out.append('-').append(fixes.get(next).before()).append('\n');
					out.append('+').append(fixes.get(next).after()).append('\n');
					next++;
				}
				else {
					out.append(' ').append(lines[line - 1]).append('\n');
				}
			}
			i = j + 1;
		}
		return out.toString();
	}
}
