package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.switchboard.ownership.Service;

/**
 * The markdown of one generated runbook, shaped like the shipped ones: a triage decision, a chain of
 * investigations, a strategy decision (2–4 strategies, the rest {@code Omitted:} with a reason),
 * strategy steps with action blocks, verify and monitor decisions, and terminal steps with a
 * resolution. 10–20 steps, explicit {@code {#id}} and GitHub-slug ids, @mentions, registry facts,
 * links within the runbook, to the shipped runbooks and to another generated one.
 */
final class RunbookText {

	private static final String[] STRATEGIES = { "fail-closed", "fail-open", "switch-route", "degrade" };

	private static final String[] INVESTIGATIONS = { "Check the gateway dashboards", "Is it the prompt?",
			"Read twenty recent traces", "Compare with last week", "Check the vendor status page",
			"Look for a deploy in the last hour", "Check the API key and budget", "Check the queue backlog",
			"Sample outputs against the golden set", "Ask the owning team", "Check token spend per key",
			"Look at the retry storm", "Check the parser exceptions" };

	private static final String[] SENTENCES = { "Get @{who} on the call and keep the channel for decisions only.",
			"Grafana *LLM Gateway / Routes* shows errors by status code, p95 latency and requests per minute for {svc}.",
			"Several routes on {vendor} failing at once is a vendor problem; one route with {vendor} green is ours.",
			"The status page is {{vendor.{vendor}.status_page}}; read it before opening a ticket.",
			"Work for {svc} goes to {{service.{svc}.human_queue}} when we fail open.",
			"The pre-agreed secondary for {svc} is {{service.{svc}.secondary}}; the primary is {{service.{svc}.primary}}.",
			"Tier {{service.{svc}.tier}} services need a second approver from @{who2} before a flip.",
			"Do not hot-fix prompts in production: revert to the last-known-good tag and let CI deploy it.",
			"Post a `note` every 30 minutes with what changed, what you decided and when you will look again.",
			"If the backlog passes 500 items or 24 hours, @{team} pulls in extra people before the next run.",
			"Ask {vendor} for a temporary limit increase while you act; quote the account id {{vendor.{vendor}.account_id}}.",
			"Customer-visible harm is a sev1 from the first report: stop first, investigate after.",
			"Keep the route history open on the Switchboard *Routes* page so the rollback is one click away.",
			"Golden-set pass rate under 95 % means the fallback is not good enough to keep.",
			"Write down the trace ids you looked at; the postmortem needs them.",
			"When in doubt, @{who} decides and @{who2} is informed.",
			"Check `litellm_deployment_state` for the route: 2 means a complete outage.",
			"Retries hide failures: a flat error rate with rising latency is still an incident.",
			"A cold standby takes a few minutes to warm up; expect slow first calls.",
			"See [the outage runbook](ai-outage.md#triage) for the vendor-side checks.",
			"Prompt changes of high risk need two approvers, including @{who2}.",
			"{{vendor.{vendor}.name}} support wants the org id, model, UTC window and three request ids." };

	private static final String[] CHECKS = { "`x-litellm-model-name` on responses names the expected model",
			"errors below 1 % for 10 minutes on *LLM Gateway / Routes*", "p95 latency under twice the weekly baseline",
			"`make -C evals golden ROUTE={route} N=50` passes", "schema pass rate at 98 % or more",
			"tokens per minute within the budget alert", "no new dead letters on *Ingest*" };

	private static final String[] COMMANDS = {
			"curl -s -H \"Authorization: Bearer $LITELLM_KEY\" \"https://llm-gw.internal/health?model={route}\" | jq .unhealthy_count",
			"./scripts/sample-traces --route {route} --since 6h --n 20",
			"kubectl -n {route} logs deploy/{route}-worker --since=30m | grep -c ParseError",
			"git log --since=\"72 hours ago\" -- prompts/{route}/" };

	private final Random random;

	private final RunbookCorpus.Registry registry;

	private final List<Service> services;

	private final String crossLink;

	private final StringBuilder out = new StringBuilder(8192);

	RunbookText(Random random, RunbookCorpus.Registry registry, List<Service> services, String crossLink) {
		this.random = random;
		this.registry = registry;
		this.services = services;
		this.crossLink = crossLink;
	}

