package dev.switchboard.ownership;

import java.util.List;
import java.util.Set;

/** Who may authorize model route changes, which tiers need a second approver, who approves model changes. */
public record Permissions(List<RouteChangeRule> routeChange, Set<Integer> secondApproverTiers,
		List<ModelChangeRule> modelChange) {

	public static final Permissions NONE = new Permissions(List.of(), Set.of(), List.of());

	public Permissions {
		routeChange = routeChange == null ? List.of() : List.copyOf(routeChange);
		secondApproverTiers = secondApproverTiers == null ? Set.of() : Set.copyOf(secondApproverTiers);
		modelChange = modelChange == null ? List.of() : List.copyOf(modelChange);
	}

	/** A rule granting principals route changes on the listed services or on every service of the listed tiers. */
	public record RouteChangeRule(List<String> who, Set<Integer> tiers, Set<String> services) {

		public RouteChangeRule {
			who = who == null ? List.of() : List.copyOf(who);
			tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
			services = services == null ? Set.of() : Set.copyOf(services);
		}

		public boolean covers(Service service) {
			return tiers.contains(service.tier()) || services.contains(service.id());
		}
	}

	public record ModelChangeRule(String risk, List<String> approvers, boolean secondApprover) {

		public ModelChangeRule {
			approvers = approvers == null ? List.of() : List.copyOf(approvers);
		}
	}
}
