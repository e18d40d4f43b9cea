package dev.switchboard.conversation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.Directory;
import dev.switchboard.catalog.DrillHistory;
import dev.switchboard.ownership.Person;
import dev.switchboard.ownership.Vendor;
import dev.switchboard.runbook.Runbook;

/** Replies that read the registries: who, vendor, runbooks. */
@Component
class DirectoryReplies {

	private final Directory directory;

	private final CatalogRegistry catalogs;

	private final DrillHistory drills;

	private final Clock clock;

	DirectoryReplies(Directory directory, CatalogRegistry catalogs, DrillHistory drills, Clock clock) {
		this.directory = directory;
		this.catalogs = catalogs;
		this.drills = drills;
		this.clock = clock;
	}

	Reply who(String name) {
		Directory.Who who = directory.who(name);
		if (!who.found()) {
			return Reply.ephemeral("Nobody called '" + name + "' in ownership.yaml. Nearest: " + String.join(", ", who.suggestions()));
		}
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header("Who: " + who.name() + " (" + who.kind() + ")", false));
		for (Directory.Group group : who.groups()) {
			List<Span> spans = new ArrayList<>();
			spans.add(new Span.Plain(group.label() + ":\n"));
			if (group.people().isEmpty()) {
				spans.add(new Span.Plain("  nobody\n"));
			}
			for (Person p : group.people()) {
				spans.add(new Span.Plain("• "));
				spans.add(new Span.Mention(p.id(), p.name()));
				spans.add(new Span.Plain(contacts(p) + "\n"));
			}
			blocks.add(new Block.Paragraph(spans));
		}
		return new Reply(blocks, true, null, false);
	}

	private static String contacts(Person p) {
		List<String> parts = new ArrayList<>();
		if (p.email() != null) {
			parts.add(p.email());
		}
		if (p.phone() != null) {
			parts.add(p.phone());
		}
		return parts.isEmpty() ? "" : " — " + String.join(", ", parts);
	}

	Reply vendor(String id) {
		return directory.vendor(id).map(this::vendor).orElseGet(() -> Reply.ephemeral("No vendor '" + id
				+ "' in ownership.yaml. Known: " + String.join(", ", directory.vendorSuggestions(id))));
	}

	private Reply vendor(Vendor v) {
		List<Block.Field> fields = new ArrayList<>();
		fields.add(new Block.Field("Status page", v.statusPage()));
		if (v.accountId() != null) {
			fields.add(new Block.Field("Account", v.accountId()));
		}
		v.support().forEach(s -> fields.add(new Block.Field("Support (" + s.kind() + ")", s.value()
				+ (s.note() == null ? "" : " — " + s.note()))));
		fields.add(new Block.Field("Models", String.join(", ", v.models())));
		List<Block> blocks = new ArrayList<>(List.of(new Block.Header("Vendor: " + v.name(), false), new Block.Fields(fields)));
		if (!v.escalation().isEmpty()) {
			StringBuilder path = new StringBuilder("Escalation path:\n");
			for (int i = 0; i < v.escalation().size(); i++) {
				path.append(i + 1).append(". ").append(v.escalation().get(i)).append('\n');
			}
			blocks.add(new Block.Paragraph(List.of(new Span.Plain(path.toString().strip()))));
		}
		return new Reply(blocks, true, null, false);
	}

	Reply runbooks() {
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header("Runbooks", false));
		StringBuilder text = new StringBuilder();
		Map<String, DrillHistory.LastDrill> last = drills.lastByRunbook();
		List<String> stale = new ArrayList<>();
		for (Runbook r : catalogs.current().allRunbooks()) {
			text.append("• ").append(r.id()).append(" (").append(r.severity()).append(")");
			if (!r.aliases().isEmpty()) {
				text.append(" — also: ").append(String.join(", ", r.aliases()));
			}
			text.append("\n  ").append(r.summary()).append('\n');
			DrillHistory.LastDrill d = last.get(r.id());
			boolean isStale = drills.stale(r.id(), clock.instant());
			text.append("  ").append(d == null ? "never drilled" : "last drilled " + d.at().atZone(ZoneOffset.UTC).toLocalDate()
					+ " (" + d.incident() + "), score " + d.score() + "/100").append(isStale ? "  ⚠ " + (d == null ? "UNDRILLED" : "STALE") : "")
				.append('\n');
			if (isStale) {
				stale.add(r.id());
			}
		}
		blocks.add(new Block.Paragraph(List.of(new Span.Plain(text.toString().strip()))));
		if (!stale.isEmpty()) {
			blocks.add(new Block.Context("Undrilled or not drilled in " + drills.staleAfter().toDays() + " days: "
					+ String.join(", ", stale) + ". Rehearse with `drill <runbook>`."));
		}
		return new Reply(blocks, true, null, false);
	}
}
