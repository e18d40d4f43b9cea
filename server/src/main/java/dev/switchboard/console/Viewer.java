package dev.switchboard.console;

import dev.switchboard.ownership.Person;

/**
 * The person looking at a console page, always someone in ownership.yaml.
 * @param signedIn true when they signed in with OpenID Connect (they get a Sign out button)
 */
record Viewer(Person person, boolean signedIn) {

	String id() {
		return person.id();
	}
}
