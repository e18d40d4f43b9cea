package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentStatus;

/** A whole ai-outage incident worked from Slack: slash command, button clicks, resolution. */
class SlackWalkIntegrationTests extends SlackTestSupport {

	@Test
	void walksAnAiOutageFromTheSlashCommandToResolutionByButtonClicks() {
		int mark = slack.mark();
		Declared d = declare("ai-outage sev1 invoice-extraction", PRIYA, "C0GENERAL");
		long id = d.id();

		// one channel for the incident, named after it, with the caller and the engaged owners invited
		FakeSlackApi.Call create = one(slack.since(mark, "conversations.create"));
		assertThat(create.param("name")).isEqualTo("inc-" + id + "-ai-outage");
		assertThat(slack.since(mark, "conversations.create")).hasSize(1);
		FakeSlackApi.Call invite = one(slack.since(mark, "conversations.invite"));
		assertThat(invite.param("channel")).isEqualTo(d.channel());
		List<String> invited = List.of(invite.param("users").split(","));
		assertThat(invited).contains(PRIYA).hasSizeGreaterThan(1).allMatch(u -> u.matches("U[0-9A-Z]+"));

		// the status message: posted first, pinned, real mentions of the engaged owners, vendor status page
		FakeSlackApi.Call status = slack.since(mark, "chat.postMessage")
			.stream()
			.filter(c -> d.statusTs().equals(c.ts()))
			.findFirst()
			.orElseThrow();
		assertThat(status.blockTypes()).startsWith("header", "section");
		assertThat(status.text()).contains("INC-" + id + " · sev1 · AI provider outage")
			.contains("Engaging incident-commander: <@")
			.contains("OpenAI status: https://status.openai.com")
			.containsPattern("<@U[0-9A-Z]+>");
		for (String user : invited) {
			if (!user.equals(PRIYA)) {
				assertThat(status.text()).contains("<@" + user + ">");
			}
		}
		assertThat(incidents.get(id).chat().messages()).containsEntry("status", d.statusTs());

		// the first step as Block Kit: text, action buttons and one button per choice
		assertThat(d.step().blockTypes()).startsWith("header", "section").contains("actions");
		assertThat(d.step().text()).contains("Triage: what is failing?").contains("Hard outage").contains("Throttling");
		assertThat(d.step().param("blocks")).contains("\"action_id\":\"choose/" + id + "/triage/1\"")
			.contains("\"action_id\":\"run/" + id + "/triage/1\"");

		// the channel it was declared in is told where the incident lives
		FakeSlackApi.Call pointer = await("the pointer to the channel", () -> one(slack.since(mark, "response_url")
			.stream()
			.filter(c -> c.body().contains("<#" + d.channel() + ">") || c.text().contains("<#" + d.channel() + ">"))
			.toList()));
		assertThat(pointer.json().get("response_type").getAsString()).isEqualTo("in_channel");

		// run the step's first action (page provider-outage-primary): the step message is re-rendered in place
		int beforePage = slack.mark();
		String stepTs = d.step().ts();
		click(d.channel(), stepTs, "run/" + id + "/triage/1", PRIYA);
		FakeSlackApi.Call paged = await("the step re-rendered with the page done", () -> one(updatesOf(beforePage, stepTs)));
		assertThat(paged.text()).contains("(done)");
		await("the status message edited", () -> one(updatesOf(beforePage, d.statusTs())));
		assertThat(events(id, EventType.PAGE_SENT)).hasSize(1);

		// choose Hard outage: the clicked message loses its buttons, the next step is posted below
		FakeSlackApi.Call hard = choose(d.channel(), stepTs, "choose/" + id + "/triage/1", "Hard outage");
		FakeSlackApi.Call decided = latest(stepTs);
		assertThat(decided.blockTypes()).doesNotContain("actions");
		assertThat(decided.text()).contains("<@" + PRIYA + "> chose *Hard outage*").contains("Triage: what is failing?");

		// a click on the finished step's other button is refused, to the clicker only, and changes nothing
		int beforeStale = slack.mark();
		int choicesBefore = events(id, EventType.CHOICE_MADE).size();
		requests.send(requests.click(d.step(), stepTs, "choose/" + id + "/triage/2", KARIM));
		FakeSlackApi.Call refusal = await("the refusal", () -> one(slack.since(beforeStale, "response_url")));
		assertThat(refusal.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(refusal.text()).contains("has moved on from 'triage'");
		settle();
		assertThat(events(id, EventType.CHOICE_MADE)).hasSize(choicesBefore);
		assertThat(slack.since(beforeStale, "chat.postMessage")).isEmpty();

		// fail open to humans: its actions change production, so they ask for confirmation
		FakeSlackApi.Call failOpen = choose(d.channel(), hard.ts(), "choose/" + id + "/hard-outage/2", "Fail open to humans");
		assertThat(failOpen.param("blocks")).contains("\"confirm\"").contains("\"style\":\"danger\"");
		FakeSlackApi.Call monitor = choose(d.channel(), failOpen.ts(), "choose/" + id + "/fail-open/1", "Monitor until the provider recovers");
		FakeSlackApi.Call recover = choose(d.channel(), monitor.ts(), "choose/" + id + "/monitor/1", "Return to the primary");
		FakeSlackApi.Call resolvedStep = choose(d.channel(), recover.ts(), "choose/" + id + "/recover/1", "Resolved");
		assertThat(resolvedStep.blockTypes()).doesNotContain("actions");
		assertThat(resolvedStep.text()).contains("End of the runbook");
		assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.MITIGATED);

		// resolve by command in the incident channel: the answer is posted there, the status shows it
		int beforeResolve = slack.mark();
		requests.send(requests.command("resolve primary back, backlog drained", PRIYA, d.channel()));
		FakeSlackApi.Call resolved = await("the resolution posted in the channel", () -> one(slack.since(beforeResolve, "chat.postMessage")
			.stream()
			.filter(c -> d.channel().equals(c.param("channel")) && c.text().contains("resolved"))
			.toList()));
		assertThat(resolved.text()).contains("INC-" + id + " resolved");
		await("the status message showing Resolved", () -> updatesOf(beforeResolve, d.statusTs()).stream()
			.anyMatch(c -> c.text().contains("Resolved")));

		// the timeline, in the database: everything that happened, once
		Incident incident = incidents.get(id);
		assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(events(id, EventType.DECLARED)).hasSize(1);
		assertThat(events(id, EventType.CHOICE_MADE)).extracting(e -> e.detail("choice"))
			.containsExactly("Hard outage", "Fail open to humans", "Monitor", "Provider recovered", "Primary healthy");
		assertThat(events(id, EventType.CHOICE_MADE)).allMatch(e -> e.actor().equals("priya-natarajan"));
		assertThat(events(id, EventType.MITIGATED)).hasSize(1);
		assertThat(events(id, EventType.RESOLVED)).hasSize(1);
		assertThat(slack.since(mark, "conversations.create")).hasSize(1);
	}

