package dev.switchboard.system;

/** A request without valid credentials; mapped to 401 problem+json. */
public class UnauthenticatedException extends RuntimeException {

	public UnauthenticatedException() {
		super("send 'Authorization: Bearer <token>' with the token bound to your person in ownership.yaml");
	}
}
