package dev.switchboard.gateway;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The bodies a gateway's admin API answers, read leniently: an empty or non-JSON body (an HTML
 * error page from a proxy in front) is a {@link MissingNode}, so the caller reports the status and
 * the text instead of a parse error. One reading for every adapter.
 */
public final class JsonBodies {

	private JsonBodies() {
	}

	public static JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JsonMapper.shared().readTree(text);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}
}