	@Test
	void answersAReadingCommandOfAnUnknownUserToThemAlone() {
		// reading needs no incident and no person; the answer goes to the caller only
		int mark = slack.mark();
		HttpResponse<String> ack = requests.send(requests.command("who invoice-extraction", STRANGER, "C0READER"));
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).contains("working");
		FakeSlackApi.Call answer = await("the answer", () -> one(slack.since(mark, "response_url")));
		assertThat(answer.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(answer.text()).contains("Who: invoice-extraction").containsPattern("<@U[0-9A-Z]+>");
		assertThat(slack.since(mark, "chat.postMessage")).isEmpty();
	}

	private void click(String channel, String ts, String actionPrefix, String user) {
		HttpResponse<String> ack = requests.send(requests.click(latest(ts), ts, actionPrefix, user));
		assertThat(ack.statusCode()).isEqualTo(200);
	}

	/** Clicks a choice on the message {@code ts} and returns the next step, once posted. */
	private FakeSlackApi.Call choose(String channel, String ts, String actionPrefix, String nextTitle) {
		int before = slack.mark();
		click(channel, ts, actionPrefix, PRIYA);
		FakeSlackApi.Call next = await("the step '" + nextTitle + "'", () -> one(slack.since(before, "chat.postMessage")
			.stream()
			.filter(c -> channel.equals(c.param("channel")) && c.ts() != null && c.text().contains(nextTitle))
			.toList()));
		await("the clicked message without buttons", () -> updatesOf(before, ts).stream()
			.anyMatch(c -> !c.blockTypes().contains("actions")));
		return next;
	}

	private List<FakeSlackApi.Call> updatesOf(int mark, String ts) {
		return slack.since(mark, "chat.update").stream().filter(c -> ts.equals(c.param("ts"))).toList();
	}

	/** The message {@code ts} as last rendered: its last chat.update, else its chat.postMessage. */
	private FakeSlackApi.Call latest(String ts) {
		Optional<FakeSlackApi.Call> update = slack.calls("chat.update")
			.stream()
			.filter(c -> ts.equals(c.param("ts")) && c.ts() != null)
			.max(Comparator.comparing(FakeSlackApi.Call::at));
		return update.orElseGet(() -> slack.calls("chat.postMessage").stream().filter(c -> ts.equals(c.ts())).findFirst().orElseThrow());
	}
}
