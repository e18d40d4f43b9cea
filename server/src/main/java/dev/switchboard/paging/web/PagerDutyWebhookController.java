package dev.switchboard.paging.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.paging.Acknowledgements;
import dev.switchboard.paging.PagingProperties;
import dev.switchboard.paging.internal.PagerDutySignatures;

/**
 * PagerDuty webhooks v3 in: the signature is checked on the raw body before anything is read; a bad
 * or missing one is 401 and nothing is recorded. {@code incident.acknowledged} and
 * {@code incident.resolved} on one of our pages (matched by dedup key, PagerDuty's
 * {@code incident_key}) are that person's acknowledgement; anything else is accepted and ignored.
 */
@RestController
@Hidden // PagerDuty's webhook receiver, authenticated by its signature: not part of the client API
class PagerDutyWebhookController {

	private static final Logger log = LoggerFactory.getLogger(PagerDutyWebhookController.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PagerDutySignatures signatures;

	private final Acknowledgements acknowledgements;

	PagerDutyWebhookController(PagingProperties properties, Acknowledgements acknowledgements) {
		this.signatures = new PagerDutySignatures(properties.pagerduty().webhookSecrets());
		this.acknowledgements = acknowledgements;
	}

	@PostMapping("/pagerduty/webhooks")
	ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-PagerDuty-Signature", required = false) String signature) {
		byte[] raw = body == null ? new byte[0] : body;
		if (!signatures.valid(raw, signature)) {
			log.warn("PagerDuty webhook refused: {} signature", signature == null ? "no" : "a bad");
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"missing or invalid X-PagerDuty-Signature");
			problem.setTitle("Signature required");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		JsonNode event;
		try {
			event = JSON.readTree(raw).path("event");
		}
		catch (RuntimeException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", "not a JSON webhook payload"));
		}
		String type = event.path("event_type").asString("");
		if (!type.equals("incident.acknowledged") && !type.equals("incident.resolved")) {
			return ResponseEntity.ok(Map.of("ignored", "event type '" + type + "' is not an acknowledgement"));
		}
		String dedupKey = event.path("data").path("incident_key").asString(null);
		JsonNode agent = event.path("agent");
		String agentId = agent.path("id").asString(null);
		String email = agent.path("email").asString(null);
		if (dedupKey == null) {
			return ResponseEntity.ok(Map.of("ignored", "no incident_key"));
		}
		var ack = acknowledgements.fromPagerDuty(dedupKey, agentId, email, type.substring("incident.".length()));
		if (ack.isEmpty()) {
			log.info("PagerDuty {} for {} ignored: no page of ours has this dedup key", type, dedupKey);
			return ResponseEntity.ok(Map.of("ignored", "no page with this dedup key"));
		}
		return ResponseEntity.ok(Map.of("incident", ack.get().incident().humanId(), "person", ack.get().person(),
				"acknowledged", ack.get().principals(), "already", ack.get().already()));
	}
}
