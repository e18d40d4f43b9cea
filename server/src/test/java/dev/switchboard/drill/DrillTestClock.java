package dev.switchboard.drill;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.switchboard.gateway.TestClock;

/** The clock drill tests drive (through {@link dev.switchboard.incident.DrivenClock}): a 20-minute scenario runs in milliseconds. */
@TestConfiguration(proxyBeanMethods = false)
public class DrillTestClock {

	@Bean
	@Primary
	TestClock drillClock() {
		return new TestClock();
	}
}
