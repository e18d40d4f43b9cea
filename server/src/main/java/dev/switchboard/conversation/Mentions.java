package dev.switchboard.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Person;

/**
 * Turns {@code @role}, {@code @team} and {@code @person} in text into spans: a person becomes a
 * mention; a role or team keeps its name and mentions whoever holds it now. In a drill, people
 * are named but not mentioned (nobody gets pinged by a rehearsal) unless configured otherwise.
 */
final class Mentions {

	private static final Pattern MENTION = Pattern.compile("(?<![\\w.@/])@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)");

	private Mentions() {
	}

	static List<Span> spans(String text, Ownership ownership, Instant now, boolean namesOnly) {
		List<Span> spans = new ArrayList<>();
		Matcher m = MENTION.matcher(text);
		int last = 0;
		while (m.find()) {
			String id = m.group(1);
			if (ownership.kindOf(id).isEmpty()) {
				continue;
			}
			spans.add(new Span.Plain(text.substring(last, m.start())));
			List<Person> people = ownership.peopleNow(id, now);
			if (ownership.person(id).isPresent()) {
				spans.add(person(people.get(0), namesOnly));
			}
			else {
				spans.add(new Span.Plain("@" + id + (people.isEmpty() ? "" : " (")));
				for (int i = 0; i < people.size(); i++) {
					if (i > 0) {
						spans.add(new Span.Plain(", "));
					}
					spans.add(person(people.get(i), namesOnly));
				}
				if (!people.isEmpty()) {
					spans.add(new Span.Plain(")"));
				}
			}
			last = m.end();
		}
		spans.add(new Span.Plain(text.substring(last)));
		return spans.stream().filter(s -> !(s instanceof Span.Plain p) || !p.text().isEmpty()).toList();
	}

	static Span person(Person person, boolean namesOnly) {
		return namesOnly ? new Span.Plain(person.name()) : new Span.Mention(person.id(), person.name());
	}
}
