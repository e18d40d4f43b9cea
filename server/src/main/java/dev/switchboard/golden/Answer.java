package dev.switchboard.golden;

/**
 * What a model answered to one case.
 *
 * @param content the assistant message's text (null when the reply had none)
 * @param latencyMillis from sending the request to reading the whole answer
 * @param completionTokens {@code usage.completion_tokens}, or null when the gateway did not say
 */
public record Answer(String content, long latencyMillis, Integer completionTokens) {

	/** A known-good answer as written in the file: content only, nothing measured. */
	static Answer reference(String text) {
		return new Answer(text, 0, null);
	}
}
