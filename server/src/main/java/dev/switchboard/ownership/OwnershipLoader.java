package dev.switchboard.ownership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.switchboard.lint.Finding;
import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.SchemaCheck;
import dev.switchboard.lint.YamlTree;

/**
 * Reads ownership.yaml: YAML with line numbers, the published JSON Schema (unknown keys, missing
 * fields, wrong types), then the checks a schema cannot express (duplicate ids, dangling
 * references, rotation times), then typed records. Every problem is a {@link Finding} at its
 * line; nothing throws on bad input.
 */
public final class OwnershipLoader {

	private static final SchemaCheck SCHEMA = SchemaCheck.load("ownership.schema.json");

	/** The result of a load: the registry (best effort, from the entries that could be read) and the findings. */
	public record Loaded(Ownership ownership, List<Finding> findings, ToIntFunction<String> lines) {

		public boolean valid() {
			return findings.stream().noneMatch(Finding::isError);
		}

		/** The line of the node at a JSON pointer such as {@code /services/0/runbooks/1}. */
		public int lineOf(String pointer) {
			return lines.applyAsInt(pointer);
		}
	}

	public Loaded load(Path file, String displayName) {
		FindingSink sink = new FindingSink(displayName);
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			sink.error(1, "unreadable", "cannot read ownership file: " + ex.getMessage());
			return new Loaded(empty(), sink.findings(), p -> 1);
		}
		return parse(text, sink);
	}

	public Loaded parse(String text, FindingSink sink) {
		YamlTree tree = YamlTree.parse(text, 1, sink);
		if (tree == null) {
			return new Loaded(empty(), sink.findings(), p -> 1);
		}
		if (!tree.root().isObject()) {
			sink.error(1, "invalid-value", "ownership.yaml must be a map with people, teams, roles, services, escalation and vendors");
			return new Loaded(empty(), sink.findings(), p -> 1);
		}
		SCHEMA.check(tree, sink);
		OwnershipDocument doc = new OwnershipDocument(tree, sink);
		List<Rotation> rotations = rotations(doc);
		Ownership ownership = new Ownership(list(doc, "/people", this::person), list(doc, "/teams", this::team),
				rotations, list(doc, "/roles", this::role), permissions(doc), list(doc, "/services", this::service),
				escalation(doc), list(doc, "/vendors", this::vendor), paging(doc));
		new OwnershipRules(doc, ownership).check();
		return new Loaded(ownership, sink.findings(), tree::lineOf);
	}

	private static Ownership empty() {
		return Ownership.EMPTY;
	}

	private interface Reader<T> {

		T read(OwnershipDocument doc, String pointer);

	}

	/** Reads each entry with an id; entries without one were already reported by the schema. */
	private static <T> List<T> list(OwnershipDocument doc, String pointer, Reader<T> reader) {
		List<T> out = new ArrayList<>();
		for (int i = 0; i < doc.size(pointer); i++) {
			String item = pointer + "/" + i;
			if (doc.text(item + "/id") != null) {
				out.add(reader.read(doc, item));
			}
		}
		return out;
	}

	private Person person(OwnershipDocument d, String p) {
		return new Person(d.text(p + "/id"), d.text(p + "/name"), d.text(p + "/email"), d.text(p + "/slack"),
				d.text(p + "/discord"), d.text(p + "/phone"));
	}

	private Team team(OwnershipDocument d, String p) {
		return new Team(d.text(p + "/id"), d.text(p + "/name"), d.texts(p + "/members"), d.text(p + "/channel"));
	}

	private Role role(OwnershipDocument d, String p) {
		return new Role(d.text(p + "/id"), d.text(p + "/description"), d.text(p + "/rotation"), d.text(p + "/team"),
				d.texts(p + "/people"));
	}

	private Service service(OwnershipDocument d, String p) {
		return new Service(d.text(p + "/id"), d.text(p + "/name"), d.text(p + "/description"),
				d.integer(p + "/tier").orElse(0), d.text(p + "/team"), d.text(p + "/on_call"), d.text(p + "/route"),
				d.text(p + "/primary"), d.text(p + "/secondary"), d.text(p + "/standby"), d.text(p + "/human_queue"),
				d.texts(p + "/runbooks"));
	}

	private Vendor vendor(OwnershipDocument d, String p) {
		List<Vendor.SupportContact> support = new ArrayList<>();
		for (int i = 0; i < d.size(p + "/support"); i++) {
			String c = p + "/support/" + i;
			support.add(new Vendor.SupportContact(d.text(c + "/kind"), d.text(c + "/value"), d.text(c + "/note")));
		}
		return new Vendor(d.text(p + "/id"), d.text(p + "/name"), d.text(p + "/account_id"), d.text(p + "/status_page"),
				support, d.texts(p + "/escalation"), d.texts(p + "/models"));
	}

	private Permissions permissions(OwnershipDocument d) {
		List<Permissions.RouteChangeRule> rules = new ArrayList<>();
		for (int i = 0; i < d.size("/permissions/route_change"); i++) {
			String r = "/permissions/route_change/" + i;
			rules.add(new Permissions.RouteChangeRule(d.texts(r + "/who"), integers(d, r + "/tiers"),
					new HashSet<>(d.texts(r + "/services"))));
		}
		List<Permissions.ModelChangeRule> model = new ArrayList<>();
		for (int i = 0; i < d.size("/permissions/model_change"); i++) {
			String r = "/permissions/model_change/" + i;
			model.add(new Permissions.ModelChangeRule(d.text(r + "/risk"), d.texts(r + "/approvers"),
					"true".equals(d.text(r + "/second_approver"))));
		}
		return new Permissions(rules, integers(d, "/permissions/second_approver/tiers"), model);
	}

	private static Set<Integer> integers(OwnershipDocument d, String pointer) {
		Set<Integer> out = new HashSet<>();
		for (int i = 0; i < d.size(pointer); i++) {
			d.integer(pointer + "/" + i).ifPresent(out::add);
		}
		return out;
	}

	private Map<String, EscalationLevel> escalation(OwnershipDocument d) {
		Map<String, EscalationLevel> levels = new LinkedHashMap<>();
		for (String severity : d.keys("/escalation")) {
			String p = "/escalation/" + severity;
			Duration ack = parse(d, p + "/ack_timeout", HumanDuration::parse, "a duration such as 5m, 1h");
			levels.put(severity, new EscalationLevel(d.texts(p + "/page"), d.texts(p + "/notify"), ack,
					d.texts(p + "/escalate_to"), d.integer(p + "/repeat").orElse(0)));
		}
		return levels;
	}

	/** The paging section and the paging fields of people, teams, roles and services. */
	private static PagingSettings paging(OwnershipDocument d) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String name : d.keys("/paging/pagerduty_keys")) {
			String variable = d.text("/paging/pagerduty_keys/" + name);
			if (variable != null) {
				keys.put(name, variable);
			}
		}
		Map<String, String> keyOf = new LinkedHashMap<>();
		Map<String, List<String>> viaOf = new LinkedHashMap<>();
		for (String section : List.of("/teams", "/roles", "/services")) {
			for (int i = 0; i < d.size(section); i++) {
				String p = section + "/" + i;
				String id = d.text(p + "/id");
				if (id == null) {
					continue;
				}
				if (d.text(p + "/pagerduty") != null) {
					keyOf.putIfAbsent(id, d.text(p + "/pagerduty"));
				}
				if (!d.texts(p + "/page_via").isEmpty()) {
					viaOf.putIfAbsent(id, d.texts(p + "/page_via"));
				}
			}
		}
		Map<String, String> users = new LinkedHashMap<>();
		for (int i = 0; i < d.size("/people"); i++) {
			String id = d.text("/people/" + i + "/id");
			String user = d.text("/people/" + i + "/pagerduty");
			if (id != null && user != null) {
				users.putIfAbsent(id, user);
			}
		}
		return new PagingSettings(d.texts("/paging/via"), keys, keyOf, viaOf, users);
	}

	/** Rotations are typed here (dates, times, zones), reporting values Java cannot read. */
	private List<Rotation> rotations(OwnershipDocument d) {
		List<Rotation> out = new ArrayList<>();
		for (int i = 0; i < d.size("/rotations"); i++) {
			String p = "/rotations/" + i;
			String id = d.text(p + "/id");
			List<String> members = d.texts(p + "/members");
			LocalDate start = parse(d, p + "/start", LocalDate::parse, "a date such as 2026-01-05");
			LocalTime handoff = parse(d, p + "/handoff", LocalTime::parse, "a time such as 09:00");
			ZoneId zone = parse(d, p + "/zone", ZoneId::of, "an IANA time zone such as Europe/Paris");
			Integer length = parse(d, p + "/length", HumanDuration::days, "whole days or weeks such as 1d, 7d, 2w");
			List<Rotation.Override> overrides = new ArrayList<>();
			for (int j = 0; j < d.size(p + "/overrides"); j++) {
				String o = p + "/overrides/" + j;
				LocalDateTime from = parse(d, o + "/from", LocalDateTime::parse, "a local date-time such as 2026-11-20T18:00");
				LocalDateTime to = parse(d, o + "/to", LocalDateTime::parse, "a local date-time such as 2026-11-21T09:00");
				if (from != null && to != null) {
					if (!from.isBefore(to)) {
						d.error(o + "/to", "invalid-value", "override ends before it starts");
					}
					else {
						overrides.add(new Rotation.Override(d.text(o + "/person"), from, to, d.text(o + "/reason")));
					}
				}
			}
			if (id != null && !members.isEmpty() && start != null && handoff != null && zone != null && length != null) {
				out.add(new Rotation(id, members, start, handoff, zone, length, overrides));
			}
		}
		return out;
	}

	/** Parses a present value, reporting it at its line when it cannot be read; absent stays null silently. */
	private static <T> T parse(OwnershipDocument d, String pointer, Function<String, T> parser, String expected) {
		String text = d.text(pointer);
		if (text == null) {
			return null;
		}
		try {
			return parser.apply(text.trim());
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			// the schema's pattern usually caught it already: one finding per mistake
			if (!d.hasErrorAt(pointer)) {
				d.error(pointer, "invalid-value", "'" + text + "' is not " + expected);
			}
			return null;
		}
	}
}
