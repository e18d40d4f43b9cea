package dev.switchboard.ownership;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The questions the bot asks of a loaded registry, against {@code ownership/registry.yaml}. Times
 * used (worked out by hand from the fixture's rotations):
 * <ul>
 * <li>{@link #WEDNESDAY_MORNING} 2026-02-04T12:00Z: Paris week of 2 February (turn 4: ada);
 * New York 07:00, still 3 February's shift (day 29: dee)</li>
 * <li>{@link #WEDNESDAY_AFTERNOON} 2026-02-04T20:00Z: New York 15:00, inside eve's override</li>
 * <li>{@link #NEXT_TUESDAY} 2026-02-10T12:00Z: Paris week of 9 February (turn 5: bob)</li>
 * </ul>
 */
class OwnershipTests {

	private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-02-04T12:00:00Z");

	private static final Instant WEDNESDAY_AFTERNOON = Instant.parse("2026-02-04T20:00:00Z");

	private static final Instant NEXT_TUESDAY = Instant.parse("2026-02-10T12:00:00Z");

	private static Ownership registry;

	@BeforeAll
	static void load() {
		String text = OwnershipFixtures.read(OwnershipFixtures.resource("registry.yaml"));
		OwnershipLoader.Loaded loaded = OwnershipFixtures.parse(text, "registry.yaml");
		assertThat(loaded.findings()).as("registry.yaml must load cleanly").isEmpty();
		registry = loaded.ownership();
	}

	private static List<String> ids(List<Person> people) {
		return people.stream().map(Person::id).toList();
	}

	@Nested
	class Owners {

		@Test
		void givesTheOwningTeamAndWhoIsOnCallForTheService() {
			Ownership.ServiceOwners owners = registry.ownersOf("invoice-extraction", WEDNESDAY_MORNING).orElseThrow();

			assertThat(owners.service().id()).isEqualTo("invoice-extraction");
			assertThat(owners.team().id()).isEqualTo("invoicing");
			assertThat(ids(owners.teamMembers())).containsExactly("cy", "dee");
			assertThat(ids(owners.onCallNow())).containsExactly("dee");
		}

		@Test
		void followsOverridesForWhoIsOnCall() {
			assertThat(ids(registry.ownersOf("invoice-extraction", WEDNESDAY_AFTERNOON).orElseThrow().onCallNow()))
				.containsExactly("eve");
		}

		@Test
		void givesNobodyOnCallForAServiceWithoutAnOnCallRole() {
			Ownership.ServiceOwners owners = registry.ownersOf("ticket-routing", WEDNESDAY_MORNING).orElseThrow();

			assertThat(ids(owners.teamMembers())).containsExactly("ada", "bob");
			assertThat(owners.onCallNow()).isEmpty();
		}

		@Test
		void knowsNoOwnersOfAnUnknownService() {
			assertThat(registry.ownersOf("payroll", WEDNESDAY_MORNING)).isEmpty();
		}
	}

	@Nested
	class PeopleNow {

		@Test
		void resolvesARotationBackedRoleToWhoeverIsOnCall() {
			assertThat(ids(registry.peopleNow("provider-primary", WEDNESDAY_MORNING))).containsExactly("ada");
			assertThat(ids(registry.peopleNow("provider-primary", NEXT_TUESDAY))).containsExactly("bob");
		}

		@Test
		void resolvesARotationToWhoeverIsOnCallIncludingOverrides() {
			assertThat(ids(registry.peopleNow("workflow", WEDNESDAY_MORNING))).containsExactly("dee");
			assertThat(ids(registry.peopleNow("workflow", Instant.parse("2026-02-04T15:00:00Z")))).containsExactly("cy");
			assertThat(ids(registry.peopleNow("workflow", WEDNESDAY_AFTERNOON))).containsExactly("eve");
		}

		@Test
		void resolvesATeamBackedRoleToTheWholeTeam() {
			assertThat(ids(registry.peopleNow("security", WEDNESDAY_MORNING))).containsExactly("eve");
		}

		@Test
		void resolvesAPeopleBackedRoleToItsPeople() {
			assertThat(ids(registry.peopleNow("commander", WEDNESDAY_MORNING))).containsExactly("ada", "cy");
		}

		@Test
		void resolvesTeamsAndPeopleDirectly() {
			assertThat(ids(registry.peopleNow("platform", WEDNESDAY_MORNING))).containsExactly("ada", "bob");
			assertThat(ids(registry.peopleNow("fay", WEDNESDAY_MORNING))).containsExactly("fay");
		}

		@Test
		void resolvesAnUnknownPrincipalToNobody() {
			assertThat(registry.peopleNow("nobody", WEDNESDAY_MORNING)).isEmpty();
		}

		@Test
		void poolsEveryMemberOfARotationWhoeverIsOnCall() {
			assertThat(ids(registry.pool("provider-primary"))).containsExactly("ada", "bob");
		}

		@Test
		void tellsWhatKindOfThingAPrincipalIs() {
			assertThat(registry.kindOf("ada")).contains(Ownership.PrincipalKind.PERSON);
			assertThat(registry.kindOf("platform")).contains(Ownership.PrincipalKind.TEAM);
			assertThat(registry.kindOf("commander")).contains(Ownership.PrincipalKind.ROLE);
			assertThat(registry.kindOf("workflow")).contains(Ownership.PrincipalKind.ROTATION);
			assertThat(registry.kindOf("nobody")).isEmpty();
		}
	}

	@Nested
	class Escalation {

		@Test
		void resolvesEveryPrincipalOfASeverityToPeople() {
			Ownership.EscalationPlan plan = registry.escalationFor("sev1", WEDNESDAY_MORNING).orElseThrow();

			assertThat(plan.severity()).isEqualTo("sev1");
			assertThat(plan.page()).extracting(Ownership.Engaged::principal).containsExactly("commander", "provider-primary");
			assertThat(ids(plan.page().get(0).people())).containsExactly("ada", "cy");
			assertThat(ids(plan.page().get(1).people())).containsExactly("ada");
			assertThat(plan.informed()).singleElement().satisfies(e -> {
				assertThat(e.principal()).isEqualTo("security");
				assertThat(ids(e.people())).containsExactly("eve");
			});
			assertThat(plan.ackTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(plan.escalateTo()).singleElement().satisfies(e -> assertThat(ids(e.people())).containsExactly("ada", "bob"));
		}

		@Test
		void pagesWhoeverIsOnCallAtTheTimeAsked() {
			Ownership.EscalationPlan plan = registry.escalationFor("sev2", WEDNESDAY_AFTERNOON).orElseThrow();

			assertThat(plan.page()).singleElement().satisfies(e -> assertThat(ids(e.people())).containsExactly("eve"));
			assertThat(plan.informed()).isEmpty();
			assertThat(plan.escalateTo()).isEmpty();
			assertThat(plan.ackTimeout()).isEqualTo(Duration.ofMinutes(15));
		}

		@Test
		void pagesAPersonNamedDirectly() {
			Ownership.EscalationPlan plan = registry.escalationFor("sev4", WEDNESDAY_MORNING).orElseThrow();

			assertThat(plan.page()).singleElement().satisfies(e -> assertThat(ids(e.people())).containsExactly("dee"));
			assertThat(plan.ackTimeout()).isEqualTo(Duration.ofHours(4));
		}

		@Test
		void hasNoPlanForAnUnknownSeverity() {
			assertThat(registry.escalationFor("sev9", WEDNESDAY_MORNING)).isEmpty();
		}
	}

	@Nested
	class Vendors {

		@Test
		void listsTheVendorsOfThePrimaryAndSecondaryTargets() {
			assertThat(registry.vendorsOf("invoice-extraction")).extracting(Vendor::id).containsExactly("openai", "anthropic");
			assertThat(registry.vendorsOf("ticket-routing")).extracting(Vendor::id).containsExactly("openai", "google");
		}

		@Test
		void listsNoVendorsForAnUnknownService() {
			assertThat(registry.vendorsOf("payroll")).isEmpty();
		}
	}

	@Nested
	class RouteChanges {

		@Test
		void grantsATierRuleToEveryoneInARotationBackedRoleWhetherOnCallOrNot() {
			// bob is not on call at WEDNESDAY_MORNING: authority follows the pool, not the shift
			assertThat(registry.mayAuthorizeRouteChange("bob", "support-replies")).isTrue();
			assertThat(registry.mayAuthorizeRouteChange("bob", "invoice-extraction")).isTrue();
		}

		@Test
		void grantsATierRuleToAPeopleBackedRole() {
			assertThat(registry.mayAuthorizeRouteChange("cy", "support-replies")).isTrue();
		}

		@Test
		void grantsATierRuleOnlyOnItsTiers() {
			assertThat(registry.mayAuthorizeRouteChange("ada", "ticket-routing")).isFalse();
		}

		@Test
		void grantsAServiceRuleToATeamOnlyOnThatService() {
			assertThat(registry.mayAuthorizeRouteChange("dee", "invoice-extraction")).isTrue();
			assertThat(registry.mayAuthorizeRouteChange("dee", "support-replies")).isFalse();
		}

		@Test
		void grantsAServiceRuleToAPersonOnlyOnThatService() {
			assertThat(registry.mayAuthorizeRouteChange("eve", "ticket-routing")).isTrue();
			assertThat(registry.mayAuthorizeRouteChange("eve", "invoice-extraction")).isFalse();
		}

		@Test
		void refusesSomeoneNoRuleCovers() {
			for (String service : List.of("invoice-extraction", "support-replies", "ticket-routing")) {
				assertThat(registry.mayAuthorizeRouteChange("fay", service)).as(service).isFalse();
			}
		}

		@Test
		void refusesUnknownServicesAndPeople() {
			assertThat(registry.mayAuthorizeRouteChange("ada", "payroll")).isFalse();
			assertThat(registry.mayAuthorizeRouteChange("mallory", "support-replies")).isFalse();
		}

		@Test
		void listsEveryoneWhoMayAuthorizeOnce() {
			assertThat(ids(registry.routeChangeAuthorities("invoice-extraction"))).containsExactly("ada", "bob", "cy", "dee");
			assertThat(ids(registry.routeChangeAuthorities("ticket-routing"))).containsExactly("eve");
		}

		@Test
		void requiresASecondApproverOnlyOnTheListedTiers() {
			assertThat(registry.requiresSecondApprover("invoice-extraction")).isTrue();
			assertThat(registry.requiresSecondApprover("support-replies")).isFalse();
			assertThat(registry.requiresSecondApprover("ticket-routing")).isFalse();
			assertThat(registry.requiresSecondApprover("payroll")).isFalse();
		}
	}

	/** The lint CLI queries the best-effort registry of a file with errors: a missing field must not throw. */
	@Nested
	class BestEffortRegistry {

		private final String minimal = OwnershipFixtures.read(OwnershipFixtures.resource("minimal.yaml"));

		@Test
		void listsTheVendorOfThePrimaryWhenTheSecondaryIsMissing() {
			Ownership ownership = OwnershipFixtures
				.parse(minimal.replace("    secondary: anthropic/claude-sonnet-4-5\n", ""), "no-secondary.yaml")
				.ownership();

			assertThatCode(() -> ownership.vendorsOf("extraction")).doesNotThrowAnyException();
			assertThat(ownership.vendorsOf("extraction")).extracting(Vendor::id).containsExactly("openai");
		}

		@Test
		void findsNoServiceByRouteWhenAServiceHasNoRoute() {
			Ownership ownership = OwnershipFixtures.parse(minimal.replace("    route: extraction\n", ""), "no-route.yaml")
				.ownership();

			assertThatCode(() -> ownership.serviceByRoute("extraction")).doesNotThrowAnyException();
			assertThat(ownership.serviceByRoute("extraction")).isEmpty();
		}

		@Test
		void resolvesARoleWhoseRotationNamesItselfToNobody() {
			Ownership ownership = OwnershipFixtures
				.parse(minimal.replace("    rotation: primary", "    rotation: on-call"), "self.yaml")
				.ownership();

			assertThat(ownership.peopleNow("on-call", WEDNESDAY_MORNING)).isEmpty();
			assertThat(ownership.pool("on-call")).isEmpty();
		}
	}
}
