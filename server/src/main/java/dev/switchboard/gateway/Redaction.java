package dev.switchboard.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets from gateway text before it reaches logs, the timeline or chat: api keys, bearer
 * tokens, and credentials in URLs (user info, query strings: LiteLLM's {@code /model/info} returns
 * {@code api_base} as stored, so an Azure {@code ?sig=…} or {@code ?key=…} would leak).
 * {@code os.environ/NAME} references are names, not secrets, and stay visible.
 *
 * <p>Policy: every query value of a URL is masked, not only those with secret-looking names. A
 * signed URL's parameters have provider-specific names, and nobody deciding on a route flip needs
 * them; the scheme, host and path, which they do need, stay visible. One class for every adapter,
 * so the sandbox, LiteLLM and Spring Cloud Gateway paths cannot disagree on what is a secret.
 */
public final class Redaction {

	public static final String MASK = "***";

	private static final List<String> SECRET_NAME_PARTS = List.of("key", "secret", "password", "token", "credential",
			"authorization", "signature");

	private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");

	private static final Pattern SK_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{3,}");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',]+");

	private static final Pattern ASSIGNMENT = Pattern.compile(
			"(?i)([\"']?[a-z0-9_-]*(?:key|secret|password|token)[\"']?\\s*[:=]\\s*[\"']?)(?!os\\.environ/)([^\\s\"',&}]+)");

	private Redaction() {
	}

	/** A URL without user info and without query values; null stays null. */
	public static String url(String url) {
		if (url == null) {
			return null;
		}
		String out = url;
		int scheme = out.indexOf("://");
		int authorityStart = scheme < 0 ? 0 : scheme + 3;
		int at = out.indexOf('@', authorityStart);
		int slash = out.indexOf('/', authorityStart);
		if (at >= 0 && (slash < 0 || at < slash)) {
			out = out.substring(0, authorityStart) + MASK + out.substring(at);
		}
		int query = out.indexOf('?');
		if (query < 0) {
			return out;
		}
		int fragment = out.indexOf('#', query);
		String params = out.substring(query + 1, fragment < 0 ? out.length() : fragment);
		StringBuilder masked = new StringBuilder(out.substring(0, query + 1));
		String[] pairs = params.split("&", -1);
		for (int i = 0; i < pairs.length; i++) {
			int eq = pairs[i].indexOf('=');
			masked.append(i == 0 ? "" : "&").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1) + MASK);
		}
		return masked.toString();
	}

	/** Free text (error messages, headers): URLs, {@code sk-} keys, bearer tokens, {@code key=value} pairs. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		Matcher urls = URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (urls.find()) {
			urls.appendReplacement(out, Matcher.quoteReplacement(url(urls.group())));
		}
		urls.appendTail(out);
		String result = SK_KEY.matcher(out).replaceAll("sk-" + MASK);
		result = BEARER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
		return ASSIGNMENT.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
	}

	/** A redacted deep copy: secret-named fields masked, every other string through {@link #text}. */
	public static JsonNode json(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				JsonNode value = field.getValue();
				boolean secret = isSecretName(field.getKey()) && value.isString()
						&& !value.asString().startsWith("os.environ/");
				copy.set(field.getKey(), secret ? JsonNodeFactory.instance.stringNode(MASK) : json(value));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.values().forEach(value -> copy.add(json(value)));
			return copy;
		}
		return node.isString() ? JsonNodeFactory.instance.stringNode(text(node.asString())) : node;
	}

	public static boolean isSecretName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
	}
}
