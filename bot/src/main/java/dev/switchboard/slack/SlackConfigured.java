package dev.switchboard.slack;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code switchboard.slack.bot-token} has a value. A plain {@code @ConditionalOnProperty}
 * would match the empty default that {@code application.properties} gives it from an unset
 * {@code SLACK_BOT_TOKEN}, and start a Slack app without a token.
 */
class SlackConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String token = context.getEnvironment().getProperty("switchboard.slack.bot-token");
		return SlackProperties.configured(token) ? ConditionOutcome.match("switchboard.slack.bot-token is set")
				: ConditionOutcome.noMatch("switchboard.slack.bot-token (env SLACK_BOT_TOKEN) is not set");
	}
}
