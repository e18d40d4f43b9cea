package dev.switchboard.paging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.switchboard.TestApplication;
import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.conversation.Block;
import dev.switchboard.conversation.ChatContext;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Reply;
import dev.switchboard.conversation.Span;
import dev.switchboard.incident.StepActions;
import dev.switchboard.incident.Actor;
import dev.switchboard.incident.ChatRef;
import dev.switchboard.incident.Declarations;
import dev.switchboard.incident.EventType;
import dev.switchboard.incident.Incident;
import dev.switchboard.incident.IncidentUpdates;
import dev.switchboard.incident.Incidents;
import dev.switchboard.incident.Postmortems;
import dev.switchboard.incident.TimelineEvent;
import dev.switchboard.incident.DrivenClock;
import dev.switchboard.paging.internal.Page;
import dev.switchboard.paging.internal.PageStore;
import dev.switchboard.paging.internal.PagerDutySignatures;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging through PagerDuty over real HTTP: the server runs on a random port, PagerDuty is a local
 * server following the documented Events API v2 contract, acknowledgements arrive over REST and as
 * signed webhooks v3.
 */
@SpringBootTest(classes = { TestApplication.class, PagingTestClock.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class PagerDutyPagingIntegrationTests {

	private static final Actor PRIYA = new Actor("priya-natarajan");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FakePagerDuty PAGERDUTY = FakePagerDuty.shared();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Declarations declarations;

	@Autowired
	IncidentUpdates updates;

	@Autowired
	Incidents incidents;

	@Autowired
	Postmortems postmortems;

	@Autowired
	PageOutbox outbox;

	@Autowired
	Conversation conversation;

	@Autowired
	StepActions actions;

	@Autowired
	Escalations escalations;

	@Autowired
	PageStore pages;

	@Autowired
	CatalogRegistry catalogs;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void paging(DynamicPropertyRegistry registry) {
		for (String property : PagingContexts.properties(PagingContexts.h2Memory("paging-pagerduty"))) {
			String[] kv = property.split("=", 2);
			registry.add(kv[0], () -> kv[1]);
		}
		for (String person : List.of("amelie-laurent", "karim-haddad", "sofia-marchetti", "lucas-bernard",
				"priya-natarajan", "daniel-okafor", "grace-kim", "mateo-alvarez", "hannah-weiss", "nadia-benali")) {
			registry.add("switchboard.api.tokens." + person, () -> "token-" + person);
		}
	}

	/** Each test starts with no open incident, an empty outbox and a PagerDuty that saw nothing. */
	@BeforeEach
	void reset() {
		incidents.list(true, 500).forEach(i -> updates.resolve(i.id(), null, PRIYA, null));
		advance(Duration.ofHours(2));
		outbox.deliverDue();
		escalations.fireDue();
		PAGERDUTY.reset();
	}

	@Test
	void sev1TriggersEachPrincipalThenRestAckSendsAcknowledgeAndResolveResolvesEveryPage() throws Exception {
		Incident incident = declare("sev1");
		List<Page> paged = pages.pagesOf(incident.id());
		assertThat(paged).extracting(Page::principal)
			.containsExactly("incident-commander", "provider-outage-primary", "workflow-failure-primary");

		outbox.deliverDue();
		List<JsonNode> triggers = PAGERDUTY.accepted("trigger");
		assertThat(triggers).hasSize(3);
		assertThat(triggers).extracting(e -> e.path("dedup_key").asString())
			.containsExactlyElementsOf(paged.stream().map(Page::dedupKey).toList());
		JsonNode first = triggers.get(1);
		assertThat(first.path("routing_key").asString()).isEqualTo(PagingContexts.ROUTING_KEY);
		assertThat(first.path("payload").path("severity").asString()).isEqualTo("critical");
		assertThat(first.path("payload").path("summary").asString()).contains(incident.humanId(), "runbook ai-outage",
				"provider-outage-primary");
		assertThat(first.path("client_url").asString()).isEqualTo("https://switchboard.example.com/api/incidents/" + incident.humanId());
		assertThat(kinds(incident, EventType.PAGE_DELIVERED)).hasSize(3)
			.allSatisfy(e -> assertThat(e.detail("result")).contains("accepted (202)", "not acknowledged yet"));

		Page provider = paged.get(1);
		String person = provider.people().get(0);
		HttpResponse<String> ack = post("/api/incidents/" + incident.humanId() + "/acks", person);
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(ack.body()).path("acknowledged").get(0).asString()).isEqualTo("provider-outage-primary");
		HttpResponse<String> again = post("/api/incidents/" + incident.humanId() + "/acks", person);
		assertThat(JSON.readTree(again.body()).path("already").asBoolean()).as(again.body()).isTrue();
		assertThat(kinds(incident, EventType.ACKNOWLEDGED)).as("acknowledging twice records once").hasSize(1)
			.allSatisfy(e -> assertThat(e.actor()).isEqualTo(person));

		outbox.deliverDue();
		assertThat(PAGERDUTY.accepted("acknowledge")).extracting(e -> e.path("dedup_key").asString())
			.containsExactly(provider.dedupKey());

		updates.resolve(incident.id(), "provider back", PRIYA, null);
		outbox.deliverDue();
		assertThat(PAGERDUTY.accepted("resolve")).extracting(e -> e.path("dedup_key").asString())
			.containsExactlyInAnyOrderElementsOf(paged.stream().map(Page::dedupKey).toList());
		assertThat(PAGERDUTY.invalid()).as("no invalid event was ever sent").isEmpty();
		assertThat(postmortems.markdown(incident.id())).contains("Time to acknowledge").contains(person);
		assertThat(meters.get("switchboard.paging.time.to.acknowledge").timer().count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void twoServerErrorsThenSuccessDeliversOnceWithBackoff() {
		PAGERDUTY.failNext(500, 500);
		Incident incident = declare("sev4");
		outbox.deliverDue();
		assertThat(PAGERDUTY.received()).containsExactly("500");
		outbox.deliverDue();
		assertThat(PAGERDUTY.received()).as("not retried before its backoff").containsExactly("500");
		advance(Duration.ofMinutes(5));
		outbox.deliverDue();
		advance(Duration.ofMinutes(5));
		outbox.deliverDue();
		advance(Duration.ofMinutes(5));
		outbox.deliverDue();
		assertThat(PAGERDUTY.received()).containsExactly("500", "500", "202");
		assertThat(PAGERDUTY.accepted("trigger")).hasSize(1);
		assertThat(kinds(incident, EventType.PAGE_DELIVERED)).singleElement()
			.satisfies(e -> assertThat(e.detail("result")).contains("after 3 tries"));
		assertThat(kinds(incident, EventType.PAGE_FAILED)).isEmpty();
	}

	@Test
	void rejectedEventIsAConfigurationErrorNotRetriedAndThePageIsShownNotDelivered() {
		PAGERDUTY.failNext(400);
		Incident incident = declare("sev4");
		outbox.deliverDue();
		advance(Duration.ofMinutes(30));
		outbox.deliverDue();
		assertThat(PAGERDUTY.received()).containsExactly("400");
		assertThat(kinds(incident, EventType.PAGE_FAILED)).singleElement()
			.satisfies(e -> assertThat(e.detail("result")).contains("configuration error", "400"));
		assertThat(kinds(incident, EventType.PAGE_UNDELIVERED)).singleElement()
			.satisfies(e -> assertThat(e.detail("result")).startsWith("NOT delivered"));
		assertThat(kinds(incident, EventType.PAGE_DELIVERED)).isEmpty();
	}

	@Test
	void nobodyAcknowledgingEscalatesAfterTheLevelTimeoutOnce() {
		Incident incident = declare("sev1");
		outbox.deliverDue();
		advance(Duration.ofMinutes(4));
		assertThat(escalations.fireDue()).isZero();
		advance(Duration.ofMinutes(2));
		assertThat(escalations.fireDue()).isEqualTo(1);
		assertThat(escalations.fireDue()).as("a timer fires once").isZero();
		assertThat(kinds(incident, EventType.ESCALATED)).singleElement()
			.satisfies(e -> assertThat(e.detail("result")).contains("within 5m", "exec-escalation"));
		outbox.deliverDue();
		assertThat(PAGERDUTY.accepted("trigger")).extracting(e -> e.path("dedup_key").asString())
			.contains("switchboard/" + incident.humanId() + "/exec-escalation");
	}

	@Test
	void anAcknowledgementBeforeTheTimeoutStopsEscalation() throws Exception {
		Incident incident = declare("sev1");
		outbox.deliverDue();
		post("/api/incidents/" + incident.humanId() + "/acks", "priya-natarajan");
		advance(Duration.ofMinutes(10));
		assertThat(escalations.fireDue()).isZero();
		assertThat(kinds(incident, EventType.ESCALATED)).isEmpty();
	}

	@Test
	void signedPagerDutyWebhookAcknowledgesThePageAndAForgedOneIsRefused() throws Exception {
		Incident incident = declare("sev1");
		outbox.deliverDue();
		Page provider = pages.pagesOf(incident.id()).get(1);
		String person = provider.people().get(0);
		String pagerdutyUser = catalogs.current().ownership().paging().pagerdutyUsers().get(person);
		assertThat(pagerdutyUser).as(person + " has a pagerduty id in ownership.yaml").isNotNull();
		String body = JSON.writeValueAsString(Map.of("event", Map.of("id", "01EVENT", "event_type", "incident.acknowledged",
				"resource_type", "incident", "occurred_at", "2026-12-04T10:00:00Z", "agent",
				Map.of("id", pagerdutyUser, "type", "user_reference", "summary", person), "data",
				Map.of("id", "PINC123", "type", "incident", "status", "acknowledged", "incident_key", provider.dedupKey()))));

		HttpResponse<String> forged = webhook(body, "v1=" + HexFormat.of().formatHex(PagerDutySignatures.hmac("guess", bytes(body))));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(webhook(body, null).statusCode()).isEqualTo(401);
		assertThat(kinds(incident, EventType.ACKNOWLEDGED)).as("nothing recorded").isEmpty();
		assertThat(pages.page(provider.id()).orElseThrow().acknowledged()).isFalse();

		// during a secret rotation PagerDuty signs with both secrets; either one verifies
		String signature = "v1=" + HexFormat.of().formatHex(PagerDutySignatures.hmac("some-other", bytes(body))) + ", v1="
				+ HexFormat.of().formatHex(PagerDutySignatures.hmac(PagingContexts.WEBHOOK_SECRET, bytes(body)));
		HttpResponse<String> signed = webhook(body, signature);
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(kinds(incident, EventType.ACKNOWLEDGED)).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo(person);
			assertThat(e.detail("via")).isEqualTo("pagerduty acknowledged");
		});
		Page acked = pages.page(provider.id()).orElseThrow();
		assertThat(acked.ackedBy()).isEqualTo(person);
		outbox.deliverDue();
		assertThat(PAGERDUTY.accepted("acknowledge")).as("PagerDuty already knows: nothing sent back").isEmpty();

		String unknown = body.replace(provider.dedupKey(), "switchboard/INC-999999/nobody");
		HttpResponse<String> ignored = webhook(unknown, "v1=" + HexFormat.of()
			.formatHex(PagerDutySignatures.hmac(PagingContexts.WEBHOOK_SECRET, bytes(unknown))));
		assertThat(ignored.statusCode()).isEqualTo(200);
		assertThat(ignored.body()).contains("ignored");
	}

	@Test
	void aPageNoPagerTookIsShownNotDeliveredAndTheTerminalAcknowledges() {
		PAGERDUTY.failNext(400);
		Incident incident = declare("sev4");
		outbox.deliverDue();
		ChatContext terminal = new ChatContext("priya-natarajan", "priya", "terminal", null, incident.id(), null);
		assertThat(text(conversation.command("status", terminal))).contains("NOT DELIVERED: the page to workflow-failure-primary");
		assertThat(text(conversation.command("ack", terminal))).contains("Acknowledged " + incident.humanId());
		assertThat(text(conversation.command("ack", terminal))).contains("Already acknowledged");
		assertThat(kinds(incident, EventType.ACKNOWLEDGED)).singleElement()
			.satisfies(e -> assertThat(e.detail("via")).isEqualTo("terminal"));
	}

	@Test
	void aRunbookPageActionPagesThatRoleAndEscalatesLikeTheSeverity() {
		Incident incident = declare("sev3");
		actions.run(incident.id(), "triage", 1, PRIYA, null);
		assertThat(pages.pagesOf(incident.id())).extracting(Page::chain, Page::principal)
			.contains(org.assertj.core.groups.Tuple.tuple("page:provider-outage-primary", "provider-outage-primary"));
		outbox.deliverDue();
		advance(Duration.ofMinutes(31));
		escalations.fireDue();
		assertThat(kinds(incident, EventType.ESCALATED))
			.anySatisfy(e -> assertThat(e.detail("chain")).isEqualTo("page:provider-outage-primary"));
	}

	@Test
	void drillsPageNobody() {
		Incident drill = declarations.declare(new Declarations.Request("ai-outage", "sev1", null, true, ChatRef.NONE), PRIYA,
				null).result();
		assertThat(pages.pagesOf(drill.id())).isEmpty();
		outbox.deliverDue();
		assertThat(PAGERDUTY.received()).isEmpty();
	}

	private static String text(Reply reply) {
		StringBuilder out = new StringBuilder();
		for (Block block : reply.blocks()) {
			if (block instanceof Block.Context c) {
				out.append(c.text()).append('\n');
			}
			else if (block instanceof Block.Paragraph p) {
				p.spans().forEach(s -> out.append(s instanceof Span.Plain plain ? plain.text() : s.toString()));
				out.append('\n');
			}
		}
		return out.toString();
	}

	private Incident declare(String severity) {
		return declarations.declare(new Declarations.Request("ai-outage", severity, null, false, ChatRef.NONE), PRIYA, null)
			.result();
	}

	private List<TimelineEvent> kinds(Incident incident, EventType type) {
		return incidents.timeline(incident.id()).stream().filter(e -> e.type() == type).toList();
	}

	private void advance(Duration duration) {
		new DrivenClock(clock).advance(duration);
	}

	private HttpResponse<String> post(String path, String person) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer token-" + person)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> webhook(String body, String signature) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pagerduty/webhooks"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-PagerDuty-Signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}
}
