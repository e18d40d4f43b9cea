package dev.switchboard.gateway;

/** A gateway call that failed, timed out, or was refused; the message is safe to show in chat. */
public class GatewayException extends RuntimeException {

	public enum Reason {
		UNREACHABLE, TIMEOUT, UNAUTHORIZED, REJECTED, UNSUPPORTED, UNKNOWN_ROUTE, UNKNOWN_TARGET, DRIFT, STALE_PLAN
	}

	private final Reason reason;

	public GatewayException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public GatewayException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
