package dev.switchboard.catalog;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.catalog.*}: where runbooks and ownership.yaml live and how often to look for
 * changes. The locations are bound as text and read as file paths relative to the working
 * directory: Spring's own conversion to {@link Path} goes through its resource loading, which
 * resolves {@code ../runbooks} against the classpath or the servlet context first.
 *
 * @param runbooks the runbooks folder
 * @param ownership the ownership file
 * @param reloadInterval how often files are checked for changes (a changed file is re-linted)
 * @param maxReviewAge {@code last_reviewed} older than this is a warning
 */
@ConfigurationProperties(prefix = "switchboard.catalog", ignoreUnknownFields = false)
public record CatalogProperties(@DefaultValue("runbooks") String runbooks, @DefaultValue("ownership.yaml") String ownership,
		@DefaultValue("2s") Duration reloadInterval, @DefaultValue("180d") Duration maxReviewAge) {

	public Path runbooksDir() {
		return Path.of(runbooks.strip());
	}

	public Path ownershipFile() {
		return Path.of(ownership.strip());
	}
}
