package dev.switchboard.lint;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document as a JSON tree plus the source line of every node, addressed by JSON pointer.
 *
 * <p>Schema validators and data binders speak JSON pointers ({@code /services/2/team}); authors
 * need {@code ownership.yaml:41}. SnakeYAML's composer keeps the marks, so the document is
 * composed (never constructed: no tags are instantiated, which also keeps untrusted YAML inert)
 * and converted here once. Dates and other non-JSON scalars stay strings, exactly as written.
 */
public final class YamlTree {

	private static final int MAX_DEPTH = 64;

	/**
	 * Nodes after aliases are expanded: far beyond any hand-written file, and a stop for "billion
	 * laughs" documents, where a few dozen aliases within SnakeYAML's limit expand exponentially.
	 */
	private static final int MAX_NODES = 200_000;

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final JsonNode root;

	private final Map<String, Integer> lines;

	private final Map<String, Integer> keyLines;

	private YamlTree(JsonNode root, Map<String, Integer> lines, Map<String, Integer> keyLines) {
		this.root = root;
		this.lines = lines;
		this.keyLines = keyLines;
	}

	/**
	 * Parses {@code text}; syntax errors and duplicate keys go to {@code sink}.
	 * @param firstLine the file line of the text's first line (front matter starts below {@code ---})
	 * @return the tree, or {@code null} when the text is not YAML at all
	 */
	public static YamlTree parse(String text, int firstLine, FindingSink sink) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setCodePointLimit(5 * 1024 * 1024);
		options.setNestingDepthLimit(MAX_DEPTH);
		Node node;
		try {
			// What Yaml#compose does, without building a Yaml: its constructor and representer (never
			// used to compose) cost more than composing a front matter.
			node = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
				.getSingleNode();
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark();
			String problem = firstLineOf(ex.getProblem());
			if (ex.getContextMark() != null
					&& (mark == null || mark.getIndex() >= text.codePointCount(0, text.length()))) {
				// "unexpected end of stream": point at the quote or bracket left open, not past the end
				mark = ex.getContextMark();
				problem = ex.getContext() + ", " + problem;
			}
			int line = mark == null ? firstLine : new Lines(text, firstLine).of(mark);
			sink.error(line, "yaml-syntax", "not valid YAML: " + problem);
			return null;
		}
		catch (YAMLException ex) {
			sink.error(firstLine, "yaml-syntax", "not valid YAML: " + firstLineOf(ex.getMessage()));
			return null;
		}
		if (node == null) {
			return new YamlTree(JSON.nullNode(), Map.of("", firstLine), Map.of());
		}
		Converter converter = new Converter(new Lines(text, firstLine), sink);
		JsonNode root;
		try {
			root = converter.convert(node, "", 0);
		}
		catch (TooLarge ex) {
			sink.error(ex.line, "yaml-syntax", "YAML expands to more than " + MAX_NODES + " values: are aliases (*name) repeating each other?");
			return null;
		}
		return new YamlTree(root, converter.lines, converter.keyLines);
	}

	private static String firstLineOf(String message) {
		if (message == null) {
			return "unreadable";
		}
		int nl = message.indexOf('\n');
		return nl < 0 ? message : message.substring(0, nl);
	}

	public JsonNode root() {
		return root;
	}

	/** The line of the node at {@code pointer}, falling back to its nearest ancestor. */
	public int lineOf(String pointer) {
		String p = pointer;
		while (true) {
			Integer line = lines.get(p);
			if (line != null) {
				return line;
			}
			if (p.isEmpty()) {
				return 1;
			}
			p = p.substring(0, p.lastIndexOf('/'));
		}
	}

	/** The line of the key of a mapping entry (where an unknown key is written), else {@link #lineOf}. */
	public int keyLineOf(String pointer) {
		Integer line = keyLines.get(pointer);
		return line != null ? line : lineOf(pointer);
	}

	/** Escapes one pointer segment (RFC 6901). */
	public static String segment(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

	/** Thrown inside the converter only, to abandon a document that expands without bound. */
	private static final class TooLarge extends RuntimeException {

		private final int line;

		TooLarge(int line) {
			super(null, null, false, false);
			this.line = line;
		}

	}

	/**
	 * File lines of SnakeYAML marks. SnakeYAML also breaks lines at U+0085, U+2028, U+2029 and a lone
	 * CR (text pasted from word processors has them); authors' files and the rest of lint count LF,
	 * so lines are counted from the mark's position, never taken from {@link Mark#getLine()}.
	 */
	private static final class Lines {

		private final int firstLine;

		/** Code point index of each LF of the text. */
		private final int[] breaks;

		Lines(String text, int firstLine) {
			this.firstLine = firstLine;
			int[] found = new int[16];
			int count = 0;
			int index = 0;
			for (int offset = 0; offset < text.length(); index++) {
				int c = text.codePointAt(offset);
				if (c == '\n') {
					if (count == found.length) {
						found = Arrays.copyOf(found, count * 2);
					}
					found[count++] = index;
				}
				offset += Character.charCount(c);
			}
			this.breaks = Arrays.copyOf(found, count);
		}

		int of(Mark mark) {
			int i = Arrays.binarySearch(breaks, mark.getIndex());
			return firstLine + (i >= 0 ? i : -i - 1);
		}

	}

	private static final class Converter {

		private final Lines fileLines;

		private final FindingSink sink;

		private final Map<String, Integer> lines = new HashMap<>();

		private final Map<String, Integer> keyLines = new HashMap<>();

		private final Set<Node> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

		private int nodes;

		Converter(Lines fileLines, FindingSink sink) {
			this.fileLines = fileLines;
			this.sink = sink;
		}

		JsonNode convert(Node node, String pointer, int depth) {
			int line = fileLines.of(node.getStartMark());
			if (++nodes > MAX_NODES) {
				throw new TooLarge(line);
			}
			lines.put(pointer, line);
			if (depth > MAX_DEPTH || !onPath.add(node)) {
				sink.error(line, "yaml-syntax", "YAML nests too deeply or refers to itself through an alias");
				return JSON.nullNode();
			}
			try {
				if (node instanceof MappingNode mapping) {
					return mapping(mapping, pointer, depth);
				}
				if (node instanceof SequenceNode sequence) {
					ArrayNode array = JSON.arrayNode();
					int i = 0;
					for (Node item : sequence.getValue()) {
						array.add(convert(item, pointer + "/" + i++, depth + 1));
					}
					return array;
				}
				return scalar((ScalarNode) node);
			}
			finally {
				onPath.remove(node);
			}
		}

		private JsonNode mapping(MappingNode mapping, String pointer, int depth) {
			ObjectNode object = JSON.objectNode();
			Set<String> seen = new HashSet<>();
			for (NodeTuple tuple : mapping.getValue()) {
				Node keyNode = tuple.getKeyNode();
				int keyLine = fileLines.of(keyNode.getStartMark());
				if (!(keyNode instanceof ScalarNode scalarKey)) {
					sink.error(keyLine, "yaml-syntax", "keys must be plain words, not lists or maps");
					continue;
				}
				String key = scalarKey.getValue();
				if (!seen.add(key)) {
					sink.error(keyLine, "duplicate-key", "key '" + key + "' appears twice in the same map");
					continue;
				}
				String child = pointer + "/" + segment(key);
				keyLines.put(child, keyLine);
				object.set(key, convert(tuple.getValueNode(), child, depth + 1));
			}
			return object;
		}

		private JsonNode scalar(ScalarNode scalar) {
			String value = scalar.getValue();
			Tag tag = scalar.getTag();
			if (Tag.NULL.equals(tag)) {
				return JSON.nullNode();
			}
			if (Tag.BOOL.equals(tag)) {
				return JSON.booleanNode(switch (value.toLowerCase(java.util.Locale.ROOT)) {
					case "true", "yes", "on", "y" -> true;
					default -> false;
				});
			}
			if (Tag.INT.equals(tag)) {
				try {
					return JSON.numberNode(new BigInteger(value.replace("_", "")));
				}
				catch (NumberFormatException ex) {
					return JSON.stringNode(value);
				}
			}
			if (Tag.FLOAT.equals(tag)) {
				try {
					return JSON.numberNode(Double.parseDouble(value.replace("_", "")));
				}
				catch (NumberFormatException ex) {
					return JSON.stringNode(value);
				}
			}
			return JSON.stringNode(value);
		}

	}

}
