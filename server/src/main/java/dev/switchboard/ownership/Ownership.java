package dev.switchboard.ownership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The loaded ownership registry: immutable, with the queries the bot and the linter ask. People,
 * teams, roles and rotations share one id namespace ("principals"), so {@code @x} in a runbook
 * and {@code page: [x]} in escalation resolve the same way.
 */
public final class Ownership {

	/** What kind of thing a principal id names. */
	public enum PrincipalKind {
		PERSON, TEAM, ROLE, ROTATION
	}

	/** No one, nothing: what a missing or unreadable file gives. */
	public static final Ownership EMPTY = new Ownership(List.of(), List.of(), List.of(), List.of(), Permissions.NONE,
			List.of(), Map.of(), List.of());

	private final Map<String, Person> people;

	private final Map<String, Team> teams;

	private final Map<String, Rotation> rotations;

	private final Map<String, Role> roles;

	private final Permissions permissions;

	private final Map<String, Service> services;

	private final Map<String, EscalationLevel> escalation;

	private final Map<String, Vendor> vendors;

	private final PagingSettings paging;

	public Ownership(List<Person> people, List<Team> teams, List<Rotation> rotations, List<Role> roles,
			Permissions permissions, List<Service> services, Map<String, EscalationLevel> escalation,
			List<Vendor> vendors) {
		this(people, teams, rotations, roles, permissions, services, escalation, vendors, PagingSettings.NONE);
	}

