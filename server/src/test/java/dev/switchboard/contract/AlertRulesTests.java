package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped Prometheus alert rules pass {@code promtool check rules} and their own unit tests. */
class AlertRulesTests {

	private static final String INSTALL = "apt-get install prometheus";

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		CiTool.Run check = CiTool.onPath("promtool", INSTALL)
			.run(CiTool.REPO.resolve("deploy/prometheus"), "check", "rules", "switchboard-alerts.yml");

		assertThat(check.exit()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 6 rules found");
	}

	@Test
	void eachAlertFiresWhenItShouldAndNotBefore() throws Exception {
		CiTool.Run test = CiTool.onPath("promtool", INSTALL)
			.run(CiTool.REPO.resolve("deploy/prometheus"), "test", "rules", "switchboard-alerts.test.yml");

		assertThat(test.exit()).as(test.output()).isZero();
		assertThat(test.output()).contains("SUCCESS");
	}
}
