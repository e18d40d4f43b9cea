package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.switchboard.HttpApi;
import dev.switchboard.HttpApi.Response;

/**
 * The shipped Grafana dashboard and Prometheus alert rules query only series the server exports at
 * {@code /actuator/prometheus}: a renamed metric would leave an empty panel or an alert that can
 * never fire, which neither promtool nor Grafana would notice.
 */
@ContractServer
class MonitoringQueriesTests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:switchboard|http_server_requests)_[a-z_]+)\\b");

	@LocalServerPort
	int port;

	@Test
	void everyMetricTheDashboardAndAlertsQueryIsExported() throws IOException {
		HttpApi api = new HttpApi(port);
		api.get("/api/runbooks", null); // one request, so http_server_requests exists
		Response scrape = api.get("/actuator/prometheus", null);
		assertThat(scrape.status()).isEqualTo(200);

		Set<String> queried = new TreeSet<>();
		queried.addAll(metrics(Path.of("..", "deploy", "grafana", "switchboard-dashboard.json")));
		queried.addAll(metrics(Path.of("..", "deploy", "prometheus", "switchboard-alerts.yml")));

		assertThat(queried).contains("switchboard_incidents_open", "switchboard_incident_events_total",
				"switchboard_time_to_first_decision_seconds_sum", "http_server_requests_seconds_count");
		assertThat(queried).allSatisfy(metric -> assertThat(scrape.body()).as(metric).containsPattern(
				"(?m)^" + Pattern.quote(metric) + "[{ ]"));
		for (String type : new String[] { "route-written", "action-refused", "lease-reminder", "lease-renewed",
				"lease-expired" }) {
			assertThat(scrape.body()).contains("switchboard_incident_events_total{type=\"" + type + "\"}");
		}
	}

	private static Set<String> metrics(Path file) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher m = METRIC.matcher(Files.readString(file));
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}
}
