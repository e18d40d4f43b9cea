package dev.switchboard.golden;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden set sent once through a route (or straight to one target) and judged.
 *
 * @param target what was exercised: the route's live target, or a standby addressed directly
 * @param calls chat requests sent (at most {@code switchboard.golden.max-cases}; never retried)
 * @param elapsedMillis wall time of the whole run
 */
public record GoldenRun(String service, String route, String target, String setVersion, int passAtLeast,
		List<CaseResult> cases, int calls, long elapsedMillis, Instant at) {

	public GoldenRun {
		cases = List.copyOf(cases);
	}

	public int passedCount() {
		return (int) cases.stream().filter(CaseResult::passed).count();
	}

	public boolean passed() {
		return passedCount() >= passAtLeast;
	}

	public double passRate() {
		return cases.isEmpty() ? 0 : (double) passedCount() / cases.size();
	}

	/** {@code golden set 3/4 passed (needs 3)}. */
	public String summary() {
		return "golden set " + passedCount() + "/" + cases.size() + " passed (needs " + passAtLeast + ")";
	}

	/** What the timeline keeps: counts, cost and one line per case. */
	public Map<String, Object> details() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("service", service);
		d.put("target", target);
		d.put("goldenVersion", setVersion);
		d.put("goldenPassed", passedCount());
		d.put("goldenCases", cases.size());
		d.put("goldenNeeds", passAtLeast);
		d.put("goldenVerdict", passed() ? "PASSED" : "FAILED");
		d.put("goldenCalls", calls);
		d.put("goldenMillis", elapsedMillis);
		d.put("goldenResults", cases.stream().map(CaseResult::line).toList());
		return d;
	}
}
