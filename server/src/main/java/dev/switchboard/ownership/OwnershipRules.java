package dev.switchboard.ownership;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of ownership.yaml a JSON Schema cannot express: unique ids, references that resolve,
 * service targets known to a vendor, and authority that exists for every service.
 */
final class OwnershipRules {

	private static final List<String> PRINCIPAL_SECTIONS = List.of("people", "teams", "roles", "rotations");

	private final OwnershipDocument doc;

	private final Ownership ownership;

	/**
	 * Rotation ids as written, including rotations whose dates, times or zone could not be read:
	 * those are reported at their own line and are not also dangling wherever they are named.
	 */
	private final Set<String> declaredRotations = new HashSet<>();

	OwnershipRules(OwnershipDocument doc, Ownership ownership) {
		this.doc = doc;
		this.ownership = ownership;
		eachItem("/rotations", r -> {
			String id = doc.text(r + "/id");
			if (id != null) {
				declaredRotations.add(id);
			}
		});
	}

	void check() {
		uniqueIds();
		references();
		services();
		authority();
		paging();
	}

	/**
	 * Pages must be able to reach someone: a team, role or service names a PagerDuty key that exists,
	 * and everyone a severity pages has a way to be reached by the pagers that apply to them
	 * (PagerDuty: a PagerDuty user id or an e-mail; Slack: a Slack id; webhook: a phone or an e-mail).
	 */
	private void paging() {
		PagingSettings paging = ownership.paging();
		for (String section : List.of("/teams", "/roles", "/services")) {
			eachItem(section, item -> {
				String key = doc.text(item + "/pagerduty");
				if (key != null && !paging.pagerdutyKeys().containsKey(key)) {
					doc.error(item + "/pagerduty", "unknown-reference", "unknown pagerduty key name '" + key
							+ "': declare it under paging.pagerduty_keys (name: ENVIRONMENT_VARIABLE)"
							+ dev.switchboard.lint.NearestNames.hint(key, paging.pagerdutyKeys().keySet()));
				}
			});
		}
		if (doc.at("/paging").isMissingNode()) {
			return; // which pagers reach people is declared in the paging section; without it nothing to check
		}
		Map<String, List<String>> pagersOfPerson = new java.util.LinkedHashMap<>();
		for (String severity : doc.keys("/escalation")) {
			ownership.escalation(severity).ifPresent(level -> {
				List<String> principals = new java.util.ArrayList<>(level.page());
				principals.addAll(level.escalateTo());
				for (String principal : principals) {
					List<String> pagers = paging.pagersFor(ownership.pagingIds(principal, null));
					ownership.pool(principal).forEach(person -> pagersOfPerson.merge(person.id(), pagers, (a, b) -> {
						List<String> all = new java.util.ArrayList<>(a);
						b.stream().filter(x -> !all.contains(x)).forEach(all::add);
						return all;
					}));
				}
			});
		}
		for (int i = 0; i < doc.size("/people"); i++) {
			String p = "/people/" + i;
			String id = doc.text(p + "/id");
			if (id == null || !pagersOfPerson.containsKey(id)) {
				continue;
			}
			Person person = ownership.person(id).orElse(null);
			List<String> pagers = pagersOfPerson.get(id);
			List<String> candidates = pagers.isEmpty() ? List.of("pagerduty", "slack", "webhook") : pagers;
			if (person != null && candidates.stream().noneMatch(pager -> reaches(pager, person, paging))) {
				doc.error(p + "/id", "unreachable", "person '" + id + "' is paged (escalation) but no pager can reach them via "
						+ candidates + ": add " + String.join(" or ", candidates.stream().map(OwnershipRules::needs).toList()));
			}
		}
	}

	private static boolean reaches(String pager, Person person, PagingSettings paging) {
		return switch (pager) {
			case "pagerduty" -> paging.pagerdutyUsers().containsKey(person.id()) || person.email() != null;
			case "slack" -> person.slack() != null;
			case "webhook" -> person.phone() != null || person.email() != null;
			default -> false;
		};
	}

	private static String needs(String pager) {
		return switch (pager) {
			case "pagerduty" -> "a pagerduty user id or an email";
			case "slack" -> "a slack id";
			case "webhook" -> "a phone or an email";
			default -> pager;
		};
	}

	/** People, teams, roles and rotations share one namespace; services and vendors each have their own. */
	private void uniqueIds() {
		Map<String, String> principals = new HashMap<>();
		for (String section : PRINCIPAL_SECTIONS) {
			unique(section, principals);
		}
		unique("services", new HashMap<>());
		unique("vendors", new HashMap<>());
	}

