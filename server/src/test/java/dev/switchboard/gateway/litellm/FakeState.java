package dev.switchboard.gateway.litellm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake proxy's database holds (immutable: every write makes a new one, so replicas can
 * keep serving an older one). JSON parts are deep-copied in and out.
 */
record FakeState(List<Row> rows, ObjectNode routerSettings) {

	FakeState {
		rows = List.copyOf(rows);
		routerSettings = routerSettings.deepCopy();
	}

	static FakeState empty() {
		return new FakeState(List.of(), JsonNodeFactory.instance.objectNode());
	}

	/** One deployment. {@code dbModel} false = from config.yaml (not editable by API). */
	record Row(String id, String group, ObjectNode params, boolean dbModel, boolean blocked) {

		Row {
			params = params.deepCopy();
		}

		Row withParams(ObjectNode next) {
			return new Row(id, group, next, dbModel, blocked);
		}

		Row withBlocked(boolean next) {
			return new Row(id, group, params, dbModel, next);
		}

		Row withGroup(String next) {
			return new Row(id, group == null ? null : next, params, dbModel, blocked);
		}

		String apiBase() {
			return params.path("api_base").asString(null);
		}
	}

	Optional<Row> row(String id) {
		return rows.stream().filter(row -> row.id().equals(id)).findFirst();
	}

	List<Row> group(String group) {
		return rows.stream().filter(row -> row.group().equals(group)).toList();
	}

	FakeState withRow(Row row) {
		List<Row> next = new ArrayList<>();
		boolean replaced = false;
		for (Row existing : rows) {
			boolean same = existing.id().equals(row.id());
			next.add(same ? row : existing);
			replaced |= same;
		}
		if (!replaced) {
			next.add(row);
		}
		return new FakeState(next, routerSettings);
	}

	FakeState without(String id) {
		return new FakeState(rows.stream().filter(row -> !row.id().equals(id)).toList(), routerSettings);
	}

	FakeState withRouterSettings(UnaryOperator<ObjectNode> change) {
		return new FakeState(rows, change.apply(routerSettings.deepCopy()));
	}
}
