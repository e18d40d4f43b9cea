package dev.switchboard.incident;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What incident integration tests add to the application: a clock they drive. */
@TestConfiguration(proxyBeanMethods = false)
class EngineTestConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}
}
