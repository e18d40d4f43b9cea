package dev.switchboard.paging;

import java.util.List;

/**
 * The port every pager implements: PagerDuty, a signed webhook, a Slack direct message. A pager says
 * whom it can reach for a page (its addresses) and delivers one message to one address; it never
 * retries itself (the outbox does) and never throws for a refusal it can explain.
 */
public interface Pager {

	/** {@code pagerduty}, {@code webhook}, {@code slack}: the name ownership.yaml's {@code via} uses. */
	String name();

	/** True when this pager can page at all (keys, URLs, tokens present). */
	boolean configured();

	/**
	 * Where a page goes through this pager, e.g. one integration key for the whole principal, or one
	 * Slack id per person; empty when it reaches nobody of this page. Never a secret: a key is named
	 * by its environment variable.
	 */
	List<String> addresses(PageTarget target);

	/** Sends one trigger, acknowledge or resolve. */
	Outcome send(PageMessage message);

	/** True when the pager wants acknowledge and resolve messages after a trigger (PagerDuty does). */
	default boolean followsUp() {
		return true;
	}
}
