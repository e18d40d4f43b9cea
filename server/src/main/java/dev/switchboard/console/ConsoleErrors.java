package dev.switchboard.console;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import dev.switchboard.incident.IncidentException;
import dev.switchboard.system.NotFoundException;

/** The console's error pages: someone not in ownership.yaml sees why and nothing else. */
@ControllerAdvice(assignableTypes = { IncidentPages.class, CatalogPages.class, DrillPages.class })
class ConsoleErrors {

	@ExceptionHandler(NotAPersonException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAPerson(NotAPersonException ex, Model model) {
		model.addAttribute("title", "Not allowed");
		model.addAttribute("message", ex.getMessage());
		return "console/problem";
	}

	@ExceptionHandler({ NotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(RuntimeException ex, Model model) {
		model.addAttribute("title", "Not found");
		model.addAttribute("message", ex.getMessage());
		return "console/problem";
	}

	@ExceptionHandler(IncidentException.class)
	String refused(IncidentException ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		boolean unknown = ex.code() == IncidentException.Code.UNKNOWN_INCIDENT;
		response.setStatus(unknown ? 404 : 409);
		model.addAttribute("title", unknown ? "Not found" : "Refused");
		model.addAttribute("message", ex.getMessage());
		return "console/problem";
	}
}
