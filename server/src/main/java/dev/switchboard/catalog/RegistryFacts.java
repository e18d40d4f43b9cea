package dev.switchboard.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;
import dev.switchboard.ownership.Vendor;

/** Fills {@code {{vendor.openai.status_page}}}-style references in a step's text from ownership.yaml. */
public final class RegistryFacts {

	private static final Pattern REF = Pattern.compile("\\{\\{\\s*([a-z]+)\\.([a-z0-9-]+)\\.([a-z_]+)\\s*}}");

	private RegistryFacts() {
	}

	public static String fill(String markdown, Ownership ownership) {
		if (!markdown.contains("{{")) {
			return markdown;
		}
		Matcher m = REF.matcher(markdown);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = lookup(ownership, m.group(1), m.group(2), m.group(3));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String lookup(Ownership ownership, String kind, String id, String field) {
		if (kind.equals("vendor")) {
			return ownership.vendor(id).map(v -> vendorField(v, field)).orElse(null);
		}
		if (kind.equals("service")) {
			return ownership.service(id).map(s -> serviceField(s, field)).orElse(null);
		}
		return null;
	}

	private static String vendorField(Vendor v, String field) {
		return switch (field) {
			case "name" -> v.name();
			case "status_page" -> v.statusPage();
			case "account_id" -> v.accountId();
			default -> null;
		};
	}

	private static String serviceField(Service s, String field) {
		return switch (field) {
			case "name" -> s.name();
			case "route" -> s.route();
			case "primary" -> s.primary();
			case "secondary" -> s.secondary();
			case "human_queue" -> s.humanQueue();
			case "tier" -> String.valueOf(s.tier());
			default -> null;
		};
	}
}
