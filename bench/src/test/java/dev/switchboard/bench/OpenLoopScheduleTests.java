package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTests {

	@Test
	void spacesDueTimesByTheRateWhoeverTakesThem() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 200);

		assertThat(schedule.take()).isEqualTo(1_000);
		assertThat(schedule.take()).isEqualTo(1_000 + 5_000_000);
		assertThat(schedule.take()).isEqualTo(1_000 + 10_000_000);
	}

	@Test
	void answersAPastDueTimeAtOnceSoTheDelayCountsInTheLatency() {
		long start = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);
		OpenLoopSchedule schedule = new OpenLoopSchedule(start, 1);

		long before = System.nanoTime();
		long due = schedule.awaitNext();

		assertThat(due).isEqualTo(start);
		assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void waitsForADueTimeStillAhead() {
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
		OpenLoopSchedule schedule = new OpenLoopSchedule(start, 10);

		long due = schedule.awaitNext();

		assertThat(System.nanoTime()).isGreaterThanOrEqualTo(due);
	}

	@Test
	void refusesARateThatIsNotPositive() {
		assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
