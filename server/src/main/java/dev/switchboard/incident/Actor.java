package dev.switchboard.incident;

/** Who is acting: a person id from ownership.yaml, already authenticated by the edge (chat, REST, shell). */
public record Actor(String personId) {

	/** The bot itself, for events nobody typed (reminders, reconciliations). */
	public static final Actor SWITCHBOARD = new Actor("switchboard");

	public Actor {
		if (personId == null || personId.isBlank()) {
			throw new IllegalArgumentException("an actor needs a person id");
		}
	}
}
