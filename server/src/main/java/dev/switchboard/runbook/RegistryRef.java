package dev.switchboard.runbook;

/** A {@code {{vendor.openai.status_page}}} reference pulling an ownership fact into the text. */
public record RegistryRef(String kind, String id, String field, int line) {

	public String text() {
		return "{{" + kind + "." + id + "." + field + "}}";
	}
}
