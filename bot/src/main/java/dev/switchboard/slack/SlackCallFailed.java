package dev.switchboard.slack;

/**
 * A Web API call that did not succeed after its retries, or failed in a way retrying cannot fix
 * ({@code channel_not_found}, {@code missing_scope}, …). The incident and its timeline are
 * already stored when this is thrown: only the Slack message is missing.
 */
class SlackCallFailed extends RuntimeException {

	private final String method;

	private final String error;

	private final int attempts;

	SlackCallFailed(String method, String error, int attempts, Throwable cause) {
		super(method + " failed: " + error + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"), cause);
		this.method = method;
		this.error = error;
		this.attempts = attempts;
	}

	String method() {
		return method;
	}

	String error() {
		return error;
	}

	int attempts() {
		return attempts;
	}
}
