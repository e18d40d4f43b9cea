package dev.switchboard.paging;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.switchboard.ownership.Ownership;

/** The pagers this server has, and which of them a page uses: ownership.yaml's {@code via}, else all configured. */
@Component
public class Pagers {

	private final List<Pager> pagers;

	Pagers(List<Pager> pagers) {
		this.pagers = List.copyOf(pagers);
	}

	/** True when at least one pager can page: otherwise paging is off and incidents only mention people. */
	public boolean any() {
		return pagers.stream().anyMatch(Pager::configured);
	}

	public Optional<Pager> named(String name) {
		return pagers.stream().filter(p -> p.name().equals(name) && p.configured()).findFirst();
	}

	/** The configured pagers a page of {@code target} goes through, in ownership.yaml's order. */
	List<Pager> forTarget(PageTarget target) {
		Ownership ownership = target.ownership();
		List<String> wanted = ownership.paging().pagersFor(ownership.pagingIds(target.principal(), target.service()));
		if (wanted.isEmpty()) {
			return pagers.stream().filter(Pager::configured).toList();
		}
		return wanted.stream().flatMap(name -> named(name).stream()).toList();
	}
}