	String render(String frontMatter, String title) {
		out.append(frontMatter).append("\n# ").append(title).append("\n\n").append(prose(2)).append("\n\n");
		List<String> offered = new ArrayList<>(RunbookCorpus.pick(random, List.of(STRATEGIES), 2 + random.nextInt(3)));
		offered.sort(java.util.Comparator.comparingInt(s -> List.of(STRATEGIES).indexOf(s)));
		int steps = 10 + Math.min(random.nextInt(11), random.nextInt(11));
		List<String> investigations = RunbookCorpus.pick(random, List.of(INVESTIGATIONS), Math.max(0, steps - 8 - offered.size()));
		List<String> invIds = investigations.stream().map(RunbookText::slug).toList();
		triage(invIds.isEmpty() ? "choose-strategy" : invIds.get(0), !invIds.isEmpty());
		for (int i = 0; i < investigations.size(); i++) {
			investigation(investigations.get(i), i + 1 < invIds.size() ? invIds.get(i + 1) : "choose-strategy");
		}
		chooseStrategy(offered);
		offered.forEach(this::strategy);
		verify();
		monitor();
		recover();
		terminal("Resolved", "resolved", "resolved");
		terminal("Hold the fallback and hand over", "hold", "mitigated");
		terminal("Not an AI problem", "not-ours", "handed-off");
		return out.toString();
	}

	private void triage(String first, boolean investigate) {
		heading("Triage: what is failing?", "triage");
		body(true);
		actions(List.of("page " + pageable(), "vendor " + vendor(), "vendor " + vendor()));
		List<String> items = new ArrayList<>();
		items.add(choice(investigate ? "Not obvious yet" : "Clear cut", first, "start with the checks below"));
		if (investigate && random.nextBoolean()) {
			items.add(choice("Clear cut", "choose-strategy", "the failing route is known; pick a fallback now"));
		}
		if (crossLink != null && random.nextBoolean()) {
			items.add(choice("Looks like another incident", crossLink, "hand over to that runbook"));
		}
		items.add(choice("Not an AI problem", "not-ours", "the model is fine; our code or data is not"));
		choices(items);
	}

	private void investigation(String title, String next) {
		heading(title, null);
		body(random.nextInt(3) == 0);
		if (random.nextInt(3) == 0) {
			actions(List.of((random.nextBoolean() ? "notify " : "page ") + pageable()));
		}
		List<String> items = new ArrayList<>(List.of(choice("Next", next, null)));
		if (!next.equals("choose-strategy") && random.nextBoolean()) {
			items.add(choice("Found the cause", "choose-strategy", "no need to keep looking"));
		}
		if (random.nextInt(3) == 0) {
			items.add(choice("Not ours after all", "not-ours", null));
		}
		choices(items);
	}

	private void chooseStrategy(List<String> offered) {
		heading("Pick a fallback", "choose-strategy");
		body(false);
		StringBuilder omitted = new StringBuilder();
		for (String strategy : STRATEGIES) {
			if (!offered.contains(strategy)) {
				omitted.append("**Omitted:** ").append(strategy).append(" — ").append(reason(strategy)).append('\n');
			}
		}
		if (!omitted.isEmpty()) {
			out.append(omitted).append('\n');
		}
		choices(offered.stream().map(s -> choice(label(s), s, hint(s))).toList());
	}

	private void strategy(String strategy) {
		heading(label(strategy), strategy);
		out.append("**Strategy:** ").append(strategy).append("\n\n");
		body(false);
		List<String> actions = new ArrayList<>();
		for (Service service : services) {
			switch (strategy) {
				case "switch-route" -> actions.add("gateway flip " + service.route() + " secondary");
				case "fail-open" -> actions.add("queue " + service.id());
				case "fail-closed" -> actions.add("gateway disable " + service.route());
				default -> {
					if (service.tier() > 1) {
						actions.add("gateway disable " + service.route());
					}
				}
			}
		}
		actions.add("notify " + pageable());
		actions(actions);
		choices(List.of(choice("Verify the fallback", "verify", null)));
	}

	private void verify() {
		heading("Verify the fallback", "verify");
		body(false);
		for (int i = 0; i < 3 + random.nextInt(2); i++) {
			out.append(i + 1).append(". ").append(fill(CHECKS[random.nextInt(CHECKS.length)])).append('\n');
		}
		out.append('\n');
		List<String> items = new ArrayList<>(List.of(choice("Fallback healthy", "monitor", "keep it and watch"),
				choice("Fallback failing", "choose-strategy", "pick another one")));
		if (random.nextBoolean()) {
			items.add(choice("Secondary fails too", "ai-outage.md#secondary-failing", "hand over to the outage runbook"));
		}
		choices(items);
	}

