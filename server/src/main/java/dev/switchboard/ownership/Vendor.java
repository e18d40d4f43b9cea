package dev.switchboard.ownership;

import java.util.List;

public record Vendor(String id, String name, String accountId, String statusPage, List<SupportContact> support,
		List<String> escalation, List<String> models) {

	public Vendor {
		support = support == null ? List.of() : List.copyOf(support);
		escalation = escalation == null ? List.of() : List.copyOf(escalation);
		models = models == null ? List.of() : List.copyOf(models);
	}

	public record SupportContact(String kind, String value, String note) {
	}
}
