package dev.switchboard.discord;

import java.util.Optional;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.ownership.Person;

/**
 * Discord interactions in the conversation's terms: who (the member's person in ownership.yaml,
 * matched on {@code discord:}, or nobody), where (the channel or thread, and the incident living
 * there), and the request's idempotency key, stored by the engine so that an interaction applied
 * once is never applied again.
 */
final class DiscordEventMapper {

	static final String PLATFORM = "discord";

	private final CatalogRegistry catalogs;

	private final Incidents incidents;

	DiscordEventMapper(CatalogRegistry catalogs, Incidents incidents) {
		this.catalogs = catalogs;
		this.incidents = incidents;
	}

	/**
	 * A slash command's key: its interaction id, unique per invocation. A replayed
	 * INTERACTION_CREATE (a resumed gateway session, a second process on the token) carries the
	 * same id, so it applies once.
	 */
	static String commandKey(String guild, String interactionId) {
		return "discord:" + (guild == null ? "-" : guild) + ":command:" + interactionId;
	}

	/**
	 * A click's key. Not the interaction id alone: a double click is two interactions with two
	 * ids. The key names the button as rendered: the message, its last edit (every re-render is a
	 * new edit) and the custom id. Two clicks on one rendering apply once, whoever clicks, and a
	 * replayed interaction is the same rendering; after the message is re-rendered (an action
	 * finished, the step changed) a click is a new request, so an action that failed can be run
	 * again.
	 */
	static String clickKey(String guild, String messageId, long renderedAt, String customId) {
		return "discord:" + (guild == null ? "-" : guild) + ":click:" + messageId + ":" + renderedAt + ":" + customId;
	}

	/** The conversation context of {@code discordUser} in {@code channel} (a thread is a channel too). */
	ChatContext context(String discordUser, String userName, String channel, String requestKey) {
		String person = person(discordUser).map(Person::id).orElse(null);
		Long incident = channel == null ? null : incidents.inChannel(PLATFORM, channel).map(Incident::id).orElse(null);
		return new ChatContext(person, userName == null ? discordUser : userName, PLATFORM, channel, incident, requestKey);
	}

	/** A context that may read but not act: what the bot itself uses to render an incident's status or step. */
	static ChatContext reader(String channel, Long incident) {
		return new ChatContext(null, "switchboard", PLATFORM, channel, incident, null);
	}

	Optional<Person> person(String discordUser) {
		return discordUser == null ? Optional.empty()
				: catalogs.current().ownership().people().stream().filter(p -> discordUser.equals(p.discord())).findFirst();
	}

	/** The person's Discord user id, when ownership.yaml gives one that is a snowflake. */
	Optional<String> discordIdOf(String personId) {
		return catalogs.current().ownership().person(personId).map(Person::discord).filter(s -> s != null && s.matches("[0-9]{5,20}"));
	}
}
