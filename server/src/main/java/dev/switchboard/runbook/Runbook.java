package dev.switchboard.runbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed runbook. {@code file} is its name inside the runbooks folder ({@code ai-outage.md}),
 * the key other runbooks link by. Front matter fields may be null when the file is invalid;
 * {@code fieldLines} maps front matter pointers ({@code /owner}, {@code /services/1}) to lines.
 * {@code anchors} are the fragments a link into this file may use (every heading's GitHub slug,
 * every {@code <a name>}, the steps' ids); {@code links} the links of its prose to the runbooks folder.
 */
public record Runbook(String id, String file, String title, String summary, String severity, String owner,
		List<String> services, List<String> aliases, Set<String> covers, LocalDate lastReviewed, int frontMatterLine,
		Map<String, Integer> fieldLines, List<Step> steps, RunbookVersion version, Set<String> anchors,
		List<RunbookLink> links) {

	public Runbook {
		anchors = Set.copyOf(anchors);
		links = List.copyOf(links);
		services = List.copyOf(services);
		aliases = List.copyOf(aliases);
		covers = Set.copyOf(covers);
		steps = List.copyOf(steps);
		fieldLines = Map.copyOf(fieldLines);
	}

	/** The line of a front matter field or list item ({@code /services/1}), else the front matter's first line. */
	public int lineOf(String pointer) {
		return fieldLines.getOrDefault(pointer, frontMatterLine);
	}

	/**
	 * The step {@code stepId} names: its id first, else an anchor of a step (links may use either),
	 * else an id a step had in an earlier Switchboard version (what older incidents recorded).
	 */
	public Optional<Step> step(String stepId) {
		return steps.stream()
			.filter(s -> s.id().equals(stepId))
			.findFirst()
			.or(() -> linkedStep(stepId))
			.or(() -> steps.stream().filter(s -> s.formerIds().contains(stepId)).findFirst());
	}

	/** The step a link's fragment lands on: by id or by another anchor of the step (never a former id). */
	public Optional<Step> linkedStep(String anchor) {
		return steps.stream()
			.filter(s -> s.id().equals(anchor))
			.findFirst()
			.or(() -> steps.stream().filter(s -> s.anchors().contains(anchor)).findFirst());
	}

	/** Where an incident starts. */
	public Optional<Step> firstStep() {
		return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(0));
	}

	public boolean coversAiOutage() {
		return covers.contains("ai-outage");
	}

	public Runbook withVersion(RunbookVersion newVersion) {
		return new Runbook(id, file, title, summary, severity, owner, services, aliases, covers, lastReviewed,
				frontMatterLine, fieldLines, steps, newVersion, anchors, links);
	}
}
