package dev.switchboard.console;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own filter chain, for the console's paths only (the REST API's security is not
 * here). CSRF tokens on every form in both modes: on loopback the browser's requests act as the
 * local operator, so a page from another site must not be able to post as them. With an OpenID
 * Connect client registration ({@code spring.security.oauth2.client.registration.*}) every page needs
 * sign-in and the person is matched to ownership.yaml by email ({@link ConsoleViewers}); without
 * one the console serves the local operator on loopback and nobody else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

	/** Every path the console serves (its static files under {@code /console/}). */
	static final String[] PATHS = { "/", "/incidents", "/incidents/**", "/runbooks", "/runbooks/**", "/who",
			"/gateway", "/drills", "/drills/**", "/console/**", "/login", "/login/**", "/oauth2/**", "/logout" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc)
			throws Exception {
		http.securityMatcher(PATHS).csrf(Customizer.withDefaults());
		if (oidc.getIfAvailable() != null) {
			http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/console/**")
				.permitAll()
				.anyRequest()
				.authenticated())
				.oauth2Login(Customizer.withDefaults())
				.logout(l -> l.logoutSuccessUrl("/"));
		}
		else {
			// Each page resolves the local operator itself (ConsoleViewers) and refuses anyone else.
			http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
		}
		return http.build();
	}
}
