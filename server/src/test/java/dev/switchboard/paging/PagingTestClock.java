package dev.switchboard.paging;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.switchboard.gateway.TestClock;

/** The clock paging tests drive: an ack timeout of 5 minutes passes in a call. */
@TestConfiguration(proxyBeanMethods = false)
public class PagingTestClock {

	@Bean
	@Primary
	TestClock pagingClock() {
		return new TestClock();
	}
}
