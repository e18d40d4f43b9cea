package dev.switchboard.discord;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code switchboard.discord.token} has a value. A plain {@code @ConditionalOnProperty}
 * would match the empty default that {@code application.properties} gives it from an unset
 * {@code DISCORD_BOT_TOKEN}, and start a bot without a token.
 */
class DiscordConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String token = context.getEnvironment().getProperty("switchboard.discord.token");
		return token != null && !token.isBlank() ? ConditionOutcome.match("switchboard.discord.token is set")
				: ConditionOutcome.noMatch("switchboard.discord.token (env DISCORD_BOT_TOKEN) is not set");
	}
}
