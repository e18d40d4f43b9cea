package dev.switchboard.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.conversation.ActionId;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;

/**
 * Button clicks ({@code block_actions}): acknowledged at once, then run on a Slack worker. A
 * choice (or a step back) turns the clicked message into a record of the decision, without its
 * buttons, and posts the new step below it; an action re-renders the clicked message in place
 * with the action's outcome. Refusals (a finished step, an unknown person, a repeated click) go
 * only to the person who clicked.
 */
class SlackClicks {

	private static final Logger log = LoggerFactory.getLogger(SlackClicks.class);

	private final Conversation conversation;

	private final SlackEventMapper mapper;

	private final SlackReplies replies;

	private final Executor workers;

	private final SlackClickOrigin origin;

	SlackClicks(Conversation conversation, SlackEventMapper mapper, SlackReplies replies, Executor workers,
			SlackClickOrigin origin) {
		this.conversation = conversation;
		this.mapper = mapper;
		this.replies = replies;
		this.workers = workers;
		this.origin = origin;
	}

	/** Bolt's handler (Socket Mode, and HTTP payloads {@link SlackClickPayloads} leaves to Bolt). */
	Response handle(BlockActionRequest request, ActionContext ctx) {
		return acknowledge(request.getPayload());
	}

	/** Only hands the work over and acknowledges: 200 with no body, or 503 when the workers are saturated. */
	Response acknowledge(BlockActionPayload p) {
		if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
			return Response.ok();
		}
		try {
			workers.execute(() -> run(p, p.getActions().get(0)));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Slack workers are saturated; a click by {} was dropped", p.getUser().getId());
			return Response.builder().statusCode(503).build();
		}
		return Response.ok();
	}

	void run(BlockActionPayload p, BlockActionPayload.Action action) {
		String user = p.getUser().getId();
		String channel = channel(p);
		ChatContext chat = null;
		try {
			chat = mapper.context(user, channel, SlackEventMapper.clickKey(p, action));
			Optional<String> misplaced = ActionId.decode(action.getActionId())
				.flatMap(id -> origin.refusal(p, id, channel, thread(p)));
			if (misplaced.isPresent()) {
				replies.ephemeral(p.getResponseUrl(), channel, user, Reply.ephemeral(misplaced.get()), false);
				return;
			}
			Reply reply = conversation.press(action.getActionId(), chat);
			if (reply.ephemeral()) {
				replies.ephemeral(p.getResponseUrl(), channel, user, reply, false);
				return;
			}
			ActionId pressed = ActionId.decode(action.getActionId()).orElseThrow();
			SlackMessage rendered = replies.render(reply);
			if (pressed.kind() == ActionId.Kind.RUN || pressed.kind() == ActionId.Kind.ROLLBACK
					|| pressed.kind() == ActionId.Kind.RENEW) {
				replaceClicked(p, channel, rendered);
				return;
			}
			replaceClicked(p, channel, decided(p, action, pressed));
			replies.post(channel, thread(p), rendered);
		}
		catch (SlackCallFailed ex) {
			Long incident = ActionId.decode(action.getActionId()).map(ActionId::incidentId).orElse(null);
			replies.couldNotPost(ex, "the result of your click", incident, p.getResponseUrl(), channel, user);
		}
		catch (RuntimeException ex) {
			log.error("Slack click {} by {} failed", action.getActionId(), user, ex);
			try {
				replies.ephemeral(p.getResponseUrl(), channel, user, Reply.ephemeral(
						"Something went wrong on the Switchboard server; anything already recorded is kept. Error: " + ex.getClass().getSimpleName()),
						false);
			}
			catch (SlackCallFailed notice) {
				log.error("…and the person who clicked could not be told: {}", notice.getMessage());
			}
		}
	}

	/** The clicked message as a record: its text kept, its buttons (and their hints) gone, who chose what added. */
	private static SlackMessage decided(BlockActionPayload p, BlockActionPayload.Action action, ActionId pressed) {
		List<LayoutBlock> kept = new ArrayList<>();
		List<LayoutBlock> old = p.getMessage() == null || p.getMessage().getBlocks() == null ? List.of() : p.getMessage().getBlocks();
		boolean afterActions = false;
		for (LayoutBlock block : old) {
			if (block instanceof ActionsBlock) {
				afterActions = true;
				continue;
			}
			if (afterActions && block instanceof ContextBlock) {
				continue; // the buttons' hints
			}
			afterActions = false;
			kept.add(block);
		}
		String label = action.getText() == null ? pressed.encode() : action.getText().getText();
		String what = pressed.kind() == ActionId.Kind.BACK ? ":leftwards_arrow_with_hook: <@" + p.getUser().getId() + "> went back"
				: ":white_check_mark: <@" + p.getUser().getId() + "> chose *" + SlackRenderer.escape(label) + "*";
		kept.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(what).build())).build());
		String text = p.getMessage() != null && p.getMessage().getText() != null ? p.getMessage().getText() : label;
		return new SlackMessage(kept, text);
	}

	private void replaceClicked(BlockActionPayload p, String channel, SlackMessage message) {
		boolean ephemeral = p.getContainer() != null && p.getContainer().isEphemeral();
		String ts = messageTs(p).orElse(null);
		if (ephemeral || ts == null) {
			if (p.getResponseUrl() != null) {
				replies.replaceByResponseUrl(p.getResponseUrl(), message);
			}
			return;
		}
		replies.update(channel, ts, message);
	}

	private static String channel(BlockActionPayload p) {
		if (p.getContainer() != null && p.getContainer().getChannelId() != null) {
			return p.getContainer().getChannelId();
		}
		return p.getChannel() == null ? null : p.getChannel().getId();
	}

	private static Optional<String> messageTs(BlockActionPayload p) {
		if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
			return Optional.of(p.getContainer().getMessageTs());
		}
		return Optional.ofNullable(p.getMessage() == null ? null : p.getMessage().getTs());
	}

	private static String thread(BlockActionPayload p) {
		if (p.getMessage() != null && p.getMessage().getThreadTs() != null) {
			return p.getMessage().getThreadTs();
		}
		return p.getContainer() == null ? null : p.getContainer().getThreadTs();
	}
}
