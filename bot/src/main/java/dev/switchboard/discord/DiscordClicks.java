package dev.switchboard.discord;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.incident.Incidents;
import dev.switchboard.runbook.Step;

/**
 * Button clicks: acknowledged at once ({@code deferEdit}, no visible change), then run on a
 * Discord worker. A choice, a step back or an approval turns the clicked message into a record of
 * the decision, without its buttons, and posts the new step below it; an action (and Roll back,
 * Renew) re-renders the clicked message in place with its outcome. Refusals (a finished step,
 * someone not in ownership.yaml, a repeated click) go only to the person who clicked.
 */
class DiscordClicks {

	private static final Logger log = LoggerFactory.getLogger(DiscordClicks.class);

	/** What one click is, read on JDA's event thread before the work is handed over. */
	record Click(String customId, String guild, String channel, String messageId, long renderedAt, String content,
			String label, String user, String userName, InteractionHook hook) {
	}

	private final Conversation conversation;

	private final DiscordEventMapper mapper;

	private final DiscordReplies replies;

	private final Incidents incidents;

	private final Executor workers;

	DiscordClicks(Conversation conversation, DiscordEventMapper mapper, DiscordReplies replies, Incidents incidents,
			Executor workers) {
		this.conversation = conversation;
		this.mapper = mapper;
		this.replies = replies;
		this.incidents = incidents;
		this.workers = workers;
	}

	/** JDA's event thread: acknowledge, hand over, return. */
	void handle(ButtonInteractionEvent event) {
		event.deferEdit().queue(null, failure -> log.warn("Could not acknowledge a click: {}", failure.getMessage()));
		OffsetDateTime edited = event.getMessage().getTimeEdited();
		Click click = new Click(event.getComponentId(), event.getGuild() == null ? null : event.getGuild().getId(),
				event.getChannel().getId(), event.getMessageId(),
				edited == null ? 0 : edited.toInstant().toEpochMilli(), event.getMessage().getContentRaw(),
				event.getButton().getLabel(), event.getUser().getId(), event.getUser().getName(), event.getHook());
		try {
			workers.execute(() -> run(click));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Discord workers are saturated; a click by {} was dropped", click.user());
			replies.privatelyLater(click.hook(), Reply.ephemeral("Switchboard is busy; nothing was done. Click again in a minute."));
		}
	}

	void run(Click c) {
		String action = DiscordCustomIds.decode(c.customId(), this::stepsOf);
		try {
			ChatContext chat = mapper.context(c.user(), c.userName(), c.channel(),
					DiscordEventMapper.clickKey(c.guild(), c.messageId(), c.renderedAt(), c.customId()));
			Reply reply = conversation.press(action, chat);
			if (reply.ephemeral()) {
				replies.privately(c.hook(), reply);
				return;
			}
			ActionId pressed = ActionId.decode(action).orElseThrow();
			DiscordMessage rendered = replies.render(reply);
			if (pressed.kind() == ActionId.Kind.RUN || pressed.kind() == ActionId.Kind.ROLLBACK
					|| pressed.kind() == ActionId.Kind.RENEW) {
				replaceClicked(c, rendered);
				return;
			}
			replaceClicked(c, decided(c, pressed));
			replies.post(c.channel(), rendered);
		}
		catch (DiscordCallFailed ex) {
			Long incident = ActionId.decode(action).map(ActionId::incidentId).orElse(null);
			replies.couldNotPost(ex, "the result of your click", incident, c.hook(), false);
		}
		catch (RuntimeException ex) {
			log.error("Discord click {} by {} failed", c.customId(), c.user(), ex);
			replies.privately(c.hook(), Reply.ephemeral(
					"Something went wrong on the Switchboard server; anything already recorded is kept. Error: " + ex.getClass().getSimpleName()));
		}
	}

	/** The clicked message as a record: its text kept, its buttons gone, who chose what added (named, not pinged). */
	static DiscordMessage decided(Click c, ActionId pressed) {
		String what = pressed.kind() == ActionId.Kind.BACK ? "-# :leftwards_arrow_with_hook: <@" + c.user() + "> went back"
				: "-# :white_check_mark: <@" + c.user() + "> chose **" + DiscordRenderer.neutral(c.label()) + "**";
		String kept = c.content() == null ? "" : c.content();
		int room = DiscordRenderer.CONTENT_CHARS - what.length() - 1;
		return new DiscordMessage(DiscordRenderer.clip(kept, Math.max(1, room)) + "\n" + what, List.of(), java.util.Set.of());
	}

	/** Edits the message the button is on, through the interaction (no channel permission needed). */
	private static void replaceClicked(Click c, DiscordMessage message) {
		try {
			c.hook().editOriginal(message.edit()).timeout(30, TimeUnit.SECONDS).complete();
		}
		catch (RuntimeException ex) {
			throw new DiscordCallFailed("edit the clicked message", String.valueOf(ex.getMessage()), ex);
		}
	}

	private List<String> stepsOf(long incident) {
		try {
			return incidents.state(incident).runbook().steps().stream().map(Step::id).toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}
}
