package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactionTests {

	@Test
	void hidesKeysTokensAndCredentialsInUrls() {
		String raw = "{\"api_key\": \"sk-live-abcdef123456\", \"api_base\": \"https://user:pw@llm.example.com/v1?api-key=s3cret&x=1\"}"
				+ " Authorization: Bearer abc.def.ghi";

		String redacted = Redaction.text(raw);

		assertThat(redacted).doesNotContain("sk-live-abcdef123456", "user:pw", "s3cret", "abc.def.ghi")
			.contains("llm.example.com/v1")
			// every query value is masked, harmless-looking ones too: the names are provider-specific
			.contains("x=***");
	}

	@Test
	void masksQueryValuesAndUserInfoInUrls() {
		assertThat(Redaction.url("https://res.openai.azure.com/openai?api-version=2025-01&sig=abc123"))
			.isEqualTo("https://res.openai.azure.com/openai?api-version=***&sig=***");
		assertThat(Redaction.url("https://user:p4ss@proxy.example/v1")).isEqualTo("https://***@proxy.example/v1");
		assertThat(Redaction.url("https://api.anthropic.com")).isEqualTo("https://api.anthropic.com");
		assertThat(Redaction.url(null)).isNull();
	}

	@Test
	void masksKeysTokensAndUrlsInFreeText() {
		String text = "Invalid key. Received API Key = sk-live-abcdef123, Authorization: Bearer eyJhbGciOi.x.y"
				+ " calling https://x.example/v1?key=AIzaSECRET token=t0k3n";

		String redacted = Redaction.text(text);

		assertThat(redacted).doesNotContain("sk-live-abcdef123", "eyJhbGciOi", "AIzaSECRET", "t0k3n")
			.contains("https://x.example/v1?key=***")
			.contains("Invalid key.");
	}

	@Test
	void masksSecretFieldsInJsonButKeepsEnvironmentReferences() {
		JsonNode row = JsonMapper.builder().build().readTree("""
				{"litellm_params": {"model": "azure/gpt-4.1", "api_key": "abc-raw-key",
				 "aws_secret_access_key": "AKIA-SECRET", "vertex_credentials": "{json}",
				 "api_base": "https://r.example/openai?sig=SIGNED", "azure_ad_token": "os.environ/AZURE_TOKEN"},
				 "model_info": {"id": "m-1"}}""");

		String redacted = Redaction.json(row).toString();

		assertThat(redacted).doesNotContain("abc-raw-key", "AKIA-SECRET", "{json}", "SIGNED")
			.contains("\"model\":\"azure/gpt-4.1\"")
			.contains("os.environ/AZURE_TOKEN")
			.contains("\"id\":\"m-1\"");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(Redaction.text("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5"))
			.isEqualTo("invoice-extraction: openai/gpt-4.1 → anthropic/claude-sonnet-4-5");
	}
}
