package dev.switchboard.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every finding of a lint run, sorted and stable, with the counts that make the summary line. */
public record LintReport(List<Finding> findings, int filesChecked) {

	public LintReport {
		List<Finding> sorted = new ArrayList<>(findings);
		sorted.sort(null);
		findings = List.copyOf(sorted);
	}

	public static LintReport of(Collection<Finding> findings, int filesChecked) {
		return new LintReport(List.copyOf(findings), filesChecked);
	}

	public long errors() {
		return findings.stream().filter(Finding::isError).count();
	}

	public long warnings() {
		return findings.size() - errors();
	}

	public boolean passed() {
		return errors() == 0;
	}

	public String summary() {
		return filesChecked + (filesChecked == 1 ? " file" : " files") + " checked: " + errors()
				+ (errors() == 1 ? " error, " : " errors, ") + warnings() + (warnings() == 1 ? " warning" : " warnings");
	}
}
