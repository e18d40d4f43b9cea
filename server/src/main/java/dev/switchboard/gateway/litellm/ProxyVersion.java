package dev.switchboard.gateway.litellm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A LiteLLM release ({@code 1.81.3}, {@code v1.90.0-stable}, {@code 1.100.2.dev1} all parse). */
record ProxyVersion(int major, int minor, int patch) implements Comparable<ProxyVersion> {

	private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

	/** PATCH /model/{id}/update (PR #8406, Feb 2025). */
	static final ProxyVersion PATCH_UPDATE = new ProxyVersion(1, 61, 0);

	static Optional<ProxyVersion> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = VERSION.matcher(text.trim());
		if (!matcher.lookingAt()) {
			return Optional.empty();
		}
		int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
		return Optional.of(new ProxyVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch));
	}

	boolean atLeast(ProxyVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(ProxyVersion other) {
		int byMajor = Integer.compare(major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(minor, other.minor);
		return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + patch;
	}
}
