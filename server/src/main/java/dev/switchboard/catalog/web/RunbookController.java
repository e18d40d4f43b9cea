package dev.switchboard.catalog.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.catalog.DrillHistory;
import dev.switchboard.catalog.RegistryFacts;
import dev.switchboard.lint.Finding;
import dev.switchboard.runbook.ChatTextRenderer;
import dev.switchboard.runbook.HtmlStepRenderer;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;
import dev.switchboard.system.NotFoundException;

/** Runbooks as the server serves them (last good versions), with each step rendered for chat and HTML. */
@RestController
@RequestMapping("/api")
class RunbookController {

	private final CatalogRegistry registry;

	private final ChatTextRenderer text = new ChatTextRenderer();

	private final HtmlStepRenderer html = new HtmlStepRenderer();

	private final ObjectProvider<DrillHistory> drills;

	private final Clock clock;

	RunbookController(CatalogRegistry registry, ObjectProvider<DrillHistory> drills, Clock clock) {
		this.registry = registry;
		this.drills = drills;
		this.clock = clock;
	}

	/** When the runbook was last drilled and with what score (null: never), and whether that is too long ago. */
	record LastDrill(Instant at, String incident, int score, boolean stale) {
	}

	record RunbookSummary(String id, String title, String summary, String severity, String owner, List<String> services,
			List<String> aliases, String sha256, String commit, int steps, LastDrill lastDrill, boolean drillStale) {

		static RunbookSummary of(Runbook r) {
			return of(r, null, false);
		}

		static RunbookSummary of(Runbook r, DrillHistory.LastDrill last, boolean stale) {
			return new RunbookSummary(r.id(), r.title(), r.summary(), r.severity(), r.owner(), r.services(), r.aliases(),
					r.version().sha256(), r.version().commit(), r.steps().size(),
					last == null ? null : new LastDrill(last.at(), last.incident(), last.score(), stale), stale);
		}
	}

	record StepView(String id, String title, int line, String strategy, String resolution, String text, String html,
			List<ChoiceView> choices, List<String> actions) {
	}

	record ChoiceView(String label, String hint, String target) {
	}

	record RunbookView(RunbookSummary runbook, String file, List<StepView> steps) {
	}

	@Operation(operationId = "listRunbooks", summary = "List runbooks", description = "The runbooks as loaded, with their services and review dates.")
	@GetMapping("/runbooks")
	List<RunbookSummary> list() {
		DrillHistory history = drills.getIfAvailable();
		if (history == null) {
			return registry.current().allRunbooks().stream().map(RunbookSummary::of).toList();
		}
		Map<String, DrillHistory.LastDrill> last = history.lastByRunbook();
		Instant now = clock.instant();
		return registry.current().allRunbooks().stream()
			.map(r -> RunbookSummary.of(r, last.get(r.id()), history.stale(r.id(), now)))
			.toList();
	}

	@Operation(operationId = "getRunbook", summary = "Get a runbook", description = "One runbook with its steps, choices and actions.")
	@GetMapping("/runbooks/{id}")
	RunbookView get(@PathVariable String id) {
		Catalog catalog = registry.current();
		Runbook runbook = catalog.byIdOrAlias(id).orElseThrow(() -> new NotFoundException("runbook", id));
		return new RunbookView(RunbookSummary.of(runbook), runbook.file(),
				runbook.steps().stream().map(s -> view(s, catalog)).toList());
	}

	@Operation(operationId = "listCatalogFindings", summary = "List catalog findings", description = "What the linter found in the runbooks and ownership.yaml as loaded.")
	@GetMapping("/catalog/findings")
	List<Finding> findings() {
		return registry.current().findings();
	}

	private StepView view(Step step, Catalog catalog) {
		String body = RegistryFacts.fill(step.body(), catalog.ownership());
		return new StepView(step.id(), step.title(), step.line(), step.strategy() == null ? null : step.strategy().id(),
				step.resolution(), text.render(body), html.render(body),
				step.choices().stream().map(c -> new ChoiceView(c.label(), c.hint(), c.target())).toList(),
				step.actions().stream().map(a -> a.text()).toList());
	}
}
