package dev.switchboard.gateway.litellm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayException.Reason;

class LiteLlmErrorsTests {

	private final LiteLlmHttp http = new LiteLlmHttp(new LiteLlmProperties(URI.create("http://127.0.0.1:1"),
			"sk-master-abcdef", null, null, null, null, null, null, null));

	@Test
	void readsTheProxyExceptionEnvelope() {
		GatewayException error = of(401, "{\"error\":{\"message\":\"Authentication Error, Received API Key = "
				+ "sk-master-abcdef\",\"type\":\"auth_error\",\"param\":\"None\",\"code\":\"401\"}}");

		assertThat(error.reason()).isEqualTo(Reason.UNAUTHORIZED);
		assertThat(error.getMessage()).contains("Authentication Error").doesNotContain("sk-master-abcdef");
	}

	@Test
	void readsTheFastApiEnvelopeInItsThreeShapes() {
		assertThat(of(404, "{\"detail\":\"Not Found\"}").reason()).isEqualTo(Reason.UNSUPPORTED);
		assertThat(of(500, "{\"detail\":{\"error\":\"No DB Connected\"}}").getMessage())
			.contains("STORE_MODEL_IN_DB=True");
		assertThat(of(422, "{\"detail\":[{\"loc\":[\"body\",\"model_id\"],\"msg\":\"Field required\"}]}").getMessage())
			.contains("Field required");
	}

	@Test
	void tellsToStoreAConfigFileModelInTheDatabase() {
		GatewayException error = of(400,
				"{\"detail\":{\"error\":\"Cannot edit config-based model. Store model in DB via /model/new first.\"}}");

		assertThat(error.reason()).isEqualTo(Reason.REJECTED);
		assertThat(error.getMessage()).contains("store the model in the DB");
	}

	@Test
	void recognisesTheSavedButNotLiveAnswer() {
		LiteLlmHttp.Reply reply = reply(500, "{\"detail\":{\"error\":\"Model update was saved to the database, but"
				+ " it is not live in this pod's router\"}}");

		assertThat(LiteLlmErrors.savedButNotLive(reply, http)).isTrue();
		assertThat(LiteLlmErrors.savedButNotLive(reply(500, "{\"detail\":\"boom\"}"), http)).isFalse();
	}

	@Test
	void fallsBackToTheRawBodyRedacted() {
		assertThat(of(502, "<html>bad gateway for https://x.example?key=SECRET</html>").getMessage())
			.contains("502")
			.doesNotContain("SECRET");
	}

	private GatewayException of(int status, String body) {
		return LiteLlmErrors.of(reply(status, body), "POST /model/new", http);
	}

	private static LiteLlmHttp.Reply reply(int status, String body) {
		return new LiteLlmHttp.Reply(status, Map.of("content-type", List.of("application/json")), parse(body), body);
	}

	private static tools.jackson.databind.JsonNode parse(String body) {
		try {
			return tools.jackson.databind.json.JsonMapper.shared().readTree(body);
		}
		catch (tools.jackson.core.JacksonException ex) {
			return tools.jackson.databind.node.MissingNode.getInstance();
		}
	}
}
