package dev.switchboard.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * One terminal command that hands its whole line to the conversation: {@code choose 2} becomes
 * the conversation's {@code choose 2}, {@code incident ai-outage sev1} its {@code ai-outage sev1}.
 */
class ConversationCommand extends AbstractCommand {

	private final TerminalChat chat;

	/** The conversation verb this command stands for, or null when the arguments are the whole command. */
	private final String verb;

	ConversationCommand(String name, String description, String verb, TerminalChat chat) {
		super(name, description, "Incident");
		this.verb = verb;
		this.chat = chat;
	}

	@Override
	public ExitStatus doExecute(CommandContext ctx) {
		List<String> words = new ArrayList<>();
		if (verb != null) {
			words.add(verb);
		}
		words.addAll(ctx.parsedInput().subCommands());
		ctx.parsedInput().arguments().stream().map(CommandArgument::value).forEach(words::add);
		ctx.parsedInput().options().forEach(o -> words.add(o.toString()));
		ctx.outputWriter().println(chat.say(String.join(" ", words)));
		ctx.outputWriter().flush();
		return ExitStatus.OK;
	}
}
