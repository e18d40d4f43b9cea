package dev.switchboard.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import dev.switchboard.conversation.RouteAlertReplies;
import dev.switchboard.golden.health.RouteAlert;

/** Tells a route's owning team in its channel when the route-health canary raises or clears its alert. */
class SlackRouteAlerts {

	private static final Logger log = LoggerFactory.getLogger(SlackRouteAlerts.class);

	private final RouteAlertReplies alerts;

	private final SlackReplies replies;

	private final Executor workers;

	SlackRouteAlerts(RouteAlertReplies alerts, SlackReplies replies, Executor workers) {
		this.alerts = alerts;
		this.replies = replies;
		this.workers = workers;
	}

	@EventListener
	void raised(RouteAlert.Raised event) {
		post(event.alert(), () -> alerts.raised(event.alert()));
	}

	@EventListener
	void cleared(RouteAlert.Cleared event) {
		post(event.alert(), () -> alerts.cleared(event));
	}

	private void post(RouteAlert alert, java.util.function.Supplier<dev.switchboard.conversation.Reply> reply) {
		String channel = alerts.channelOf(alert);
		if (channel == null) {
			log.warn("route {}: team {} has no channel in ownership.yaml; its route-health alert is not posted", alert.route(),
					alert.team());
			return;
		}
		try {
			workers.execute(() -> {
				try {
					replies.post(channel, null, reply.get());
				}
				catch (RuntimeException ex) {
					log.error("could not post the route-health alert of {} to {}", alert.route(), channel, ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.warn("Slack workers are saturated; the route-health alert of {} was not posted", alert.route());
		}
	}
}
