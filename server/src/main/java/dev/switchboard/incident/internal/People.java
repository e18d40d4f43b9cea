package dev.switchboard.incident.internal;

import dev.switchboard.ownership.Ownership;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.IncidentException;

/** Acting is only for people in ownership.yaml. */
public final class People {

	private People() {
	}

	public static void requirePerson(Ownership ownership, Actor actor) {
		if (actor != Actor.SWITCHBOARD && ownership.person(actor.personId()).isEmpty()) {
			throw new IncidentException(IncidentException.Code.UNKNOWN_PERSON, "'" + actor.personId()
					+ "' is not a person in ownership.yaml; ask the file's owners to add you (people: id, name, chat ids)");
		}
	}
}
