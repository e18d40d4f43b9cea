package dev.switchboard.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds {@link Path} settings ({@code switchboard.catalog.runbooks=../runbooks}) as plain file
 * paths, relative to the working directory. In a web server Spring first reads them as servlet
 * context resources, which refuses any path with {@code ..} ("normalized to [null]") and would
 * stop the server from starting; this binding is the fallback that reads them as files.
 */
@Component
@ConfigurationPropertiesBinding
class FilePathBinding implements Converter<String, Path> {

	@Override
	public Path convert(String source) {
		return Path.of(source.strip());
	}
}
