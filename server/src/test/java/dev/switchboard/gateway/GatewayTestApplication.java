package dev.switchboard.gateway;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The server's features in one test application (what {@code @SpringBootApplication} does, scanning
 * {@code dev.switchboard}, minus any other test application found there), with a clock tests move.
 * Tests use it with the {@code gatewaytest} profile: in-memory H2, the shipped ownership.yaml and
 * runbooks, quick verify.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("dev.switchboard")
@ComponentScan(basePackages = "dev.switchboard", excludeFilters = {
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class) })
public class GatewayTestApplication {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}
}
