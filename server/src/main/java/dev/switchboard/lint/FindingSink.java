package dev.switchboard.lint;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one file while it is checked; not thread-safe, one per file. */
public final class FindingSink {

	private final String file;

	private final List<Finding> findings = new ArrayList<>();

	public FindingSink(String file) {
		this.file = file;
	}

	public String file() {
		return file;
	}

	public void error(int line, String rule, String message) {
		findings.add(Finding.error(file, line, rule, message));
	}

	public void warning(int line, String rule, String message) {
		findings.add(Finding.warning(file, line, rule, message));
	}

	public void add(Finding finding) {
		findings.add(finding);
	}

	/** Whether an error was already reported on {@code line}, so a second pass need not say it again. */
	public boolean hasErrorAt(int line) {
		return findings.stream().anyMatch(f -> f.isError() && f.line() == line);
	}

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}

	public List<Finding> findings() {
		return List.copyOf(findings);
	}
}
