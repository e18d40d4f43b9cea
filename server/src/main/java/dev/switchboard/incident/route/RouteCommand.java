package dev.switchboard.incident.route;

import java.util.Optional;

import dev.switchboard.runbook.ActionCommand;

/** A step action that changes a model route on the gateway. */
public record RouteCommand(Kind kind, String route, String target) {

	enum Kind {
		FLIP, RESTORE, DISABLE, ENABLE;

		String verb() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public static Optional<RouteCommand> of(ActionCommand command) {
		if (command instanceof ActionCommand.GatewayFlip flip) {
			return Optional.of(new RouteCommand(Kind.FLIP, flip.route(), flip.target()));
		}
		if (command instanceof ActionCommand.GatewayRestore restore) {
			return Optional.of(new RouteCommand(Kind.RESTORE, restore.route(), null));
		}
		if (command instanceof ActionCommand.GatewayDisable disable) {
			return Optional.of(new RouteCommand(Kind.DISABLE, disable.route(), null));
		}
		if (command instanceof ActionCommand.GatewayEnable enable) {
			return Optional.of(new RouteCommand(Kind.ENABLE, enable.route(), null));
		}
		return Optional.empty();
	}

	/** Leaves a lease behind (a change someone must undo); restore and enable end one. */
	boolean leased() {
		return kind == Kind.FLIP || kind == Kind.DISABLE;
	}

	String text() {
		return "gateway " + verb() + " " + route + (target == null ? "" : " " + target);
	}

	private String verb() {
		return kind.verb();
	}
}
