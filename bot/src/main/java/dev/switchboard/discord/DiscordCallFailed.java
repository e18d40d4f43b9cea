package dev.switchboard.discord;

/**
 * A Discord REST call that did not succeed within {@code switchboard.discord.request-timeout}
 * (JDA has already waited out any 429 it met) or was refused. Nothing of the incident is lost
 * with it: the engine wrote its change before anything was posted.
 */
class DiscordCallFailed extends RuntimeException {

	private final String what;

	DiscordCallFailed(String what, String reason, Throwable cause) {
		super(what + ": " + reason, cause);
		this.what = what;
	}

	String what() {
		return what;
	}

	String reason() {
		String message = getMessage();
		return message.substring(what.length() + 2);
	}
}
