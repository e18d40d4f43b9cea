package dev.switchboard.runbook;

/** One line of an {@code action} block: what the bot offers as a button. */
public record Action(String text, int line, ActionCommand command) {

	public boolean runnable() {
		return !(command instanceof ActionCommand.Invalid);
	}
}
