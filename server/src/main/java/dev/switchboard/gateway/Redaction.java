package dev.switchboard.gateway;

import java.util.regex.Pattern;

/**
 * Removes secrets from gateway text before it reaches logs, the timeline or chat: API keys
 * ({@code sk-…}, bearer tokens, {@code api_key} fields), credentials in URLs ({@code user:pass@})
 * and in query strings ({@code ?key=…}, as LiteLLM's {@code api_base} may carry).
 */
public final class Redaction {

	private static final String HIDDEN = "[redacted]";

	private static final Pattern KEY_FIELD = Pattern.compile(
			"(?i)(\"?(?:api[_-]?key|master[_-]?key|secret|password|token|authorization)\"?\\s*[:=]\\s*\"?)([^\"\\s,}&]+)");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

	private static final Pattern SK = Pattern.compile("\\bsk-[A-Za-z0-9_-]{6,}");

	private static final Pattern URL_USERINFO = Pattern.compile("(?i)(https?://)[^/@\\s]+@");

	private static final Pattern QUERY_SECRET = Pattern.compile(
			"(?i)([?&](?:key|api[_-]?key|token|sig|signature|access_token|code|secret)=)[^&\\s\"]+");

	private Redaction() {
	}

	public static String text(String value) {
		if (value == null) {
			return null;
		}
		String out = URL_USERINFO.matcher(value).replaceAll("$1" + HIDDEN + "@");
		out = QUERY_SECRET.matcher(out).replaceAll("$1" + HIDDEN);
		out = BEARER.matcher(out).replaceAll("$1" + HIDDEN);
		out = KEY_FIELD.matcher(out).replaceAll("$1" + HIDDEN);
		return SK.matcher(out).replaceAll(HIDDEN);
	}
}
