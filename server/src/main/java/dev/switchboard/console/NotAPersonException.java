package dev.switchboard.console;

/** The caller is not a person in ownership.yaml (or not signed in): the console shows them nothing. */
class NotAPersonException extends RuntimeException {

	NotAPersonException(String message) {
		super(message);
	}
}
