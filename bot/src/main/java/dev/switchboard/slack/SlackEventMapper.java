package dev.switchboard.slack;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.ownership.Person;

/**
 * Slack requests in the conversation's terms: who (the Slack user's person in ownership.yaml,
 * or nobody), where (the channel and the incident living there), and the request's idempotency
 * key, stored by the engine so that a request applied once is never applied again.
 */
final class SlackEventMapper {

	static final String PLATFORM = "slack";

	private final CatalogRegistry catalogs;

	private final Incidents incidents;

	SlackEventMapper(CatalogRegistry catalogs, Incidents incidents) {
		this.catalogs = catalogs;
		this.incidents = incidents;
	}

	/**
	 * A slash command's key: its {@code trigger_id}, unique per invocation. Slack's retries and a
	 * replayed copy of the same request carry the same one, so they apply once.
	 */
	static String commandKey(SlashCommandPayload p) {
		return p.getTriggerId() == null || p.getTriggerId().isBlank() ? null
				: "slack:" + p.getTeamId() + ":command:" + p.getTriggerId();
	}

	/**
	 * A click's key. Not {@code action_ts}: a double click is two requests with two action_ts.
	 * The key names the button as rendered: the message, the block (block ids are new on every
	 * render) and the action id. Two clicks on one rendering apply once, whoever clicks; after
	 * the message is re-rendered (an action finished, the step changed) a click is a new request,
	 * so an action that failed can be run again.
	 */
	static String clickKey(BlockActionPayload p, BlockActionPayload.Action action) {
		String channel = p.getContainer() != null && p.getContainer().getChannelId() != null ? p.getContainer().getChannelId()
				: p.getChannel() != null ? p.getChannel().getId() : "-";
		String message = p.getContainer() != null && p.getContainer().getMessageTs() != null ? p.getContainer().getMessageTs()
				: p.getMessage() != null ? p.getMessage().getTs() : null;
		if (message == null) {
			return null;
		}
		String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : "-";
		return "slack:" + team + ":click:" + channel + ":" + message + ":" + action.getBlockId() + ":" + action.getActionId();
	}

	/**
	 * The command's text as typed. Slack sends {@code &}, {@code <} and {@code >} in a slash
	 * command's text escaped ({@code &amp;} …); the conversation gets them back as typed, and the
	 * renderer escapes them again on the way out.
	 */
	static String commandText(SlashCommandPayload p) {
		String text = p.getText() == null ? "" : p.getText();
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	/** The conversation context of {@code slackUser} in {@code channel}. */
	ChatContext context(String slackUser, String channel, String requestKey) {
		String person = person(slackUser).map(Person::id).orElse(null);
		Long incident = channel == null ? null : incidents.inChannel(PLATFORM, channel).map(Incident::id).orElse(null);
		return new ChatContext(person, slackUser, PLATFORM, channel, incident, requestKey);
	}

	/** A context that may read but not act: what the bot itself uses to render an incident's status or step. */
	static ChatContext reader(String channel, Long incident) {
		return new ChatContext(null, "switchboard", PLATFORM, channel, incident, null);
	}

	Optional<Person> person(String slackUser) {
		return slackUser == null ? Optional.empty() : catalogs.current().ownership().personBySlackId(slackUser);
	}

	Optional<String> slackIdOf(String personId) {
		return catalogs.current().ownership().person(personId).map(Person::slack).filter(s -> !s.isBlank());
	}
}
