package dev.switchboard.console;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the console's tests: Spring Authorization Server (Boot's
 * auto-configuration: discovery, authorize, token, JWKS, userinfo, a login form) in this JVM on a
 * random port. Its users sign in with password {@value #PASSWORD}; their ID tokens carry the email
 * given here, which the console matches against ownership.yaml.
 */
final class OpenIdProvider implements AutoCloseable {

	static final String PASSWORD = "correct-horse";

	static final String CLIENT_ID = "switchboard-console";

	static final String CLIENT_SECRET = "console-secret-" + UUID.randomUUID();

	/** Login name → email: three people from ownership.yaml and one stranger. */
	static final Map<String, String> USERS = Map.of("priya", "priya.natarajan@ledgerly.io", "amelie",
			"amelie.laurent@ledgerly.io", "tomasz", "tomasz.nowak@ledgerly.io", "mallory", "mallory@example.com");

	private final ConfigurableApplicationContext context;

	private final Clients clients;

	private OpenIdProvider(ConfigurableApplicationContext context) {
		this.context = context;
		this.clients = context.getBean(Clients.class);
	}

	static OpenIdProvider start() {
		return new OpenIdProvider(new SpringApplicationBuilder(Provider.class).properties("server.port=0",
				"server.address=127.0.0.1", "spring.main.banner-mode=off",
				// both servers live on 127.0.0.1, and cookies do not tell ports apart
				"server.servlet.session.cookie.name=PROVIDER_SESSION",
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
			.run());
	}

	String issuer() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The console's redirect URI, known once the console listens. */
	void allowRedirect(String uri) {
		clients.redirectTo(uri);
	}

	@Override
	public void close() {
		context.close();
	}

	/** Holds the console's registration; its redirect URI is set once the console's port is known. */
	static final class Clients implements RegisteredClientRepository {

		private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

		private volatile String redirect = "http://127.0.0.1/not-yet";

		void redirectTo(String uri) {
			redirect = uri;
		}

		private RegisteredClient client() {
			return byId.computeIfAbsent("console", id -> RegisteredClient.withId(id)
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUri("http://127.0.0.1/placeholder")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.EMAIL)
				.scope(OidcScopes.PROFILE)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build());
		}

		private RegisteredClient current() {
			return RegisteredClient.from(client()).redirectUris(uris -> {
				uris.clear();
				uris.add(redirect);
			}).build();
		}

		@Override
		public void save(RegisteredClient registeredClient) {
			// The server updates the client it read (e.g. re-encoding its secret); keep it.
			byId.put(registeredClient.getId(), registeredClient);
		}

		@Override
		public RegisteredClient findById(String id) {
			return "console".equals(id) ? current() : null;
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return CLIENT_ID.equals(clientId) ? current() : null;
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Provider {

		@Bean
		Clients registeredClients() {
			return new Clients();
		}

		@Bean
		UserDetailsService users() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
			USERS.keySet()
				.forEach(name -> users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
			return users;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> emailClaim() {
			return context -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					context.getClaims().claim("email", USERS.get(context.getPrincipal().getName()));
					context.getClaims().claim("email_verified", true);
				}
			};
		}
	}
}