	private void unique(String section, Map<String, String> seen) {
		for (int i = 0; i < doc.size("/" + section); i++) {
			String p = "/" + section + "/" + i + "/id";
			String id = doc.text(p);
			if (id == null) {
				continue;
			}
			String first = seen.putIfAbsent(id, section + " (line " + doc.line(p) + ")");
			if (first != null) {
				doc.error(p, "duplicate-id", "duplicate id '" + id + "': already used in " + first);
			}
		}
	}

	private void references() {
		eachItem("/teams", t -> people(t + "/members"));
		eachItem("/rotations", r -> {
			people(r + "/members");
			eachItem(r + "/overrides", o -> person(o + "/person"));
		});
		eachItem("/roles", r -> {
			ref(r + "/rotation", "rotation", declaredRotations::contains);
			ref(r + "/team", "team", id -> ownership.team(id).isPresent());
			people(r + "/people");
		});
		eachItem("/permissions/route_change", r -> {
			principals(r + "/who");
			eachText(r + "/services", s -> ref(s, "service", id -> ownership.service(id).isPresent()));
		});
		eachItem("/permissions/model_change", r -> principals(r + "/approvers"));
		for (String severity : doc.keys("/escalation")) {
			String p = "/escalation/" + severity;
			principals(p + "/page");
			principals(p + "/notify");
			principals(p + "/escalate_to");
		}
		eachItem("/services", s -> {
			ref(s + "/team", "team", id -> ownership.team(id).isPresent());
			ref(s + "/on_call", "role, team, rotation or person", this::isPrincipal);
		});
	}

	private void services() {
		Map<String, String> routes = new HashMap<>();
		eachItem("/services", s -> {
			for (String field : List.of("primary", "secondary")) {
				String model = doc.text(s + "/" + field);
				if (model != null && ownership.vendorOfModel(model).isEmpty()) {
					doc.error(s + "/" + field, "unknown-model",
							field + " target '" + model + "' is not among any vendor's models: add it to the vendor that serves it");
				}
			}
			String primary = doc.text(s + "/primary");
			if (primary != null && primary.equals(doc.text(s + "/secondary"))) {
				doc.error(s + "/secondary", "invalid-value", "secondary target is the same as the primary: a flip would change nothing");
			}
			String route = doc.text(s + "/route");
			if (route != null) {
				String first = routes.putIfAbsent(route, doc.text(s + "/id"));
				if (first != null) {
					doc.error(s + "/route", "duplicate-id", "route '" + route + "' is already used by service '" + first + "'");
				}
			}
		});
	}

	/** A service nobody may flip, or a second-approver tier with a single authority, fails at 3 a.m. */
	private void authority() {
		Set<Integer> twoPersonTiers = ownership.permissions().secondApproverTiers();
		eachItem("/services", s -> {
			String id = doc.text(s + "/id");
			if (id == null || ownership.service(id).isEmpty()) {
				return;
			}
			int authorities = ownership.routeChangeAuthorities(id).size();
			if (authorities == 0) {
				doc.warning(s + "/id", "no-route-authority", "nobody may authorize a route change on service '" + id
						+ "': add a permissions.route_change rule covering it");
			}
			else if (authorities < 2 && twoPersonTiers.contains(ownership.service(id).get().tier())) {
				doc.error(s + "/id", "no-second-approver", "service '" + id
						+ "' needs a second approver but only one person may authorize route changes on it");
			}
		});
	}

	private void eachItem(String pointer, java.util.function.Consumer<String> action) {
		for (int i = 0; i < doc.size(pointer); i++) {
			action.accept(pointer + "/" + i);
		}
	}

	private void eachText(String pointer, java.util.function.Consumer<String> action) {
		for (int i = 0; i < doc.size(pointer); i++) {
			action.accept(pointer + "/" + i);
		}
	}

	private void people(String listPointer) {
		eachText(listPointer, this::person);
	}

	private void person(String pointer) {
		ref(pointer, "person", id -> ownership.person(id).isPresent());
	}

	private void principals(String listPointer) {
		eachText(listPointer, p -> ref(p, "role, team, rotation or person", this::isPrincipal));
	}

	private boolean isPrincipal(String id) {
		return ownership.kindOf(id).isPresent() || declaredRotations.contains(id);
	}

	private void ref(String pointer, String kind, java.util.function.Predicate<String> exists) {
		String id = doc.text(pointer);
		if (id != null && !exists.test(id)) {
			doc.error(pointer, "unknown-reference", "unknown " + kind + " '" + id + "'");
		}
	}
}
