package dev.switchboard.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.conversation.ActionId;

/**
 * A button's {@code custom_id}, which Discord caps at {@value #MAX} characters. The conversation's
 * action id is used as is when it fits; a longer one (step ids may be up to 200 characters) names
 * its step by a hash instead ({@code run/42/~3fa9c1d2e4b5/1}), resolved against the incident's
 * runbook on a click. A hash no step of the runbook has stays unresolved and the conversation
 * refuses the click as it refuses any other stale one.
 */
final class DiscordCustomIds {

	static final int MAX = 100;

	private static final Pattern HASHED = Pattern.compile("([a-z]+/[0-9]+/)~([0-9a-f]{12})(/.*)");

	private DiscordCustomIds() {
	}

	static String encode(ActionId action) {
		String full = action.encode();
		if (full.length() <= MAX) {
			return full;
		}
		ActionId shortPlan = action.plan() == null || action.plan().length() <= 12 ? action
				: new ActionId(action.kind(), action.incidentId(), action.step(), action.index(), action.plan().substring(0, 12));
		return new ActionId(shortPlan.kind(), shortPlan.incidentId(), "STEP", shortPlan.index(), shortPlan.plan()).encode()
			.replace("/STEP/", "/~" + hash(action.step()) + "/");
	}

	/**
	 * The conversation's action id for {@code customId}: unchanged unless its step is hashed, then with
	 * the step among {@code stepsOf(incident)} (its runbook's step ids) that has that hash, if any.
	 */
	static String decode(String customId, LongFunction<List<String>> stepsOf) {
		Matcher m = customId == null ? null : HASHED.matcher(customId);
		if (m == null || !m.matches()) {
			return customId;
		}
		long incident;
		try {
			incident = Long.parseLong(m.group(1).split("/")[1]);
		}
		catch (NumberFormatException ex) {
			return customId;
		}
		String stepId = stepsOf.apply(incident).stream()
			.filter(id -> hash(id).equals(m.group(2)))
			.findFirst()
			.orElse("unknown-step-" + m.group(2));
		return m.group(1) + stepId + m.group(3);
	}

	static String hash(String step) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(step.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
