package dev.switchboard.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.golden.health.RouteAlert;
import dev.switchboard.ownership.Ownership;

/**
 * What the owners of a route read when its canary fails (the evidence, the runbook that covers it, declaring left to
 * them) and when it passes again; one model for every chat, each adapter posts it to the owning team's channel.
 */
@Component
public class RouteAlertReplies {

	private final CatalogRegistry catalogs;

	private final Clock clock;

	RouteAlertReplies(CatalogRegistry catalogs, Clock clock) {
		this.catalogs = catalogs;
		this.clock = clock;
	}

	public Reply raised(RouteAlert alert) {
		Ownership ownership = catalogs.current().ownership();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Header("Route health · " + alert.route() + " is failing its golden set", false));
		blocks.add(new Block.Paragraph(Mentions.spans("@" + alert.team() + ": " + alert.summary()
				+ ". Transport looks fine; the content does not.", ownership, clock.instant(), false)));
		blocks.add(new Block.Paragraph(List.of(new Span.Plain("```\n" + String.join("\n", alert.evidence()) + "\n```"))));
		if (alert.runbook() != null) {
			blocks.add(new Block.Context("If this is an incident, declare it: `incident " + alert.runbook() + " "
					+ alert.service() + "` (runbook " + alert.runbook() + "). Nothing is declared or changed automatically."));
		}
		return new Reply(blocks, false, null, false);
	}

	public Reply cleared(RouteAlert.Cleared cleared) {
		RouteAlert alert = cleared.alert();
		return new Reply(List.of(new Block.Context("Route health · " + alert.route() + " passes again: " + cleared.summary()
				+ " (alert raised " + alert.raisedAt() + ", cleared " + cleared.at() + ")")), false, null, false);
	}

	/** The channel of the team that owns the route's service, as ownership.yaml names it (null when it has none). */
	public String channelOf(RouteAlert alert) {
		return catalogs.current().ownership().team(alert.team()).map(t -> t.channel()).orElse(null);
	}
}
