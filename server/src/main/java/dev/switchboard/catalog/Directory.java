package dev.switchboard.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.switchboard.lint.NearestNames;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;
import dev.switchboard.ownership.Vendor;

/**
 * "Who do I call?": a service, role, team, rotation or person resolved to the people on call
 * now, with their contacts; and vendor facts. Shared by every chat and the REST API.
 */
@Service
public class Directory {

	private final CatalogRegistry catalogs;

	private final Clock clock;

	public Directory(CatalogRegistry catalogs, Clock clock) {
		this.catalogs = catalogs;
		this.clock = clock;
	}

	/** One group of people with why they are listed ("on call for ai-platform-primary until …"). */
	public record Group(String label, List<Person> people) {
	}

	/** The answer to {@code who <name>}. */
	public record Who(String name, String kind, List<Group> groups, List<String> suggestions) {

		public boolean found() {
			return kind != null;
		}
	}

	public Who who(String name) {
		Ownership o = catalogs.current().ownership();
		String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
		var now = clock.instant();
		if (o.service(n).isPresent()) {
			var owners = o.ownersOf(n, now).orElseThrow();
			List<Group> groups = new ArrayList<>();
			if (owners.service().onCall() != null) {
				groups.add(new Group("on call now (" + owners.service().onCall() + ")", owners.onCallNow()));
			}
			groups.add(new Group("owning team " + owners.service().team(), owners.teamMembers()));
			groups.add(new Group("may authorize a route change", o.routeChangeAuthorities(n)));
			return new Who(n, "service", groups, List.of());
		}
		var kind = o.kindOf(n);
		if (kind.isPresent()) {
			String label = switch (kind.get()) {
				case PERSON -> "person";
				case TEAM -> "members of team " + n;
				case ROLE -> "holding role " + n + " now";
				case ROTATION -> "on call now in rotation " + n;
			};
			return new Who(n, kind.get().name().toLowerCase(java.util.Locale.ROOT),
					List.of(new Group(label, o.peopleNow(n, now))), List.of());
		}
		List<String> names = new ArrayList<>(o.principalIds());
		o.services().forEach(s -> names.add(s.id()));
		return new Who(n, null, List.of(), NearestNames.nearest(n, names, 3));
	}

	public Optional<Vendor> vendor(String id) {
		return catalogs.current().ownership().vendor(id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT));
	}

	public List<String> vendorSuggestions(String id) {
		return NearestNames.nearest(id == null ? "" : id,
				catalogs.current().ownership().vendors().stream().map(Vendor::id).toList(), 3);
	}
}
