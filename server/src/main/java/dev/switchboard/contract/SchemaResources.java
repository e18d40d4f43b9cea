package dev.switchboard.contract;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The JSON Schemas of ownership.yaml, runbook front matter and drill scenarios at
 * {@code /schema/<name>.schema.json}: the same files the loader validates with (packaged from the
 * repository's {@code schema/}), so an editor pointed at a running server checks what it checks.
 */
@Configuration(proxyBeanMethods = false)
class SchemaResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/schema/*.schema.json")
			.addResourceLocations("classpath:/switchboard/schema/")
			.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
	}
}
