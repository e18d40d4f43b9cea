package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.slack.api.app_backend.SlackSignature;

class SlackSignatureCheckTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final SlackSignatureCheck check = new SlackSignatureCheck("s3cret", Clock.fixed(NOW, ZoneOffset.UTC),
			Duration.ofMinutes(5));

	@Test
	void agreesWithSlacksOwnSigner() {
		String body = "command=%2Fincident&text=ai-outage";
		String ts = String.valueOf(NOW.getEpochSecond());
		String slack = new SlackSignature.Generator("s3cret").generate(ts, body);
		assertThat(check.sign(ts, bytes(body))).isEqualTo(slack);
		assertThat(check.check(ts, slack, bytes(body))).isEqualTo(SlackSignatureCheck.Verdict.VALID);
	}

	@Test
	void signsTheRawBytesSoNonAsciiBodiesVerify() {
		String body = "text=r%C3%A9sum%C3%A9 caf\u00e9";
		String ts = String.valueOf(NOW.getEpochSecond());
		assertThat(check.check(ts, check.sign(ts, bytes(body)), bytes(body))).isEqualTo(SlackSignatureCheck.Verdict.VALID);
	}

	@Test
	void refusesTimestampsOutsideTheWindowOnBothSides() {
		byte[] body = bytes("a=b");
		for (long skew : new long[] { -301, 301, -86_400, 86_400 }) {
			String ts = String.valueOf(NOW.getEpochSecond() + skew);
			assertThat(check.check(ts, check.sign(ts, body), body)).as("skew %d s", skew)
				.isEqualTo(SlackSignatureCheck.Verdict.STALE_OR_FUTURE);
		}
		for (long skew : new long[] { -300, 300 }) {
			String ts = String.valueOf(NOW.getEpochSecond() + skew);
			assertThat(check.check(ts, check.sign(ts, body), body)).isEqualTo(SlackSignatureCheck.Verdict.VALID);
		}
	}

	@Test
	void refusesMissingUnreadableAndWrongValues() {
		byte[] body = bytes("a=b");
		String ts = String.valueOf(NOW.getEpochSecond());
		assertThat(check.check(null, "v0=00", body)).isEqualTo(SlackSignatureCheck.Verdict.MISSING_HEADERS);
		assertThat(check.check(ts, null, body)).isEqualTo(SlackSignatureCheck.Verdict.MISSING_HEADERS);
		assertThat(check.check("1e9", "v0=00", body)).isEqualTo(SlackSignatureCheck.Verdict.BAD_TIMESTAMP);
		assertThat(check.check(ts, check.sign(ts, body).toUpperCase(), body)).isEqualTo(SlackSignatureCheck.Verdict.BAD_SIGNATURE);
		assertThat(check.check(ts, check.sign(ts, body), bytes("a=c"))).isEqualTo(SlackSignatureCheck.Verdict.BAD_SIGNATURE);
		assertThat(check.check(ts, "v1" + check.sign(ts, body).substring(2), body)).isEqualTo(SlackSignatureCheck.Verdict.BAD_SIGNATURE);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
