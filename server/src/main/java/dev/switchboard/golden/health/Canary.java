package dev.switchboard.golden.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.gateway.ChatEndpoint;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayRegistry;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.golden.CaseResult;
import dev.switchboard.golden.GoldenProperties;
import dev.switchboard.golden.GoldenRun;
import dev.switchboard.golden.GoldenRunner;
import dev.switchboard.golden.GoldenSet;
import dev.switchboard.golden.GoldenSets;
import dev.switchboard.ownership.Service;

/**
 * Route health: every {@code switchboard.golden.canary.interval} each golden set runs against its route's live
 * target (through the route, as traffic flows) and against every standby target directly (so a standby is known
 * good, or not, before anyone flips to it), and the vendors' status pages are read. A live route failing its set
 * {@code failures-to-alert} runs in a row raises its owners' alert; its first passing run clears it.
 */
@Component
public class Canary {

	private static final Logger log = LoggerFactory.getLogger(Canary.class);

	private final GoldenProperties properties;

	private final GoldenSets sets;

	private final GoldenRunner runner;

	private final GatewayRegistry gateways;

	private final CatalogRegistry catalogs;

	private final RouteHealth health;

	private final VendorStatuses vendors;

	private final RouteHealthMetrics metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Instant lastRun;

	Canary(GoldenProperties properties, GoldenSets sets, GoldenRunner runner, GatewayRegistry gateways,
			CatalogRegistry catalogs, RouteHealth health, VendorStatuses vendors, RouteHealthMetrics metrics,
			ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.sets = sets;
		this.runner = runner;
		this.gateways = gateways;
		this.catalogs = catalogs;
		this.health = health;
		this.vendors = vendors;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
	}

	/** Looks every 10 s whether a run is due: the interval is counted on the application clock from the start. */
	@Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
	void tick() {
		if (!properties.canary().enabled()) {
			return;
		}
		Instant now = clock.instant();
		if (lastRun == null) {
			lastRun = now; // the first run waits one interval: a restart does not burst calls
			return;
		}
		if (!now.isBefore(lastRun.plus(properties.canary().interval()))) {
			lastRun = now;
			try {
				runOnce();
			}
			catch (RuntimeException ex) {
				log.error("route health canary failed", ex);
			}
		}
	}

	/** One canary run over every golden set and vendor; returns the runs made. */
	public List<GoldenRun> runOnce() {
		List<GoldenRun> runs = new java.util.ArrayList<>();
		for (GoldenSet set : sets.all()) {
			Optional<Service> service = catalogs.current().ownership().service(set.service());
			if (service.isEmpty() || service.get().route() == null) {
				continue;
			}
			runs.addAll(route(set, service.get()));
		}
		vendors.refresh();
		metrics.update();
		return runs;
	}

	private List<GoldenRun> route(GoldenSet set, Service service) {
		String route = service.route();
		Gateway gateway = gateways.forRoute(route);
		RouteState live;
		try {
			live = gateway.read(route);
		}
		catch (RuntimeException ex) {
			health.unchecked(route, "(route)", true, "the route could not be read: " + ex.getMessage());
			return List.of();
		}
		List<GoldenRun> runs = new java.util.ArrayList<>();
		String active = live.activeTarget();
		if (active != null) {
			Optional<ChatEndpoint> through = gateway.chat(route, null);
			if (through.isPresent()) {
				GoldenRun run = runner.run(set, route, active, through.get(), "canary");
				runs.add(run);
				judgeLive(service, health.record(run, true));
			}
			else {
				health.unchecked(route, active, true, "the " + gateway.kind() + " gateway cannot carry golden cases");
			}
		}
		for (RouteState.Target t : live.targets()) {
			if (t.model().equals(active)) {
				continue;
			}
			Optional<ChatEndpoint> direct = gateway.chat(route, t.id());
			if (direct.isPresent()) {
				GoldenRun run = runner.run(set, route, t.model(), direct.get(), "canary");
				runs.add(run);
				health.record(run, false);
			}
			else {
				health.unchecked(route, t.model(), false, "not exercised: the " + gateway.kind()
						+ " gateway cannot address a standby directly");
			}
		}
		return runs;
	}

	private void judgeLive(Service service, TargetHealth th) {
		GoldenRun run = th.last();
		if (run.passed()) {
			health.clear(run.route()).ifPresent(alert -> events.publishEvent(new RouteAlert.Cleared(alert,
					run.summary() + " on " + run.target(), run.at())));
			return;
		}
		if (th.consecutiveFailures() < properties.canary().failuresToAlert()) {
			return;
		}
		String runbook = service.runbooks().contains("format-drift") ? "format-drift"
				: service.runbooks().isEmpty() ? null : service.runbooks().get(0);
		RouteAlert alert = new RouteAlert(run.route(), service.id(), service.team(), run.target(), th.consecutiveFailures(),
				run.summary() + " on " + run.target() + ", " + th.consecutiveFailures() + " canary runs in a row",
				run.cases().stream().filter(c -> !c.passed()).limit(5).map(CaseResult::line).toList(), runbook, run.at());
		if (health.raise(alert)) {
			events.publishEvent(new RouteAlert.Raised(alert));
		}
	}
}