	private void monitor() {
		heading("Monitor until it recovers", "monitor");
		body(false);
		List<String> items = new ArrayList<>(List.of(choice("Recovered", "recover", "primary probe clean for 30 minutes"),
				choice("Long outage", "hold", "over 4 hours or overnight")));
		if (random.nextBoolean()) {
			items.add(choice("Re-triage", "triage", "new symptoms"));
		}
		if (crossLink != null && random.nextBoolean()) {
			items.add(choice("Output is wrong, not missing", "format-drift.md#confirm-drift", null));
		}
		choices(items);
	}

	private void recover() {
		heading("Return to the primary", "recover");
		body(false);
		List<String> actions = new ArrayList<>();
		services.forEach(s -> actions.add("gateway restore " + s.route()));
		services.forEach(s -> actions.add("gateway enable " + s.route()));
		actions(actions);
		choices(List.of(choice("Primary healthy", "resolved", null)));
	}

	private void terminal(String title, String id, String resolution) {
		heading(title, id);
		body(false);
		out.append("**Resolution:** ").append(resolution).append("\n\n");
	}

	private void heading(String title, String id) {
		out.append("## ").append(title);
		if (id != null) {
			out.append(" {#").append(id).append('}');
		}
		out.append("\n\n");
	}

	/** One to three paragraphs, sometimes a bullet list or a shell snippet between them. */
	private void body(boolean rich) {
		out.append(prose(1 + random.nextInt(2))).append("\n\n");
		if (rich || random.nextInt(6) == 0) {
			for (int i = 0; i < 2 + random.nextInt(2); i++) {
				out.append("- **").append(RunbookCorpus.capitalize(vendor())).append("**: ").append(prose(1)).append('\n');
			}
			out.append('\n').append(prose(1)).append("\n\n");
		}
		if (rich || random.nextInt(6) == 0) {
			out.append("```sh\n").append(fill(COMMANDS[random.nextInt(COMMANDS.length)])).append("\n```\n\n");
		}
	}

	private String prose(int sentences) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < sentences; i++) {
			text.append(i == 0 ? "" : i % 2 == 0 ? "\n" : " ").append(fill(SENTENCES[random.nextInt(SENTENCES.length)]));
		}
		return text.toString();
	}

	private String fill(String template) {
		Service service = services.get(random.nextInt(services.size()));
		return template.replace("{svc}", service.id())
			.replace("{route}", service.route())
			.replace("{vendor}", vendor())
			.replace("{team}", registry.teams().get(random.nextInt(registry.teams().size())))
			.replace("{who2}", mentionable())
			.replace("{who}", mentionable());
	}

	private void actions(List<String> lines) {
		out.append("```action\n");
		lines.forEach(line -> out.append(line).append('\n'));
		out.append("```\n\n");
	}

	private void choices(List<String> items) {
		items.forEach(out::append);
		out.append('\n');
	}

	private static String choice(String label, String target, String hint) {
		String link = target.contains(".md") ? target : "#" + target;
		return "- [" + label + "](" + link + ")" + (hint == null ? "" : " — " + hint) + "\n";
	}

	private String mentionable() {
		return registry.mentionable().get(random.nextInt(registry.mentionable().size()));
	}

	private String pageable() {
		return registry.pageable().get(random.nextInt(registry.pageable().size()));
	}

	private String vendor() {
		return registry.vendors().get(random.nextInt(registry.vendors().size()));
	}

	private static String label(String strategy) {
		return switch (strategy) {
			case "fail-closed" -> "Fail closed";
			case "fail-open" -> "Fail open to humans";
			case "switch-route" -> "Switch to the secondary route";
			default -> "Degrade: keep the essentials";
		};
	}

	private static String reason(String strategy) {
		return switch (strategy) {
			case "fail-closed" -> "not acceptable: callers cannot park work without losing it";
			case "fail-open" -> "not possible: no human queue can absorb this volume";
			case "switch-route" -> "not pre-agreed: the secondary shares the failing vendor";
			default -> "not useful: there are no optional features to shed";
		};
	}

	private static String hint(String strategy) {
		return switch (strategy) {
			case "fail-closed" -> "a wrong answer is worse than none";
			case "fail-open" -> "human queues have room";
			case "switch-route" -> "the secondary is healthy and on another vendor";
			default -> "shed optional features to keep the essentials";
		};
	}

	/** GitHub's heading anchor for the plain-ASCII titles used here. */
	static String slug(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}
}
