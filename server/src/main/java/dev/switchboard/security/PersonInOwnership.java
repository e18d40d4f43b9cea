package dev.switchboard.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import dev.switchboard.catalog.CatalogRegistry;

/**
 * Grants a request whose caller is a person in the ownership.yaml served <em>now</em>: the file
 * reloads while the server runs, so removing someone revokes their token at once (reads too).
 */
final class PersonInOwnership implements AuthorizationManager<RequestAuthorizationContext> {

	private final CatalogRegistry catalogs;

	PersonInOwnership(CatalogRegistry catalogs) {
		this.catalogs = catalogs;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof CallerAuthentication caller
				&& catalogs.current().ownership().person(caller.person()).isPresent());
	}
}
