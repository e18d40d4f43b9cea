package dev.switchboard.console;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.ownership.Person;
import dev.switchboard.system.ApiCaller;

/**
 * Who is looking: with OpenID Connect configured, the signed-in person whose (verified) email is a
 * person's email in ownership.yaml; otherwise the caller the REST API would see ({@link ApiCaller}: the
 * local operator on loopback, or a bearer token). Anyone else is refused every page.
 */
@Component
class ConsoleViewers {

	private final CatalogRegistry catalogs;

	private final ApiCaller api;

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	ConsoleViewers(CatalogRegistry catalogs, ApiCaller api, ObjectProvider<ClientRegistrationRepository> oidc) {
		this.catalogs = catalogs;
		this.api = api;
		this.oidc = oidc;
	}

	Viewer of(HttpServletRequest request) {
		var ownership = catalogs.current().ownership();
		if (oidc.getIfAvailable() != null) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
				throw new NotAPersonException("Sign in first.");
			}
			String email = user.getEmail();
			if (email == null || Boolean.FALSE.equals(user.getEmailVerified())) {
				throw new NotAPersonException("Your identity provider gave no verified email, so Switchboard cannot tell "
						+ "who you are in ownership.yaml.");
			}
			Optional<Person> person = ownership.people()
				.stream()
				.filter(p -> p.email() != null && p.email().equalsIgnoreCase(email))
				.findFirst();
			return new Viewer(person.orElseThrow(() -> new NotAPersonException(
					"You (" + email + ") are not in ownership.yaml. Ask its owners to add you under people: with this email.")),
					true);
		}
		return api.personOf(request)
			.flatMap(ownership::person)
			.map(p -> new Viewer(p, false))
			.orElseThrow(() -> new NotAPersonException("The console serves the local operator on this machine, or "
					+ "people who sign in when OpenID Connect is configured; this request is neither."));
	}
}
