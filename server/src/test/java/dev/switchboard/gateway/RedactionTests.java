package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTests {

	@Test
	void hidesKeysTokensAndCredentialsInUrls() {
		String raw = "{\"api_key\": \"sk-live-abcdef123456\", \"api_base\": \"https://user:pw@llm.example.com/v1?api-key=s3cret&x=1\"}"
				+ " Authorization: Bearer abc.def.ghi";

		String redacted = Redaction.text(raw);

		assertThat(redacted).doesNotContain("sk-live-abcdef123456", "user:pw", "s3cret", "abc.def.ghi")
			.contains("llm.example.com/v1")
			.contains("x=1");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(Redaction.text("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5"))
			.isEqualTo("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
	}
}
