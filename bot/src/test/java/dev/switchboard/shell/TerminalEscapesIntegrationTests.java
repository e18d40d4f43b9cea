package dev.switchboard.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.switchboard.HttpApi;

/**
 * A note carrying terminal escape sequences and bidirectional overrides, written over HTTP by a
 * person in ownership.yaml, reaches the terminal chat as visible text, not as instructions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:terminal-escapes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.shell.interactive.enabled=false", "switchboard.catalog.runbooks=../runbooks",
		"switchboard.catalog.ownership=../ownership.yaml", "switchboard.api.local-operator=",
		"switchboard.api.tokens.grace-kim=" + TerminalEscapesIntegrationTests.GRACE })
class TerminalEscapesIntegrationTests {

	static final String GRACE = "grace-terminal-token";

	@LocalServerPort
	int port;

	@Autowired
	TerminalChat chat;

	@Test
	void controlAndBidiCharactersInANoteArePrintedAsVisibleCodes() {
		HttpApi api = new HttpApi(port);
		String id = api.post("/api/incidents", GRACE, HttpApi.json("runbook", "ai-outage")).json().get("id").asString();
		String hostile = "\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b[31mred\u001b[0m \u202Eevil\u202C \u2066x\u2069 \u009b1m\u200F bell\u0007 nul\u0000 del\u007f";
		assertThat(api.post("/api/incidents/" + id + "/notes", GRACE, HttpApi.json("text", hostile)).status()).isEqualTo(200);

		String timeline = chat.say("timeline " + id);
		assertThat(timeline).contains("<U+001B>[2J", "<U+202E>evil<U+202C>", "<U+0007>", "<U+009B>", "<U+200F>", "<U+0000>",
				"<U+007F>", "red");
		assertThat(timeline.chars().filter(c -> c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7F && c <= 0x9F))).count())
			.isZero();
		assertThat(timeline).doesNotContain("\u202E", "\u202C", "\u2066", "\u2069", "\u200F");
	}
}
