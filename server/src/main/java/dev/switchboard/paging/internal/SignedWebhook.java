package dev.switchboard.paging.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.paging.Outcome;
import dev.switchboard.paging.PageMessage;
import dev.switchboard.paging.PageTarget;
import dev.switchboard.paging.Pager;
import dev.switchboard.paging.PagingProperties;

/**
 * A signed outbound webhook for any other pager (Opsgenie, GoAlert, an SMS gateway): one JSON POST
 * per trigger, acknowledge and resolve, signed like Slack signs its requests:
 * {@code X-Switchboard-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))} with
 * {@code X-Switchboard-Request-Timestamp} (Unix seconds), so the receiver can refuse forgeries and replays.
 * 2xx is accepted; 429, 5xx and timeouts are retried; any other answer is a configuration error.
 */
@Component
class SignedWebhook implements Pager {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PagingProperties.Webhook properties;

	private final Clock clock;

	private final HttpClient http;

	SignedWebhook(PagingProperties properties, Clock clock) {
		this.properties = properties.webhook();
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public boolean configured() {
		return properties.url() != null && !properties.url().isBlank();
	}

	@Override
	public List<String> addresses(PageTarget target) {
		return configured() ? List.of(properties.url().trim()) : List.of();
	}

	@Override
	public Outcome send(PageMessage message) {
		if (properties.secret() == null || properties.secret().isBlank()) {
			return Outcome.refused(0, "switchboard.paging.webhook.secret is not set: webhook pages are signed, never sent unsigned");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event_action", message.action());
		body.put("dedup_key", message.dedupKey());
		body.put("incident", message.incident());
		body.put("severity", message.severity());
		body.put("summary", message.summary());
		body.put("runbook", message.runbook());
		body.put("step", message.step());
		body.put("service", message.service());
		body.put("principal", message.principal());
		body.put("people", message.people());
		body.put("link", message.link());
		body.put("drill", message.drill());
		String json = JSON.writeValueAsString(body);
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(message.address()))
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.header("X-Switchboard-Request-Timestamp", timestamp)
			.header("X-Switchboard-Signature", "v0=" + sign(properties.secret(), timestamp, json))
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return Outcome.delivered(status, "accepted (" + status + ")");
			}
			if (status == 429 || status >= 500) {
				return Outcome.retry(status, "the webhook answered " + status);
			}
			return Outcome.refused(status, "the webhook answered " + status + ": check its URL and secret");
		}
		catch (HttpTimeoutException ex) {
			return Outcome.retry(0, "the webhook did not answer within " + properties.timeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			return Outcome.retry(0, "the webhook is unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.retry(0, "interrupted while calling the webhook");
		}
	}

	/** hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)). */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}
}
