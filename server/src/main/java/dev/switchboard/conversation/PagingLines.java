package dev.switchboard.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.TimelineEvent;

/**
 * What the status says about pages, from the timeline: each page's latest news (delivered, NOT
 * delivered, acknowledged), a page no pager delivered first and loudly, never as sent.
 */
final class PagingLines {

	private PagingLines() {
	}

	static List<Block> of(List<TimelineEvent> timeline) {
		Map<String, TimelineEvent> latest = new LinkedHashMap<>();
		List<Block> acks = new ArrayList<>();
		for (TimelineEvent e : timeline) {
			if (e.type() == EventType.PAGE_DELIVERED || e.type() == EventType.PAGE_UNDELIVERED) {
				latest.put(e.detail("principal"), e);
			}
			if (e.type() == EventType.ACKNOWLEDGED) {
				acks.add(new Block.Context("Acknowledged by " + e.actor() + " via " + e.detail("via") + " at " + e.at()));
			}
		}
		List<Block> blocks = new ArrayList<>();
		latest.values().stream().filter(e -> e.type() == EventType.PAGE_UNDELIVERED).forEach(e -> blocks.add(new Block.Paragraph(
				List.of(new Span.Plain("⚠ NOT DELIVERED: the page to " + e.detail("principal") + " " + e.details().get("people")
						+ " reached no pager. Reach them another way.")))));
		latest.values().stream().filter(e -> e.type() == EventType.PAGE_DELIVERED)
			.forEach(e -> blocks.add(new Block.Context("Paged " + e.detail("principal") + " via " + e.detail("via")
					+ " (accepted" + ("0".equals(e.detail("status")) ? "" : ", " + e.detail("status")) + ")")));
		blocks.addAll(acks);
		return blocks;
	}
}
