package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class SlackPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Probe.class);

	@Test
	void startsNothingWithoutABotTokenEvenWhenTheVariableIsSetEmpty() {
		contexts.run(ctx -> assertThat(ctx).doesNotHaveBean("slackProbe"));
		contexts.withPropertyValues("switchboard.slack.bot-token=").run(ctx -> assertThat(ctx).doesNotHaveBean("slackProbe"));
		contexts.withPropertyValues("switchboard.slack.bot-token=  ").run(ctx -> assertThat(ctx).doesNotHaveBean("slackProbe"));
		contexts.withPropertyValues("switchboard.slack.bot-token=xoxb-1").run(ctx -> assertThat(ctx).hasBean("slackProbe"));
	}

	@Test
	void requiresTheSigningSecretInHttpModeAndTheAppTokenInSocketMode() {
		assertThatThrownBy(() -> properties("xoxb-1", null, null, SlackProperties.Transport.HTTP))
			.hasMessageContaining("SLACK_SIGNING_SECRET");
		assertThatThrownBy(() -> properties("xoxb-1", "secret", "", SlackProperties.Transport.SOCKET_MODE))
			.hasMessageContaining("SLACK_APP_TOKEN");
		assertThat(properties("xoxb-1", null, "xapp-1", SlackProperties.Transport.SOCKET_MODE).appToken()).isEqualTo("xapp-1");
		assertThat(properties(null, null, null, SlackProperties.Transport.HTTP).botToken()).isNull();
	}

	private static SlackProperties properties(String bot, String secret, String app, SlackProperties.Transport transport) {
		return new SlackProperties(bot, secret, app, transport, SlackProperties.Home.CHANNEL, "/incident", null,
				"https://sb.example.com/", "inc", false, Duration.ofSeconds(1), 4, Duration.ofSeconds(1),
				Duration.ofSeconds(30), Duration.ofSeconds(10), 8, 500, Duration.ofMinutes(5), Duration.ofMinutes(5));
	}

	@Test
	void dropsATrailingSlashFromThePublicUrl() {
		assertThat(properties(null, null, null, SlackProperties.Transport.HTTP).publicUrl()).isEqualTo("https://sb.example.com");
	}

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@Conditional(SlackConfigured.class)
		String slackProbe() {
			return "slack";
		}
	}
}
