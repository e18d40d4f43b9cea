package dev.switchboard.paging;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.switchboard.incident.Actor;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.DrivenClock;
import dev.switchboard.incident.EmbeddedPostgresDatabases;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.Incidents;
import dev.switchboard.paging.internal.Page;
import dev.switchboard.paging.internal.PageStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation timers live in the database: a server stopped after the page and started again on the
 * same H2 file still escalates when the level's timeout has passed, and two replicas sharing one
 * PostgreSQL, both looking at a due timer at once, escalate once.
 */
class EscalationDurabilityIntegrationTests {

	private static final Actor PRIYA = new Actor("priya-natarajan");

	private static final FakePagerDuty PAGERDUTY = FakePagerDuty.shared();

	@TempDir
	Path data;

	@BeforeEach
	void reset() {
		PAGERDUTY.reset();
	}

	@Test
	void escalatesOnTimeAfterARestartFromTheTimerInTheDatabase() {
		String url = PagingContexts.h2File(data.resolve("switchboard"));
		long id;
		try (ConfigurableApplicationContext before = PagingContexts.start(url, "before-restart")) {
			id = declare(before);
			before.getBean(PageOutbox.class).deliverDue();
			advance(before, Duration.ofMinutes(3));
			assertThat(before.getBean(Escalations.class).fireDue()).isZero();
		}
		// nothing of the first process survives but the database
		try (ConfigurableApplicationContext after = PagingContexts.start(url, "after-restart")) {
			advance(after, Duration.ofMinutes(6));
			assertThat(after.getBean(Escalations.class).fireDue()).isEqualTo(1);
			after.getBean(PageOutbox.class).deliverDue();
			assertThat(escalated(after, id)).isEqualTo(1);
			assertThat(after.getBean(PageStore.class).pagesOf(id)).extracting(Page::principal).contains("exec-escalation");
			assertThat(PAGERDUTY.accepted("trigger")).extracting(e -> e.path("dedup_key").asString())
				.contains("switchboard/INC-" + id + "/exec-escalation");
		}
	}

	@Test
	void twoReplicasOnPostgresEscalateOnce() throws Exception {
		String url = EmbeddedPostgresDatabases.jdbcUrl("paging_replicas");
		try (ConfigurableApplicationContext a = PagingContexts.start(url, "replica-a");
				ConfigurableApplicationContext b = PagingContexts.start(url, "replica-b")) {
			long id = declare(a);
			a.getBean(PageOutbox.class).deliverDue();
			advance(a, Duration.ofMinutes(6));
			advance(b, Duration.ofMinutes(6));
			List<Escalations> replicas = List.of(a.getBean(Escalations.class), b.getBean(Escalations.class));
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Integer>> fired = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					Escalations replica = replicas.get(i % 2);
					Callable<Integer> fire = () -> {
						go.await();
						return replica.fireDue();
					};
					fired.add(pool.submit(fire));
				}
				go.countDown();
				int total = 0;
				for (Future<Integer> f : fired) {
					total += f.get();
				}
				assertThat(total).as("escalations fired across both replicas").isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(escalated(a, id)).isEqualTo(1);
			List<Page> second = a.getBean(PageStore.class).pagesOf(id).stream().filter(p -> p.level() == 2).toList();
			assertThat(second).extracting(Page::principal).containsExactly("exec-escalation");
			a.getBean(PageOutbox.class).deliverDue();
			b.getBean(PageOutbox.class).deliverDue();
			assertThat(PAGERDUTY.accepted("trigger")).extracting(e -> e.path("dedup_key").asString())
				.filteredOn(k -> k.endsWith("/exec-escalation"))
				.containsExactly("switchboard/INC-" + id + "/exec-escalation");
		}
	}

	private static long declare(ConfigurableApplicationContext context) {
		Incident incident = context.getBean(Declarations.class)
			.declare(new Declarations.Request("ai-outage", "sev1", null, false, ChatRef.NONE), PRIYA, null)
			.result();
		return incident.id();
	}

	private static long escalated(ConfigurableApplicationContext context, long id) {
		return context.getBean(Incidents.class).timeline(id).stream().filter(e -> e.type() == EventType.ESCALATED).count();
	}

	private static void advance(ConfigurableApplicationContext context, Duration duration) {
		new DrivenClock(context.getBean(Clock.class)).advance(duration);
	}
}
