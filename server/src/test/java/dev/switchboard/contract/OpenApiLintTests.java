package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code redocly lint} under its recommended rules accepts docs/openapi.json, the document the
 * server serves (bot's OpenApiDocumentTests keeps the two equal).
 */
class OpenApiLintTests {

	@Test
	void redoclyRecommendedRulesFindNoErrors() throws Exception {
		CiTool.Run lint = CiTool.npm("redocly")
			.run(CiTool.REPO, "lint", "--extends=recommended", "--format=stylish", "docs/openapi.json");

		assertThat(lint.exit()).as(lint.output()).isZero();
		assertThat(lint.output()).as(lint.output()).contains("Your API description is valid");
		// stylish format: "  3:3  warning  info-license  Info object should contain ..." per finding
		List<String> findings = lint.output()
			.lines()
			.filter(l -> l.matches("\\s+\\d+:\\d+\\s+(error|warning)\\s+.*"))
			.map(l -> l.trim().split("\\s+")[1] + " " + l.trim().split("\\s+")[2])
			.toList();
		// the one finding left: the project has not chosen a licence, so info.license stays unset
		assertThat(findings).as(lint.output()).containsExactly("warning info-license");
	}
}
