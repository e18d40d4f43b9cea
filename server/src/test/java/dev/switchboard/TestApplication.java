package dev.switchboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The server module has no application of its own (bot/ builds the runnable one): integration
 * tests start this one, at the root package so every feature of the server is scanned. No
 * scheduling, so a test decides when the catalog reloads.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TestApplication {

}
