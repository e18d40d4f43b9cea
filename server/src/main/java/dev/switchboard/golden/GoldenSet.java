package dev.switchboard.golden;

import java.time.Duration;
import java.util.List;

/**
 * A service's golden set as loaded from {@code goldens/<service>.yaml}.
 *
 * @param file the path as the author types it, for reports
 * @param version a hash of the file's content, recorded with every result
 * @param passAtLeast how many cases must pass for the set to pass
 * @param maxTokens {@code max_tokens} sent with each case (before the server's cap), or null for the cap
 * @param timeout per case, or null for the server's default
 */
public record GoldenSet(String service, String file, String version, int passAtLeast, Integer maxTokens,
		Duration timeout, List<GoldenCase> cases) {

	public GoldenSet {
		cases = List.copyOf(cases);
	}

	/** {@code 9 of 10}. */
	public String threshold() {
		return passAtLeast + " of " + cases.size();
	}
}
