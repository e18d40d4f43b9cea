package dev.switchboard.gateway.sandbox;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Behaviour#DRIFT drifting} upstream makes of a known-good answer: still a plausible answer of
 * the same shape, wrong in the ways format drift is (a field missing, a label changed, a reply gone generic).
 */
final class SandboxDrift {

	private SandboxDrift() {
	}

	static String of(String reference) {
		String text = reference.strip();
		if (text.startsWith("{")) {
			try {
				JsonNode node = SandboxHttp.JSON.readTree(text);
				if (node instanceof ObjectNode object && !object.isEmpty()) {
					Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
					fields.next();
					fields.remove(); // the first field goes missing
					object.properties().forEach(e -> {
						if (e.getValue().isString()) {
							e.setValue(object.stringNode(e.getValue().asString().toUpperCase(java.util.Locale.ROOT) + "_V2"));
						}
					});
					return SandboxHttp.JSON.writeValueAsString(object);
				}
			}
			catch (RuntimeException ex) {
				// not JSON after all: drift it as text
			}
		}
		if (!text.contains(" ")) {
			return "other";
		}
		return "Thank you for contacting us. We have received your message and will get back to you soon.";
	}
}
