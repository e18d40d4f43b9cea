package dev.switchboard.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.golden.health.RouteHealthReport;
import dev.switchboard.incident.route.RouteReport;

/** Replies that list: open incidents, and the gateway's live routes. */
@Component
class ListingReplies {

	private final Incidents incidents;

	private final RouteReport routes;

	private final RouteHealthReport health;

	ListingReplies(Incidents incidents, RouteReport routes, RouteHealthReport health) {
		this.incidents = incidents;
		this.routes = routes;
		this.health = health;
	}

	/** Live gateway routes against ownership.yaml's primary and secondary, drift flagged. */
	Reply routes() {
		StringBuilder text = new StringBuilder();
		for (RouteReport.Row r : routes.rows()) {
			text.append(r.drift() ? "DRIFT " : "      ").append(r.route()).append(" (").append(r.gateway()).append("): ")
				.append(r.active() == null ? "no active target" : r.active()).append(" — on ").append(r.on())
				.append("; declared ").append(r.declaredPrimary()).append(" / ").append(r.declaredSecondary());
			if (!r.explainedBy().isEmpty()) {
				text.append("; explained by ").append(String.join(", ", r.explainedBy()));
			}
			if (r.error() != null) {
				text.append("; ").append(r.error());
			}
			text.append('\n');
			health.lines(r.route()).forEach(line -> text.append("      ").append(line).append('\n'));
		}
		return new Reply(List.of(new Block.Header("Gateway routes", false),
				new Block.Paragraph(List.of(new Span.Plain(text.toString().stripTrailing())))), true, null, false);
	}

	/** The open incidents, newest first, at most 20. */
	Reply openIncidents() {
		List<Incident> open = incidents.list(true, 20);
		if (open.isEmpty()) {
			return Reply.ephemeral("No open incidents.");
		}
		StringBuilder text = new StringBuilder();
		open.forEach(i -> text.append(i.humanId()).append("  ").append(i.severity()).append("  ").append(i.status().label())
			.append("  ").append(i.drill() ? "[DRILL] " : "").append(i.title()).append("  (step ").append(i.currentStep())
			.append(")\n"));
		return new Reply(List.of(new Block.Header("Open incidents", false),
				new Block.Paragraph(List.of(new Span.Plain(text.toString().strip())))), true, null, false);
	}
}
