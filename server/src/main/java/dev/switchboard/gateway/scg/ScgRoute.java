package dev.switchboard.gateway.scg;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.Fingerprint;
import dev.switchboard.gateway.Redaction;
import dev.switchboard.gateway.RouteState;

/**
 * A route as read from the gateway: its written definition ({@code /routedefinitions}) and the
 * uri it serves now ({@code /routes/{id}}, which changes only on refresh). The selected target
 * and the disabled ones travel in the definition's metadata, which the gateway keeps as written.
 *
 * @param name the public route name
 * @param definition the definition as the gateway holds it (unredacted: stays in the adapter)
 * @param selected the target the route is set to (kept while it is disabled), or null
 * @param disabled targets taken out of service
 * @param liveUri what the gateway serves now; null when it serves no route by that id
 */
record ScgRoute(String name, ScgProperties.Route config, ObjectNode definition, String selected,
		SortedSet<String> disabled, String liveUri, String disabledUri) {

	static final String TARGET_KEY = "switchboard-target";

	static final String DISABLED_KEY = "switchboard-disabled";

	static ScgRoute of(String name, ScgProperties.Route config, ObjectNode definition, String liveUri, String disabledUri) {
		JsonNode metadata = definition.path("metadata");
		SortedSet<String> disabled = new TreeSet<>();
		Arrays.stream(metadata.path(DISABLED_KEY).asString("").split(","))
			.map(String::trim)
			.map(ask -> config.target(ask).map(ScgProperties.Target::name).orElse(null))
			.filter(Objects::nonNull)
			.forEach(disabled::add);
		String uri = definition.path("uri").asString(null);
		String selected = byUri(config, uri);
		if (selected == null && same(uri, disabledUri)) {
			selected = config.target(metadata.path(TARGET_KEY).asString("")).map(ScgProperties.Target::name).orElse(null);
		}
		return new ScgRoute(name, config, definition, selected, disabled, liveUri, disabledUri);
	}

	String uri() {
		return definition.path("uri").asString(null);
	}

	/** The target whose upstream the written definition points at (it serves once refreshed). */
	String active() {
		return byUri(config, uri());
	}

	/** Whether the definition is already written as {@code selected} with {@code disabled}. */
	boolean writtenAs(String selected, SortedSet<String> disabled) {
		return Objects.equals(this.selected, selected) && this.disabled.equals(disabled)
				&& same(uri(), uriFor(selected, disabled));
	}

	/** Whether the gateway serves what is written (refreshed since the last write). */
	boolean live() {
		return same(liveUri, uri());
	}

	/** The definition rewritten to {@code selected} and {@code disabled}; everything else as it is. */
	ObjectNode rewritten(String selected, SortedSet<String> disabled) {
		ObjectNode copy = definition.deepCopy();
		copy.put("uri", uriFor(selected, disabled));
		JsonNode metadata = copy.path("metadata");
		ObjectNode edited = metadata.isObject() ? (ObjectNode) metadata : copy.putObject("metadata");
		if (selected != null) {
			edited.put(TARGET_KEY, selected);
		}
		if (disabled.isEmpty()) {
			edited.remove(DISABLED_KEY);
		}
		else {
			edited.put(DISABLED_KEY, String.join(",", disabled));
		}
		copy.set("metadata", edited);
		return copy;
	}

	private String uriFor(String selected, SortedSet<String> disabled) {
		if (selected == null) {
			return uri();
		}
		return disabled.contains(selected) ? disabledUri
				: config.target(selected).map(target -> target.uri().toString()).orElse(uri());
	}

	RouteState state() {
		List<RouteState.Target> targets = config.targets()
			.stream()
			.map(t -> new RouteState.Target(t.name(), t.name(), Redaction.text(t.uri().toString()), !disabled.contains(t.name())))
			.toList();
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("route_id", definition.path("id").asString(config.idOr(name)));
		raw.put("uri", Redaction.text(String.valueOf(uri())));
		raw.put("selected", selected == null ? "" : selected);
		raw.put("disabled", String.join(",", disabled));
		raw.put("live", liveNote());
		String fingerprint = Fingerprint.of("scg", name, normal(uri()), normal(liveUri), selected, raw.get("disabled"),
				definition.path("predicates").toString(), definition.path("filters").toString(),
				definition.path("order").toString());
		return new RouteState(name, active(), targets, fingerprint, raw);
	}

	private String liveNote() {
		if (live()) {
			return same(uri(), disabledUri) ? "refused (route disabled)" : "serving " + describe(uri());
		}
		return liveUri == null ? "not served: written, the gateway has not refreshed since"
				: "written " + describe(uri()) + ", but the gateway still serves " + describe(liveUri)
						+ " (not refreshed)";
	}

	private String describe(String uri) {
		String target = byUri(config, uri);
		return target != null ? target : same(uri, disabledUri) ? "nothing (route disabled)" : Redaction.text(uri);
	}

	static String targetsOf(ScgProperties.Route config) {
		return config.targets().stream().map(ScgProperties.Target::name).collect(Collectors.joining(", "));
	}

	private static String byUri(ScgProperties.Route config, String uri) {
		return config.targets().stream().filter(t -> same(t.uri().toString(), uri)).map(ScgProperties.Target::name)
			.findFirst().orElse(null);
	}

	/** URIs as the gateway may echo them: trailing slashes and case of scheme and host do not matter. */
	static boolean same(String a, String b) {
		return a != null && b != null && normal(a).equals(normal(b));
	}

	private static String normal(String uri) {
		if (uri == null) {
			return "";
		}
		try {
			URI parsed = URI.create(uri.trim()).normalize();
			String text = parsed.getScheme() == null ? parsed.toString()
					: parsed.getScheme().toLowerCase(Locale.ROOT) + ":" + parsed.getRawSchemeSpecificPart();
			return text.replaceAll("/+$", "");
		}
		catch (IllegalArgumentException ex) {
			return uri.trim();
		}
	}
}
