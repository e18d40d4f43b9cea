package dev.switchboard.incident;

import java.nio.file.Path;

/** H2 URLs as the application uses them: PostgreSQL mode, lower-case names, nulls last. */
public final class H2 {

	private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	private H2() {
	}

	/** A named in-memory database that lives as long as the JVM. */
	static String memory(String name) {
		return "jdbc:h2:mem:" + name + MODE + ";DB_CLOSE_DELAY=-1";
	}

	/** A file database, as the embedded default stores incidents under {@code ./data}. */
	static String file(Path file) {
		return "jdbc:h2:file:" + file.toAbsolutePath() + MODE;
	}
}
