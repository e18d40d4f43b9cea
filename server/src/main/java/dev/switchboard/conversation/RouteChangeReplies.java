package dev.switchboard.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.switchboard.conversation.Block.Button;
import dev.switchboard.conversation.Block.Style;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentState;
import dev.switchboard.incident.route.RouteChangeInEffect;
import dev.switchboard.incident.route.RouteChanges;
import dev.switchboard.incident.TimelineEvent;

/**
 * The route changes an incident made that are still in effect, under its status and its current
 * step: what each changed, when its lease reverts it, and its Roll back and Renew buttons (typed:
 * {@code rollback <route>}, {@code renew <route>}).
 */
@Component
class RouteChangeReplies {

	private final RouteChanges changes;

	private final Clock clock;

	RouteChangeReplies(RouteChanges changes, Clock clock) {
		this.changes = changes;
		this.clock = clock;
	}

	/** One line per change in effect, for the incident's status (the buttons go with the current step). */
	List<Block> lines(Incident incident) {
		return inEffect(incident).stream().filter(b -> b instanceof Block.Context).toList();
	}

	/** One line per change in effect and their Roll back and Renew buttons. */
	List<Block> inEffect(Incident incident) {
		List<RouteChangeInEffect> now = changes.inEffect(incident.id());
		if (now.isEmpty()) {
			return List.of();
		}
		List<Block> blocks = new ArrayList<>();
		List<Button> buttons = new ArrayList<>();
		for (RouteChangeInEffect c : now) {
			long minutes = Math.max(0, (Duration.between(clock.instant(), c.expiresAt()).toSeconds() + 59) / 60);
			blocks.add(new Block.Context("In effect: " + c.route() + " on " + name(c.now()) + " (was " + name(c.before())
					+ ", '" + c.kind() + "' by action " + c.action() + " of " + c.step() + "); reverts automatically in "
					+ minutes + " min unless renewed" + (c.reminded() ? " — renew it or roll it back now" : "")));
			String rollback = c.route() + ": " + name(c.now()) + " → " + name(c.before());
			buttons.add(new Button("Roll back " + rollback, "`rollback " + c.route() + "`",
					new ActionId(ActionId.Kind.ROLLBACK, incident.id(), c.step(), c.action()), Style.DANGER,
					"This changes production: " + rollback + " (the route as it was before this change). Roll back?"));
			buttons.add(new Button("Renew the lease of " + c.route(), "`renew " + c.route() + "`",
					new ActionId(ActionId.Kind.RENEW, incident.id(), c.step(), c.action()), Style.DEFAULT, null));
		}
		blocks.add(new Block.Buttons(buttons));
		return blocks;
	}

	/**
	 * The commander's notice when Switchboard could not revert an expired change (someone else changed the
	 * route, or the gateway failed): the latest revert, when it did not succeed.
	 */
	List<Block> revertNotice(IncidentState state) {
		TimelineEvent last = null;
		for (TimelineEvent e : state.timeline()) {
			if (e.detail("text") != null && e.detail("text").startsWith("gateway revert ")
					&& (e.type() == EventType.ACTION_SUCCEEDED || e.type() == EventType.ACTION_FAILED
							|| e.type() == EventType.ACTION_REFUSED)) {
				last = e;
			}
		}
		if (last == null || last.type() == EventType.ACTION_SUCCEEDED) {
			return List.of();
		}
		return List.of(new Block.Context("Commander " + state.incident().commander() + ": the automatic revert of "
				+ last.detail("route") + " did not happen — " + last.detail("result")));
	}

	/** The route of the change a Roll back or Renew button names, or empty when it is no longer in effect. */
	java.util.Optional<String> route(ActionId pressed) {
		return changes.inEffect(pressed.incidentId())
			.stream()
			.filter(c -> c.step().equals(pressed.step()) && c.action() == pressed.index())
			.map(RouteChangeInEffect::route)
			.reduce((a, b) -> b);
	}

	private static String name(String target) {
		return target == null ? "(disabled)" : target;
	}
}
