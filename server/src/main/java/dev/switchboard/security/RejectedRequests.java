package dev.switchboard.security;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Requests refused for their shape ({@code %2F} or {@code %5C} in the path, {@code ..;}, a
 * non-printable character): answered as problem+json with code {@code MALFORMED_REQUEST} like every
 * other refusal, instead of Tomcat's HTML error page. Tomcat passes encoded slashes through
 * undecoded so that Spring Security's firewall, which rejects them as it always did, sees them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RejectedRequests {

	@Bean
	WebSecurityCustomizer problemForRejectedRequests() {
		ProblemResponses problems = new ProblemResponses();
		return web -> web.requestRejectedHandler((request, response, ex) -> problems.malformed(response, ex.getMessage()));
	}

	@Bean
	@ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
	TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
		return connector -> {
			connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
			connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
		};
	}
}
