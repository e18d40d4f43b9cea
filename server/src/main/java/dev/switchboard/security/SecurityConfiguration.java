package dev.switchboard.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.ApiProperties;
import dev.switchboard.system.LimitsProperties;

/**
 * Three filter chains, most specific first:
 * <ol>
 * <li>{@code /api/**} and {@code /ofrep/**}: a bearer token bound to a person, or the local
 * operator from loopback; the person must be in ownership.yaml now (401 without credentials, 403
 * for someone no longer there); reads too, unless {@code switchboard.api.public-read=true} opens
 * GETs to anyone. Extend it with an {@link ApiSecurityCustomizer} bean.</li>
 * <li>{@code /slack/**}: open here because Slack signs every request and the Slack endpoint
 * refuses any request whose signature does not check out.</li>
 * <li>everything else: health, info, metrics and the OpenAPI document open (probes, scrapers,
 * docs without data); any other path needs a person like the API.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private final ProblemResponses problems = new ProblemResponses();

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiCaller caller, CatalogRegistry catalogs, ApiProperties api,
			LimitsProperties limits, ObjectProvider<ApiSecurityCustomizer> customizers) throws Exception {
		stateless(http.securityMatcher("/api/**", "/ofrep/**"), caller);
		http.addFilterAfter(new RequestBodyLimit(limits.requestBody().toBytes(), problems), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> {
				if (api.publicRead()) {
					requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
					requests.requestMatchers(HttpMethod.HEAD, "/api/**").permitAll();
				}
				requests.anyRequest().access(new PersonInOwnership(catalogs));
			});
		for (ApiSecurityCustomizer customizer : customizers.orderedStream().toList()) {
			customizer.customize(http);
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain slackChain(HttpSecurity http) throws Exception {
		// Slack and PagerDuty webhooks carry no person: each request is authenticated by its signature.
		http.securityMatcher("/slack/**", "/pagerduty/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}

	/*
	 * Pages (the web console) belong in this chain, or in a chain of their own ordered before it with
	 * a securityMatcher for the page paths: that is where an OIDC login (oauth2Login, sessions, CSRF
	 * for forms) goes, so it never changes how the token-only API above answers. Until then a page
	 * path needs a person exactly like the API.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain defaultChain(HttpSecurity http, ApiCaller caller, CatalogRegistry catalogs) throws Exception {
		stateless(http, caller);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/metrics",
					"/actuator/metrics/**", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/schema/**")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.access(new PersonInOwnership(catalogs)));
		return http.build();
	}

	/**
	 * There are no passwords: people authenticate with bearer tokens (or as the local operator).
	 * Declared so Spring Boot does not create a user with a generated password.
	 */
	@Bean
	UserDetailsService noPasswordUsers() {
		return username -> {
			throw new UsernameNotFoundException("Switchboard has no password users");
		};
	}

	private void stateless(HttpSecurity http, ApiCaller caller) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new CallerFilter(caller, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDenied()));
	}
}
