package dev.switchboard.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.completion.CompletionProposal;

import dev.switchboard.catalog.CatalogRegistry;
import dev.switchboard.runbook.Runbook;

/** The terminal's commands: every one is a line of the conversation. */
@Configuration(proxyBeanMethods = false)
class ShellCommands {

	@Bean
	Command incidentCommand(TerminalChat chat, CatalogRegistry catalogs) {
		ConversationCommand command = new ConversationCommand("incident",
				"declare an incident: incident <runbook> [sev1..sev4] [service]; also incident list|status|help", null, chat);
		command.setCompletionProvider(context -> {
			List<CompletionProposal> proposals = new ArrayList<>();
			for (Runbook r : catalogs.current().allRunbooks()) {
				proposals.add(new CompletionProposal(r.id()).description(r.summary()));
				r.aliases().forEach(a -> proposals.add(new CompletionProposal(a).description("alias of " + r.id())));
			}
			List.of("list", "status", "timeline", "help").forEach(s -> proposals.add(new CompletionProposal(s)));
			return proposals;
		});
		return command;
	}

	@Bean
	Command chooseCommand(TerminalChat chat) {
		return new ConversationCommand("choose", "choose a choice of the current step: choose <n|label>", "choose", chat);
	}

	@Bean
	Command backCommand(TerminalChat chat) {
		return new ConversationCommand("back", "go back to the previous step (or: back <step>)", "back", chat);
	}

	@Bean
	Command runCommand(TerminalChat chat) {
		return new ConversationCommand("run", "run an action of the current step: run <n>", "run", chat);
	}

	@Bean
	Command statusCommand(TerminalChat chat) {
		return new ConversationCommand("status", "status of the current incident (or: status INC-4)", "status", chat);
	}

	@Bean
	Command stepCommand(TerminalChat chat) {
		return new ConversationCommand("step", "show the current step again", "step", chat);
	}

	@Bean
	Command timelineCommand(TerminalChat chat) {
		return new ConversationCommand("timeline", "the incident's timeline", "timeline", chat);
	}

	@Bean
	Command postmortemCommand(TerminalChat chat) {
		return new ConversationCommand("postmortem", "the postmortem skeleton in markdown", "postmortem", chat);
	}

	@Bean
	Command noteCommand(TerminalChat chat) {
		return new ConversationCommand("note", "add a note to the timeline: note <text>", "note", chat);
	}

	@Bean
	Command sevCommand(TerminalChat chat) {
		return new ConversationCommand("sev", "change severity: sev <sev1..sev4>", "sev", chat);
	}

	@Bean
	Command commanderCommand(TerminalChat chat) {
		return new ConversationCommand("commander", "hand command over: commander <person>", "commander", chat);
	}

	@Bean
	Command resolveCommand(TerminalChat chat) {
		return new ConversationCommand("resolve", "resolve the incident: resolve [summary]", "resolve", chat);
	}

	@Bean
	Command whoCommand(TerminalChat chat) {
		return new ConversationCommand("who", "who is on call: who <service|role|team|person>", "who", chat);
	}

	@Bean
	Command vendorCommand(TerminalChat chat) {
		return new ConversationCommand("vendor", "vendor status page and contacts: vendor <id>", "vendor", chat);
	}

	@Bean
	Command routesCommand(TerminalChat chat) {
		return new ConversationCommand("routes", "live gateway routes vs ownership.yaml, drift flagged", "routes", chat);
	}

	@Bean
	Command approveCommand(TerminalChat chat) {
		return new ConversationCommand("approve", "approve a route change as second approver: approve <n> <plan>", "approve",
				chat);
	}

	@Bean
	Command rollbackCommand(TerminalChat chat) {
		return new ConversationCommand("rollback", "roll back a route change in effect: rollback <route>", "rollback", chat);
	}

	@Bean
	Command renewCommand(TerminalChat chat) {
		return new ConversationCommand("renew", "keep a route change in effect another lease: renew <route>", "renew", chat);
	}

	@Bean
	Command runbooksCommand(TerminalChat chat) {
		return new ConversationCommand("runbooks", "list the runbooks", "runbooks", chat);
	}
}
