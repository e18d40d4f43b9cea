package dev.switchboard.runbook;

/**
 * A {@code {{vendor.openai.status_page}}} reference pulling an ownership fact into the text. Double
 * braces that do not read as {@code kind.id.field} (e.g. {@code {{vendor.openai}}}) are kept as a
 * {@link #MALFORMED} reference whose {@code id} is the text between the braces, so lint reports them
 * instead of chat showing them as they are.
 */
public record RegistryRef(String kind, String id, String field, int line) {

	public static final String MALFORMED = "malformed";

	static RegistryRef malformed(String inside, int line) {
		return new RegistryRef(MALFORMED, inside.strip(), "", line);
	}

	public boolean malformed() {
		return MALFORMED.equals(kind) && field.isEmpty();
	}

	public String text() {
		return malformed() ? "{{" + id + "}}" : "{{" + kind + "." + id + "." + field + "}}";
	}
}
