package dev.switchboard.paging.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.paging.Outcome;
import dev.switchboard.paging.PageMessage;
import dev.switchboard.paging.PageTarget;
import dev.switchboard.paging.Pager;
import dev.switchboard.paging.PagingProperties;

/**
 * PagerDuty Events API v2: {@code trigger} with a dedup key per incident and principal, then
 * {@code acknowledge} and {@code resolve} with the same key. The routing key is the default one
 * ({@code switchboard.paging.pagerduty.routing-key}) or the one a team, role or service names by key
 * name in ownership.yaml, read from its environment variable when sending; the address stored is the
 * variable's name, never the key. Every event is checked against the documented contract before it
 * is sent, so PagerDuty never receives an invalid one from us.
 */
@Component
class PagerDutyEvents implements Pager {

	static final String DEFAULT = "default";

	private static final String VARIABLE = "env:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PagingProperties.PagerDuty properties;

	private final CatalogRegistry catalogs;

	private final Environment environment;

	private final HttpClient http;

	PagerDutyEvents(PagingProperties properties, CatalogRegistry catalogs, Environment environment) {
		this.properties = properties.pagerduty();
		this.catalogs = catalogs;
		this.environment = environment;
		this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
	}

	@Override
	public String name() {
		return "pagerduty";
	}

	@Override
	public boolean configured() {
		return hasDefault() || !catalogs.current().ownership().paging().pagerdutyKeys().isEmpty();
	}

	private boolean hasDefault() {
		return properties.routingKey() != null && !properties.routingKey().isBlank();
	}

	@Override
	public List<String> addresses(PageTarget target) {
		var ownership = target.ownership();
		Optional<String> variable = ownership.paging()
			.pagerdutyKeyVariable(ownership.pagingIds(target.principal(), target.service()));
		if (variable.isPresent()) {
			return List.of(VARIABLE + variable.get());
		}
		return hasDefault() ? List.of(DEFAULT) : List.of();
	}

	@Override
	public Outcome send(PageMessage message) {
		String routingKey;
		if (message.address().startsWith(VARIABLE)) {
			String variable = message.address().substring(VARIABLE.length());
			routingKey = environment.getProperty(variable);
			if (routingKey == null || routingKey.isBlank()) {
				return Outcome.refused(0, "environment variable " + variable
						+ " (named in ownership.yaml paging.pagerduty_keys) holds no PagerDuty integration key");
			}
		}
		else {
			routingKey = properties.routingKey();
			if (routingKey == null || routingKey.isBlank()) {
				return Outcome.refused(0, "no default PagerDuty integration key (SWITCHBOARD_PAGERDUTY_ROUTING_KEY)");
			}
		}
		Map<String, Object> event = event(message, routingKey.trim());
		List<String> invalid = invalid(event);
		if (!invalid.isEmpty()) {
			return Outcome.refused(0, "not sent, the event would be invalid: " + String.join("; ", invalid));
		}
		HttpRequest request = HttpRequest.newBuilder(properties.eventsUrl())
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return outcome(response.statusCode(), response.body());
		}
		catch (HttpTimeoutException ex) {
			return Outcome.retry(0, "PagerDuty did not answer within " + properties.timeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			return Outcome.retry(0, "PagerDuty unreachable: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.retry(0, "interrupted while calling PagerDuty");
		}
	}

	static Outcome outcome(int status, String body) {
		if (status == 202) {
			return Outcome.delivered(status, "accepted (202)");
		}
		String message = message(body);
		if (status == 400) {
			return Outcome.refused(status, "PagerDuty refused the event as invalid (400)" + message);
		}
		if (status == 429 || status >= 500) {
			return Outcome.retry(status, "PagerDuty answered " + status + message);
		}
		return Outcome.refused(status, "PagerDuty answered " + status + message + ": check the integration key and URL");
	}

	private static String message(String body) {
		try {
			JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
			StringBuilder out = new StringBuilder();
			if (json.path("message").isString()) {
				out.append(": ").append(json.path("message").asString());
			}
			if (json.path("errors").isArray() && !json.path("errors").isEmpty()) {
				List<String> errors = new ArrayList<>();
				json.path("errors").forEach(e -> errors.add(e.asString()));
				out.append(" ").append(errors);
			}
			return out.toString();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** The Events API v2 body: payload only on trigger. */
	static Map<String, Object> event(PageMessage message, String routingKey) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("routing_key", routingKey);
		event.put("event_action", message.action());
		event.put("dedup_key", message.dedupKey());
		if ("trigger".equals(message.action())) {
			Map<String, Object> payload = new LinkedHashMap<>();
			String summary = message.summary();
			payload.put("summary", summary.length() > 1024 ? summary.substring(0, 1023) + "…" : summary);
			payload.put("source", "switchboard");
			payload.put("severity", severity(message.severity()));
			if (message.service() != null) {
				payload.put("component", message.service());
			}
			payload.put("group", message.principal());
			payload.put("class", message.runbook());
			Map<String, Object> custom = new LinkedHashMap<>();
			custom.put("incident", message.incident());
			custom.put("runbook", message.runbook());
			custom.put("step", message.step());
			custom.put("principal", message.principal());
			custom.put("people", message.people());
			payload.put("custom_details", custom);
			event.put("payload", payload);
			event.put("client", "Switchboard");
			if (message.link() != null) {
				event.put("client_url", message.link());
				event.put("links", List.of(Map.of("href", message.link(), "text", message.incident() + " on Switchboard")));
			}
		}
		return event;
	}

	/** sev1 → critical, sev2 → error, sev3 → warning, anything else → info. */
	static String severity(String severity) {
		return switch (severity) {
			case "sev1" -> "critical";
			case "sev2" -> "error";
			case "sev3" -> "warning";
			default -> "info";
		};
	}

	/** What PagerDuty's documented contract would refuse, so it is never sent. */
	@SuppressWarnings("unchecked")
	static List<String> invalid(Map<String, Object> event) {
		List<String> problems = new ArrayList<>();
		String key = (String) event.get("routing_key");
		if (key == null || key.length() != 32) {
			problems.add("the integration key must be the 32 characters of an Events API v2 integration (it has "
					+ (key == null ? 0 : key.length()) + ")");
		}
		String action = (String) event.get("event_action");
		if (!List.of("trigger", "acknowledge", "resolve").contains(action)) {
			problems.add("event_action '" + action + "'");
		}
		String dedup = (String) event.get("dedup_key");
		if (dedup == null || dedup.isEmpty() || dedup.length() > 255) {
			problems.add("dedup_key must have 1 to 255 characters");
		}
		if ("trigger".equals(action)) {
			Map<String, Object> payload = (Map<String, Object>) event.get("payload");
			if (payload == null) {
				problems.add("a trigger needs a payload");
			}
			else {
				String summary = (String) payload.get("summary");
				if (summary == null || summary.isBlank() || summary.length() > 1024) {
					problems.add("summary must have 1 to 1024 characters");
				}
				if (payload.get("source") == null) {
					problems.add("payload.source is required");
				}
				if (!List.of("critical", "error", "warning", "info").contains(payload.get("severity"))) {
					problems.add("payload.severity '" + payload.get("severity") + "'");
				}
			}
		}
		return problems;
	}
}
