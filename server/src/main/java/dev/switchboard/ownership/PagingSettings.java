package dev.switchboard.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code paging} section of ownership.yaml and the paging fields of people, teams, roles and
 * services: which pagers reach whom, which PagerDuty integration key (by name, held in an
 * environment variable) serves which team or service, and people's PagerDuty user ids.
 *
 * @param via pagers tried by default ({@code pagerduty}, {@code slack}, {@code webhook}); empty: every configured pager
 * @param pagerdutyKeys key name → name of the environment variable holding the integration key
 * @param keyOf team, role or service id → key name
 * @param viaOf team, role or service id → its own pagers
 * @param pagerdutyUsers person id → PagerDuty user id
 */
public record PagingSettings(List<String> via, Map<String, String> pagerdutyKeys, Map<String, String> keyOf,
		Map<String, List<String>> viaOf, Map<String, String> pagerdutyUsers) {

	public static final PagingSettings NONE = new PagingSettings(List.of(), Map.of(), Map.of(), Map.of(), Map.of());

	public PagingSettings {
		via = List.copyOf(via);
		pagerdutyKeys = Map.copyOf(pagerdutyKeys);
		keyOf = Map.copyOf(keyOf);
		viaOf = Map.copyOf(viaOf);
		pagerdutyUsers = Map.copyOf(pagerdutyUsers);
	}

	/** The environment variable of the first of {@code ids} (principal, then service) that names a key. */
	public Optional<String> pagerdutyKeyVariable(List<String> ids) {
		return ids.stream().filter(keyOf::containsKey).findFirst().map(id -> pagerdutyKeys.get(keyOf.get(id)));
	}

	/** The pagers for the first of {@code ids} that names its own, else the default (empty: all configured). */
	public List<String> pagersFor(List<String> ids) {
		return ids.stream().filter(viaOf::containsKey).findFirst().map(viaOf::get).orElse(via);
	}

	public Optional<String> personOfPagerDutyUser(String userId) {
		return pagerdutyUsers.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey).findFirst();
	}
}
