package dev.switchboard.ownership;

import java.util.List;

/** An incident role, held through exactly one of a rotation, a team or a list of people. */
public record Role(String id, String description, String rotation, String team, List<String> people) {

	public Role {
		people = people == null ? List.of() : List.copyOf(people);
	}
}
