package dev.switchboard.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import dev.switchboard.incident.Incident;
import dev.switchboard.paging.internal.Page;

/**
 * {@code switchboard.paging.time.to.acknowledge} (MTTA: declared to the first acknowledgement) and
 * {@code switchboard.paging.page.time.to.acknowledge} (each page, paged to acknowledged). Drills never count.
 */
@Component
class PagingMetrics {

	private final Timer incident;

	private final Timer page;

	PagingMetrics(MeterRegistry registry) {
		this.incident = Timer.builder("switchboard.paging.time.to.acknowledge")
			.description("from declaration to the first acknowledgement (drills excluded)")
			.register(registry);
		this.page = Timer.builder("switchboard.paging.page.time.to.acknowledge")
			.description("from a page to its acknowledgement (drills excluded)")
			.register(registry);
	}

	void acknowledged(Incident acknowledged, boolean first, List<Page> pages, Instant at) {
		if (acknowledged.drill()) {
			return;
		}
		if (first) {
			incident.record(Duration.between(acknowledged.declaredAt(), at));
		}
		pages.forEach(p -> page.record(Duration.between(p.pagedAt(), at)));
	}
}
