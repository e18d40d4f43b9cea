package dev.switchboard.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A bean of this type adds to the chain of {@code /api/**} and {@code /ofrep/**} (e.g. an OIDC
 * resource server beside the bearer tokens) without replacing it. Applied in bean order, after
 * Switchboard's own settings and before the chain is built.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

	void customize(HttpSecurity http) throws Exception;
}
