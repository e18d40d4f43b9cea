package dev.switchboard.paging;

import java.util.List;

import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;

/** Whom a page is for: a principal of ownership.yaml at the moment of the page, and the incident's service. */
public record PageTarget(String principal, List<Person> people, String service, Ownership ownership) {

	public PageTarget {
		people = List.copyOf(people);
	}
}
