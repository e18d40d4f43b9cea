package dev.switchboard.incident.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of timeline details and chat message ids as stored in TEXT columns (portable across H2 and PostgreSQL). */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private Json() {
	}

	static String write(Map<String, ?> value) {
		return MAPPER.writeValueAsString(value == null ? Map.of() : value);
	}

	static Map<String, Object> read(String text) {
		return text == null || text.isBlank() ? Map.of() : MAPPER.readValue(text, MAP);
	}
}