	public Ownership(List<Person> people, List<Team> teams, List<Rotation> rotations, List<Role> roles,
			Permissions permissions, List<Service> services, Map<String, EscalationLevel> escalation,
			List<Vendor> vendors, PagingSettings paging) {
		this.paging = paging == null ? PagingSettings.NONE : paging;
		this.people = index(people, Person::id);
		this.teams = index(teams, Team::id);
		this.rotations = index(rotations, Rotation::id);
		this.roles = index(roles, Role::id);
		this.permissions = permissions == null ? Permissions.NONE : permissions;
		this.services = index(services, Service::id);
		this.escalation = Map.copyOf(escalation);
		this.vendors = index(vendors, Vendor::id);
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T item : items) {
			map.putIfAbsent(id.apply(item), item);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

	public List<Person> people() {
		return List.copyOf(people.values());
	}

	public List<Team> teams() {
		return List.copyOf(teams.values());
	}

	public List<Role> roles() {
		return List.copyOf(roles.values());
	}

	public List<Rotation> rotations() {
		return List.copyOf(rotations.values());
	}

	public List<Service> services() {
		return List.copyOf(services.values());
	}

	public List<Vendor> vendors() {
		return List.copyOf(vendors.values());
	}

	public Permissions permissions() {
		return permissions;
	}

	public Optional<Person> person(String id) {
		return Optional.ofNullable(people.get(id));
	}

	public Optional<Team> team(String id) {
		return Optional.ofNullable(teams.get(id));
	}

	public Optional<Role> role(String id) {
		return Optional.ofNullable(roles.get(id));
	}

	public Optional<Rotation> rotation(String id) {
		return Optional.ofNullable(rotations.get(id));
	}

	public Optional<Service> service(String id) {
		return Optional.ofNullable(services.get(id));
	}

	public Optional<Vendor> vendor(String id) {
		return Optional.ofNullable(vendors.get(id));
	}

	public Optional<EscalationLevel> escalation(String severity) {
		return Optional.ofNullable(escalation.get(severity));
	}

	/** The service whose gateway route is {@code route}. */
	public Optional<Service> serviceByRoute(String route) {
		return services.values().stream().filter(s -> route.equals(s.route())).findFirst();
	}

	public Optional<PrincipalKind> kindOf(String id) {
		if (people.containsKey(id)) {
			return Optional.of(PrincipalKind.PERSON);
		}
		if (teams.containsKey(id)) {
			return Optional.of(PrincipalKind.TEAM);
		}
		if (roles.containsKey(id)) {
			return Optional.of(PrincipalKind.ROLE);
		}
		if (rotations.containsKey(id)) {
			return Optional.of(PrincipalKind.ROTATION);
		}
		return Optional.empty();
	}

	/** The people a principal engages at {@code now}: a rotation or rotation-backed role gives who is on call. */
	public List<Person> peopleNow(String principal, Instant now) {
		return resolve(principal, now, false);
	}

	/**
	 * Everyone who may act under a principal, on call or not. Authority (route changes, approvals)
	 * follows this pool rather than the current shift, so a hand-off in the middle of an incident
	 * does not strip the people working it of their rights.
	 */
	public List<Person> pool(String principal) {
		return resolve(principal, Instant.EPOCH, true);
	}

	private List<Person> resolve(String principal, Instant now, boolean wholePool) {
		Set<String> ids = new LinkedHashSet<>();
		if (people.containsKey(principal)) {
			ids.add(principal);
		}
		else if (teams.containsKey(principal)) {
			ids.addAll(teams.get(principal).members());
		}
		else if (rotations.containsKey(principal)) {
			Rotation rotation = rotations.get(principal);
			if (wholePool) {
				ids.addAll(rotation.members());
			}
			else {
				ids.add(rotation.onCallAt(now));
			}
		}
		else if (roles.containsKey(principal)) {
			Role role = roles.get(principal);
			// only a declared rotation or team: a role naming a role (itself included) resolves to nobody, not a loop
			if (role.rotation() != null) {
				return rotations.containsKey(role.rotation()) ? resolve(role.rotation(), now, wholePool) : List.of();
			}
			if (role.team() != null) {
				return teams.containsKey(role.team()) ? resolve(role.team(), now, wholePool) : List.of();
			}
			ids.addAll(role.people());
		}
		return ids.stream().map(people::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Owners of a service: its team's members and whoever holds its on-call role now. */
	public Optional<ServiceOwners> ownersOf(String serviceId, Instant now) {
		return service(serviceId).map(service -> new ServiceOwners(service, team(service.team()).orElse(null),
				pool(service.team()), service.onCall() == null ? List.of() : peopleNow(service.onCall(), now)));
	}

	public record ServiceOwners(Service service, Team team, List<Person> teamMembers, List<Person> onCallNow) {
	}

	/** Whom a severity engages at {@code now}, each principal resolved to people. */
	public Optional<EscalationPlan> escalationFor(String severity, Instant now) {
		return escalation(severity).map(level -> new EscalationPlan(severity, engage(level.page(), now),
				engage(level.informed(), now), level.ackTimeout(), engage(level.escalateTo(), now)));
	}

	private List<Engaged> engage(List<String> principals, Instant now) {
		return principals.stream().map(p -> new Engaged(p, peopleNow(p, now))).toList();
	}

	public record EscalationPlan(String severity, List<Engaged> page, List<Engaged> informed,
			java.time.Duration ackTimeout, List<Engaged> escalateTo) {
	}

	/** A principal and the people it resolved to. */
	public record Engaged(String principal, List<Person> people) {
	}

	/** The vendors serving a service's primary or secondary target. */
	public List<Vendor> vendorsOf(String serviceId) {
		return service(serviceId).map(s -> vendors.values()
			.stream()
			.filter(v -> v.models().stream().anyMatch(m -> m.equals(s.primary()) || m.equals(s.secondary())))
			.toList()).orElse(List.of());
	}

	public Optional<Vendor> vendorOfModel(String model) {
		return vendors.values().stream().filter(v -> v.models().contains(model)).findFirst();
	}

	/** Whether {@code personId} may authorize a model route change on {@code serviceId}. */
	public boolean mayAuthorizeRouteChange(String personId, String serviceId) {
		return service(serviceId).map(service -> permissions.routeChange()
			.stream()
			.filter(rule -> rule.covers(service))
			.flatMap(rule -> rule.who().stream())
			.anyMatch(principal -> pool(principal).stream().anyMatch(p -> p.id().equals(personId))))
			.orElse(false);
	}

	/** Everyone who may authorize a route change on the service. */
	public List<Person> routeChangeAuthorities(String serviceId) {
		return service(serviceId).map(service -> permissions.routeChange()
			.stream()
			.filter(rule -> rule.covers(service))
			.flatMap(rule -> rule.who().stream())
			.flatMap(principal -> pool(principal).stream())
			.distinct()
			.toList()).orElse(List.of());
	}

	public boolean requiresSecondApprover(String serviceId) {
		return service(serviceId).map(s -> permissions.secondApproverTiers().contains(s.tier())).orElse(false);
	}

	/** Ids of every principal, for completion and suggestions. */
	public List<String> principalIds() {
		List<String> ids = new ArrayList<>(people.keySet());
		ids.addAll(teams.keySet());
		ids.addAll(roles.keySet());
		ids.addAll(rotations.keySet());
		return ids;
	}

	/** How pages reach people: pagers, PagerDuty keys by name, PagerDuty user ids. */
	public PagingSettings paging() {
		return paging;
	}

	/**
	 * The ids whose paging settings apply to a page of {@code principal}, most specific first: the
	 * principal, the team behind a team-held role, then the incident's service (may be null).
	 */
	public List<String> pagingIds(String principal, String serviceId) {
		List<String> ids = new ArrayList<>();
		ids.add(principal);
		role(principal).map(Role::team).filter(java.util.Objects::nonNull).ifPresent(ids::add);
		if (serviceId != null) {
			ids.add(serviceId);
		}
		return ids;
	}

	/** A person by e-mail address, ignoring case. */
	public Optional<Person> personByEmail(String email) {
		return people.values().stream().filter(p -> p.email() != null && p.email().equalsIgnoreCase(email)).findFirst();
	}

	/** A person by chat identity. */
	public Optional<Person> personBySlackId(String slackId) {
		return people.values().stream().filter(p -> slackId.equals(p.slack())).findFirst();
	}

	public Map<String, EscalationLevel> escalationLevels() {
		return escalation.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}
}
