package dev.switchboard.golden.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.golden.GoldenProperties;
import dev.switchboard.ownership.Vendor;

/** Statuspage {@code summary.json} read over real HTTP from a loopback page written from the documented shape. */
class VendorStatusesTests {

	private static HttpServer page;

	private final VendorStatuses statuses = new VendorStatuses(null, new GoldenProperties("goldens", Duration.ofSeconds(5),
			20, 512, Duration.ofSeconds(30), 4, "x-switchboard-synthetic", true,
			new GoldenProperties.Canary(true, Duration.ofMinutes(5), 2, Duration.ofSeconds(2))), Clock.systemUTC());

	@BeforeAll
	static void start() throws IOException {
		page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		page.createContext("/minor/api/v2/summary.json", exchange -> {
			byte[] body = """
					{"page": {"id": "x", "name": "OpenAI"},
					 "status": {"indicator": "minor", "description": "Partially Degraded Service"},
					 "components": [{"name": "API", "status": "degraded_performance"}], "incidents": []}
					""".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		page.createContext("/broken/api/v2/summary.json", exchange -> {
			exchange.sendResponseHeaders(502, -1);
			exchange.close();
		});
		page.start();
	}

	@AfterAll
	static void stop() {
		page.stop(0);
	}

	@Test
	void readsTheIndicatorAndDescriptionOfAStatusPage() {
		VendorStatus status = statuses.read(vendor("/minor"));

		assertThat(status.indicator()).isEqualTo("minor");
		assertThat(status.text()).isEqualTo("minor (Partially Degraded Service)");
		assertThat(status.level()).isEqualTo(1);
	}

	@Test
	void callsAPageThatErrsOrDoesNotAnswerUnknownNeverOperational() {
		assertThat(statuses.read(vendor("/broken")).indicator()).isEqualTo("unknown");
		assertThat(statuses.read(new Vendor("gone", "Gone", null, "http://127.0.0.1:1", null, null, null)).text())
			.startsWith("unknown (status page unreachable");
	}

	private static Vendor vendor(String path) {
		return new Vendor("openai", "OpenAI", null, "http://127.0.0.1:" + page.getAddress().getPort() + path, null, null,
				null);
	}
}
