package dev.switchboard.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Validates a {@link YamlTree} against one of the JSON Schemas published in {@code schema/}
 * (the same files authors' editors use), reporting each violation at the line of the offending
 * key or value.
 */
public final class SchemaCheck {

	private final String name;

	/** The schema's text and its quick check, read on first use (see {@link #quick()}). */
	private volatile Loaded loaded;

	/** The full validator, built on first need: most runs never need it (see {@link SchemaQuickCheck}). */
	private volatile Schema schema;

	private record Loaded(String text, SchemaQuickCheck quick) {
	}

	private SchemaCheck(String name) {
		this.name = name;
	}

	/**
	 * {@code switchboard/schema/<name>} from the classpath, read on first use: the checks are static
	 * fields of the loaders, and reading them lazily lets a fresh JVM read the ownership schema on one
	 * thread while another starts parsing runbooks. Thread-safe.
	 */
	public static SchemaCheck load(String name) {
		return new SchemaCheck("switchboard/schema/" + name);
	}

	private Loaded loaded() {
		Loaded l = loaded;
		if (l == null) {
			synchronized (this) {
				l = loaded;
				if (l == null) {
					l = read(name);
					loaded = l;
				}
			}
		}
		return l;
	}

	private static Loaded read(String resource) {
		try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("schema " + resource + " is not on the classpath");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// JSON is YAML: reading the schema with SnakeYAML (already loaded for the documents) keeps
			// Jackson's ObjectMapper out of a clean run. A test checks both readings agree.
			FindingSink problems = new FindingSink(resource);
			YamlTree tree = YamlTree.parse(text, 1, problems);
			if (tree == null || !problems.findings().isEmpty()) {
				throw new IllegalStateException("schema " + resource + " is not readable: " + problems.findings());
			}
			return new Loaded(text, new SchemaQuickCheck(tree.root()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Schema schema() {
		Schema s = schema;
		if (s == null) {
			synchronized (this) {
				s = schema;
				if (s == null) {
					SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
					try {
						s = registry.getSchema(loaded().text());
					}
					catch (RuntimeException ex) {
						throw new IllegalStateException("schema " + name + " is not valid: " + ex.getMessage(), ex);
					}
					schema = s;
				}
			}
		}
		return s;
	}

	public void check(YamlTree tree, FindingSink sink) {
		if (loaded().quick().check(tree.root()) == SchemaQuickCheck.Result.VALID) {
			return;
		}
		List<Error> errors = schema().validate(tree.root());
		for (Error error : errors) {
			String pointer = pointer(error.getInstanceLocation());
			String where = pointer.isEmpty() ? "" : readable(error.getInstanceLocation()) + ": ";
			String keyword = error.getKeyword() == null ? "" : error.getKeyword();
			switch (keyword) {
				case "additionalProperties" -> {
					String child = pointer + "/" + YamlTree.segment(error.getProperty());
					sink.error(tree.keyLineOf(child), "unknown-key", where + "unknown key '" + error.getProperty() + "'");
				}
				case "required" -> sink.error(tree.lineOf(pointer), "missing-field",
						where + "missing required field '" + error.getProperty() + "'");
				default -> sink.error(tree.lineOf(pointer), "invalid-value", where + stripLocation(error.getMessage()));
			}
		}
	}

	/** JSON pointer of a node path: {@code /services/2/team}. */
	static String pointer(NodePath path) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			out.append('/').append(YamlTree.segment(String.valueOf(path.getElement(i))));
		}
		return out.toString();
	}

	/** The location as an author reads it: {@code services[2].team}. */
	static String readable(NodePath path) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			Object element = path.getElement(i);
			if (element instanceof Integer index) {
				out.append('[').append(index).append(']');
			}
			else {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(element);
			}
		}
		return out.toString();
	}

	/** networknt prefixes messages with the instance location; we print our own. */
	private static String stripLocation(String message) {
		if (message != null && message.startsWith("$") || message != null && message.startsWith("/")) {
			int colon = message.indexOf(": ");
			if (colon > 0) {
				return message.substring(colon + 2);
			}
		}
		return message == null ? "invalid value" : message;
	}
}
