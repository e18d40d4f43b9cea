package dev.switchboard.gateway.litellm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyVersionTests {

	@Test
	void readsTheShapesLiteLlmReleasesUse() {
		assertThat(ProxyVersion.parse("1.81.3")).contains(new ProxyVersion(1, 81, 3));
		assertThat(ProxyVersion.parse("v1.90.0-stable")).contains(new ProxyVersion(1, 90, 0));
		assertThat(ProxyVersion.parse("1.100.2.dev1")).contains(new ProxyVersion(1, 100, 2));
		assertThat(ProxyVersion.parse("main-latest")).isEmpty();
		assertThat(ProxyVersion.parse(null)).isEmpty();
	}

	@Test
	void comparesNumericallyNotAsText() {
		assertThat(new ProxyVersion(1, 100, 0).atLeast(new ProxyVersion(1, 90, 0))).isTrue();
		assertThat(new ProxyVersion(1, 89, 9).atLeast(new ProxyVersion(1, 90, 0))).isFalse();
	}
}
