package dev.switchboard.paging.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.incident.Actor;
import dev.switchboard.incident.IncidentException;
import dev.switchboard.incident.IncidentIds;
import dev.switchboard.paging.Acknowledgement;
import dev.switchboard.paging.Acknowledgements;
import dev.switchboard.system.ApiCaller;
import dev.switchboard.system.UnauthenticatedException;

/** {@code POST /api/incidents/{id}/acks}: the caller acknowledges; acknowledging again changes nothing. */
@RestController
class AcknowledgementController {

	private final Acknowledgements acknowledgements;

	private final ApiCaller caller;

	AcknowledgementController(Acknowledgements acknowledgements, ApiCaller caller) {
		this.acknowledgements = acknowledgements;
		this.caller = caller;
	}

	record AckView(String incident, String person, List<String> acknowledged, boolean already) {
	}

	@Operation(operationId = "acknowledgePages", summary = "Acknowledge the incident's pages", description = "Acknowledges, as the caller, every open page of the incident addressed to them (PagerDuty is sent acknowledge with the same dedup_key); idempotent.")
	@PostMapping("/api/incidents/{id}/acks")
	AckView acknowledge(@PathVariable String id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
			HttpServletRequest request) {
		String person = caller.personOf(request)
			.orElseThrow(() -> new UnauthenticatedException());
		long incident = IncidentIds.parse(id)
			.orElseThrow(() -> new IncidentException(IncidentException.Code.UNKNOWN_INCIDENT,
					"'" + id + "' is not an incident id such as INC-42"));
		Acknowledgement ack = acknowledgements.acknowledge(incident, new Actor(person), "rest",
				key == null ? null : "ack:" + person + ":" + key);
		return new AckView(ack.incident().humanId(), ack.person(), ack.principals(), ack.already());
	}
}
