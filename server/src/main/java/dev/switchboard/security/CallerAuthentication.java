package dev.switchboard.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated caller of the API: the person id a bearer token is bound to, or the local
 * operator. Authenticated is not authorized: {@link PersonInOwnership} still checks that the person
 * is in ownership.yaml now.
 *
 * @param how {@code token} or {@code local-operator}, for logs and refusals
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final String person;

	private final String how;

	CallerAuthentication(String person, String how) {
		super(List.of());
		this.person = person;
		this.how = how;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return person;
	}

	String person() {
		return person;
	}

	String how() {
		return how;
	}
}
