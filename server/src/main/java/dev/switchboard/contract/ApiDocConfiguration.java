package dev.switchboard.contract;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocConfiguration {

	/** The version of the build (bot/'s build-info), else the jar manifest's, else "development". */
	@Bean
	OpenApiCustomizer switchboardApiContract(ObjectProvider<BuildProperties> build) {
		String version = build.stream()
			.map(BuildProperties::getVersion)
			.findFirst()
			.orElseGet(() -> {
				String manifest = ApiDocConfiguration.class.getPackage().getImplementationVersion();
				return manifest != null ? manifest : "development";
			});
		return new ApiContract(version, ProblemCatalog.standard());
	}
}
