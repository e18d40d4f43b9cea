package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SlackClickPayloadsTests {

	private final SlackClickPayloads payloads = new SlackClickPayloads();

	private static String form(String json) {
		return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	@Test
	void readsABlockActionsPayload() {
		var click = payloads.blockActions(form("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},"
				+ "\"actions\":[{\"action_id\":\"choose/7/triage/1\",\"block_id\":\"b1\",\"type\":\"button\"}]}"));
		assertThat(click).hasValueSatisfying(p -> {
			assertThat(p.getType()).isEqualTo("block_actions");
			assertThat(p.getUser().getId()).isEqualTo("U1");
			assertThat(p.getActions()).singleElement().satisfies(a -> assertThat(a.getActionId()).isEqualTo("choose/7/triage/1"));
		});
	}

	@Test
	void leavesEverythingElseToBolt() {
		assertThat(payloads.blockActions("command=%2Fincident&text=help")).isEmpty();
		assertThat(payloads.blockActions(form("{\"type\":\"view_submission\",\"view\":{}}"))).isEmpty();
		assertThat(payloads.blockActions(form("{\"no\":\"type\"}"))).as("the payload class defaults its type").isEmpty();
		assertThat(payloads.blockActions(form("{not json"))).isEmpty();
		assertThat(payloads.blockActions(form("[1, 2, 3]"))).isEmpty();
		assertThat(payloads.blockActions(form("{\"type\":\"block_actions\",\"actions\":7}"))).isEmpty();
		assertThat(payloads.blockActions(form("{\"type\":\"block_actions\",\"actions\":[7]}"))).isEmpty();
		assertThat(payloads.blockActions(form("{\"type\":\"block_actions\",\"user\":\"U1\",\"actions\":[]}"))).isEmpty();
		assertThat(payloads.blockActions("payload=%zz")).isEmpty();
	}
}
