package dev.switchboard.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;

/**
 * Reads one scenario file: YAML with line numbers, the published JSON Schema, then what a schema
 * cannot say (times that parse, are not negative and come in order). Problems go to the sink at
 * their line; the scenario is returned whenever its shape allows it, so later rules still run.
 */
public final class ScenarioParser {

	private static final SchemaCheck SCHEMA = SchemaCheck.load("drill-scenario.schema.json");

	/** The scenario (null when unreadable or the schema failed) and the tree, for line numbers. */
	public record Parsed(Scenario scenario, YamlTree tree) {
	}

	public Parsed parse(String display, String text, FindingSink sink) {
		YamlTree tree = YamlTree.parse(text, 1, sink);
		if (tree == null) {
			return new Parsed(null, null);
		}
		if (!tree.root().isObject()) {
			sink.error(1, "invalid-value", "a scenario is a mapping (id, title, runbook, shape, ...)");
			return new Parsed(null, tree);
		}
		boolean before = sink.hasErrors();
		SCHEMA.check(tree, sink);
		if (sink.hasErrors() && !before) {
			return new Parsed(null, tree);
		}
		JsonNode root = tree.root();
		List<ExpectedChoice> path = new ArrayList<>();
		JsonNode expected = root.path("expected_path");
		for (int i = 0; i < expected.size(); i++) {
			path.add(new ExpectedChoice(expected.get(i).path("step").asString(), expected.get(i).path("choice").asString(),
					tree.lineOf("/expected_path/" + i)));
		}
		List<InjectedEvent> events = events(root.path("events"), tree, sink);
		Map<String, String> facts = new LinkedHashMap<>();
		root.path("facts").properties().forEach(e -> facts.put(e.getKey(), e.getValue().asString()));
		Scenario scenario = new Scenario(root.path("id").asString(), root.path("title").asString(),
				root.path("runbook").asString(), FailureShape.fromWire(root.path("shape").asString()),
				root.path("service").asString(), text(root, "severity"), text(root, "briefing"), path, events, facts,
				display, text);
		return new Parsed(scenario, tree);
	}

	private static List<InjectedEvent> events(JsonNode list, YamlTree tree, FindingSink sink) {
		List<InjectedEvent> events = new ArrayList<>();
		Duration previous = null;
		for (int i = 0; i < list.size(); i++) {
			JsonNode event = list.get(i);
			String pointer = "/events/" + i + "/at";
			String raw = event.path("at").isNumber() ? String.valueOf(event.path("at").asLong()) : event.path("at").asString();
			Optional<Duration> at = DrillTime.parse(raw);
			if (at.isEmpty()) {
				String why = raw.strip().startsWith("-") || raw.replace(" ", "").toUpperCase().startsWith("T-")
						? "negative time '" + raw + "': events happen after the drill starts"
						: "malformed time '" + raw + "': write T+2m, 2m, 1m30s or seconds (120)";
				sink.error(tree.lineOf(pointer), "invalid-time", why);
				continue;
			}
			if (previous != null && at.get().compareTo(previous) < 0) {
				sink.error(tree.lineOf(pointer), "events-out-of-order", "event at " + DrillTime.format(at.get())
						+ " comes after one at " + DrillTime.format(previous) + ": list events in time order");
			}
			previous = previous == null || at.get().compareTo(previous) > 0 ? at.get() : previous;
			List<SandboxEffect> effects = new ArrayList<>();
			JsonNode sandbox = event.path("sandbox");
			for (int j = 0; j < sandbox.size(); j++) {
				JsonNode e = sandbox.get(j);
				effects.add(new SandboxEffect(e.path("target").asString(), e.path("behaviour").asString(),
						e.has("rate") ? e.path("rate").asInt() : null));
			}
			events.add(new InjectedEvent(at.get(), event.path("message").asString(), effects, tree.lineOf("/events/" + i)));
		}
		return events;
	}

	private static String text(JsonNode root, String field) {
		return root.hasNonNull(field) ? root.path(field).asString() : null;
	}
}
