package dev.switchboard.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class DiscordPropertiesTests {

	@Test
	void startsTheBotOnlyWhenATokenIsSet() {
		WebApplicationContextRunner runner = new WebApplicationContextRunner().withUserConfiguration(OnlyWithToken.class,
				DiscordConfiguration.class);
		// the empty value application.properties gives an unset DISCORD_BOT_TOKEN
		runner.withPropertyValues("switchboard.discord.token=").run(ctx -> {
			assertThat(ctx).hasNotFailed().doesNotHaveBean(DiscordBot.class).doesNotHaveBean("marker");
		});
		runner.withPropertyValues("switchboard.discord.token=  ").run(ctx -> assertThat(ctx).doesNotHaveBean("marker"));
		new WebApplicationContextRunner().withUserConfiguration(OnlyWithToken.class)
			.withPropertyValues("switchboard.discord.token=abc")
			.run(ctx -> assertThat(ctx).hasBean("marker"));
	}

	@Test
	void refusesAServerOrCategoryThatIsNotAnId() {
		assertThatThrownBy(() -> properties("my-server", null, "inc")).hasMessageContaining("switchboard.discord.guild");
		assertThatThrownBy(() -> properties(null, "incidents", "inc")).hasMessageContaining("switchboard.discord.category");
		assertThatThrownBy(() -> properties(null, null, "Incidents!")).hasMessageContaining("channel-prefix");
		assertThat(properties(" 123456789012345678 ", "", "inc").guild()).isEqualTo("123456789012345678");
	}

	private static DiscordProperties properties(String guild, String category, String prefix) {
		return new DiscordProperties("token", guild, DiscordProperties.Home.CHANNEL, category, prefix, null,
				"https://discord.com/api/v10/", "wss://gateway.discord.gg/", Duration.ofSeconds(30), 4, 500, Duration.ofMinutes(5));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DiscordConfigured.class)
	static class OnlyWithToken {

		@Bean
		String marker() {
			return "on";
		}
	}
}
