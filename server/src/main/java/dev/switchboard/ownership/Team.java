package dev.switchboard.ownership;

import java.util.List;

public record Team(String id, String name, List<String> members, String channel) {

	public Team {
		members = members == null ? List.of() : List.copyOf(members);
	}
}
