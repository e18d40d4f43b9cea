package dev.switchboard.golden;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.golden.*}: where golden sets live and what one run may cost.
 *
 * @param dir the goldens folder (read as a file path relative to the working directory, like the runbooks)
 * @param reloadInterval how often the folder is checked for changes
 * @param maxCases at most this many cases are sent per run (the first ones of the file); more is a lint warning
 * @param maxTokens the cap on {@code max_tokens} of every case, whatever its file asks
 * @param caseTimeout per case when its file says nothing; a case that times out fails
 * @param concurrency cases of one run in flight at once
 * @param syntheticHeader marks every golden request as synthetic traffic (value {@code golden; case=<service>/<id>; purpose=<verify|canary>}), for the gateway's logs and cost reports
 * @param rollbackOnFailure a flip whose verification fails is rolled back to the snapshot taken just before it
 * @param canary the scheduled route-health run
 */
@ConfigurationProperties(prefix = "switchboard.golden", ignoreUnknownFields = false)
public record GoldenProperties(@DefaultValue("goldens") String dir, @DefaultValue("5s") Duration reloadInterval,
		@DefaultValue("20") int maxCases, @DefaultValue("512") int maxTokens, @DefaultValue("30s") Duration caseTimeout,
		@DefaultValue("4") int concurrency, @DefaultValue("x-switchboard-synthetic") String syntheticHeader,
		@DefaultValue("true") boolean rollbackOnFailure, @DefaultValue Canary canary) {

	public GoldenProperties {
		if (maxCases < 1 || maxTokens < 1 || concurrency < 1) {
			throw new IllegalArgumentException("switchboard.golden.max-cases, max-tokens and concurrency must be at least 1");
		}
	}

	public Path folder() {
		return Path.of(dir.strip());
	}

	/**
	 * @param enabled whether the canary runs (tests turn it on explicitly)
	 * @param interval between two runs (each route's set against its live target and every standby)
	 * @param failuresToAlert consecutive failing runs of a live route before its owners are told
	 * @param statusTimeout the timeout of one vendor status page read ({@code summary.json})
	 */
	public record Canary(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration interval,
			@DefaultValue("2") int failuresToAlert, @DefaultValue("5s") Duration statusTimeout) {
	}
}
