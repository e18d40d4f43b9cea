package dev.switchboard.paging.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.paging.Outcome;
import dev.switchboard.paging.PageMessage;
import dev.switchboard.paging.PagingProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed outbound webhook over real HTTP, checked by a receiver that verifies the signature the
 * way the README tells integrators to: HMAC-SHA256 over {@code v0:timestamp:body}, constant time.
 */
class SignedWebhookTests {

	private static final String SECRET = "webhook-secret";

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private static HttpServer receiver;

	private static final Deque<Integer> answers = new ArrayDeque<>();

	private static final Deque<Boolean> verified = new ArrayDeque<>();

	@BeforeAll
	static void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/page", exchange -> {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				String timestamp = exchange.getRequestHeaders().getFirst("X-Switchboard-Request-Timestamp");
				String signature = exchange.getRequestHeaders().getFirst("X-Switchboard-Signature");
				synchronized (answers) {
					verified.add(valid(timestamp, body, signature));
					int status = answers.isEmpty() ? 204 : answers.poll();
					exchange.sendResponseHeaders(status, -1);
				}
			}
		});
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop(0);
	}

	@Test
	void signsEachPageSoTheReceiverCanVerifyItAndSortsAnswersIntoDeliveredRetryRefused() {
		SignedWebhook webhook = webhook(SECRET);
		synchronized (answers) {
			answers.addAll(List.of(204, 503, 401));
		}
		assertThat(webhook.send(message()).kind()).isEqualTo(Outcome.Kind.DELIVERED);
		assertThat(webhook.send(message()).kind()).isEqualTo(Outcome.Kind.RETRY);
		Outcome refused = webhook.send(message());
		assertThat(refused.kind()).isEqualTo(Outcome.Kind.REFUSED);
		assertThat(refused.detail()).contains("401");
		assertThat(verified).containsExactly(true, true, true);
	}

	@Test
	void aReceiverWithAnotherSecretSeesAForgery() {
		verified.clear();
		webhook("not-the-receivers-secret").send(message());
		assertThat(verified).containsExactly(false);
	}

	private static SignedWebhook webhook(String secret) {
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/page";
		PagingProperties properties = new PagingProperties(null,
				new PagingProperties.PagerDuty(null, null, List.of(), Duration.ofSeconds(2)),
				new PagingProperties.Webhook(url, secret, Duration.ofSeconds(2)),
				new PagingProperties.Retry(Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofHours(1)),
				new PagingProperties.Slack(false), Duration.ofSeconds(2));
		return new SignedWebhook(properties, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static PageMessage message() {
		return new PageMessage("trigger", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/page",
				"switchboard/INC-7/comms", "INC-7", "sev2", "Provider outage", "ai-outage", "triage", "invoice-extraction",
				"comms", List.of("emma-dubois"), null, false);
	}

	private static boolean valid(String timestamp, byte[] body, String signature) {
		try {
			if (timestamp == null || signature == null || !signature.startsWith("v0=")
					|| Math.abs(Long.parseLong(timestamp) - NOW.getEpochSecond()) > 300) {
				return false;
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(3)));
		}
		catch (Exception ex) {
			return false;
		}
	}
}
