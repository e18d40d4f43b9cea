package dev.switchboard.runbook;

import java.util.List;
import java.util.Set;

import dev.switchboard.lint.FindingSink;
import dev.switchboard.lint.NearestNames;
import dev.switchboard.ownership.Ownership;
import dev.switchboard.ownership.Service;
import dev.switchboard.runbook.ActionCommand.GatewayDisable;
import dev.switchboard.runbook.ActionCommand.GatewayEnable;
import dev.switchboard.runbook.ActionCommand.GatewayFlip;
import dev.switchboard.runbook.ActionCommand.GatewayRestore;
import dev.switchboard.runbook.ActionCommand.HumanQueue;
import dev.switchboard.runbook.ActionCommand.Invalid;
import dev.switchboard.runbook.ActionCommand.Notify;
import dev.switchboard.runbook.ActionCommand.Page;
import dev.switchboard.runbook.ActionCommand.VendorInfo;

/** Every name a runbook's steps use must exist in ownership.yaml: mentions, registry facts, action arguments. */
final class ReferenceRules {

	private static final Set<String> VENDOR_FIELDS = Set.of("name", "status_page", "account_id");

	private static final Set<String> SERVICE_FIELDS = Set.of("name", "route", "primary", "secondary", "human_queue",
			"tier");

	private final Ownership ownership;

	private final Runbook runbook;

	private final FindingSink sink;

	ReferenceRules(Ownership ownership, Runbook runbook, FindingSink sink) {
		this.ownership = ownership;
		this.runbook = runbook;
		this.sink = sink;
	}

	void check() {
		for (Step step : runbook.steps()) {
			step.mentions().forEach(this::mention);
			step.refs().forEach(this::ref);
			step.actions().forEach(this::action);
		}
	}

	private void mention(Mention mention) {
		if (ownership.kindOf(mention.name()).isEmpty()) {
			sink.error(mention.line(), "unknown-mention", "@" + mention.name()
					+ " is not a role, team or person in ownership.yaml" + NearestNames.hint(mention.name(), ownership.principalIds()));
		}
	}

	private void ref(RegistryRef ref) {
		if (ref.malformed()) {
			sink.error(ref.line(), "unknown-reference", ref.text()
					+ ": not a reference; write {{vendor.<id>.<field>}} or {{service.<id>.<field>}}");
			return;
		}
		switch (ref.kind()) {
			case "vendor" -> {
				if (ownership.vendor(ref.id()).isEmpty()) {
					sink.error(ref.line(), "unknown-reference", ref.text() + ": unknown vendor '" + ref.id() + "'"
							+ NearestNames.hint(ref.id(), vendorIds()));
				}
				else if (!VENDOR_FIELDS.contains(ref.field())) {
					sink.error(ref.line(), "unknown-reference", ref.text() + ": vendors have " + VENDOR_FIELDS);
				}
			}
			case "service" -> {
				if (ownership.service(ref.id()).isEmpty()) {
					sink.error(ref.line(), "unknown-reference", ref.text() + ": unknown service '" + ref.id() + "'"
							+ NearestNames.hint(ref.id(), serviceIds()));
				}
				else if (!SERVICE_FIELDS.contains(ref.field())) {
					sink.error(ref.line(), "unknown-reference", ref.text() + ": services have " + SERVICE_FIELDS);
				}
			}
			default -> sink.error(ref.line(), "unknown-reference",
					ref.text() + ": only {{vendor.<id>.<field>}} and {{service.<id>.<field>}} are known");
		}
	}

	private void action(Action action) {
		int line = action.line();
		ActionCommand command = action.command();
		if (command instanceof Invalid invalid) {
			sink.error(line, "unknown-action", invalid.reason());
		}
		else if (command instanceof GatewayFlip flip) {
			route(flip.route(), line).ifPresent(service -> target(service, flip.target(), line));
		}
		else if (command instanceof GatewayRestore restore) {
			route(restore.route(), line);
		}
		else if (command instanceof GatewayDisable disable) {
			route(disable.route(), line);
		}
		else if (command instanceof GatewayEnable enable) {
			route(enable.route(), line);
		}
		else if (command instanceof HumanQueue queue && ownership.service(queue.service()).isEmpty()) {
			sink.error(line, "unknown-reference", "queue: unknown service '" + queue.service() + "'"
					+ NearestNames.hint(queue.service(), serviceIds()));
		}
		else if (command instanceof Page page) {
			principal("page", page.who(), line);
		}
		else if (command instanceof Notify notify) {
			principal("notify", notify.who(), line);
		}
		else if (command instanceof VendorInfo vendor && ownership.vendor(vendor.vendor()).isEmpty()) {
			sink.error(line, "unknown-reference", "vendor: unknown vendor '" + vendor.vendor() + "'"
					+ NearestNames.hint(vendor.vendor(), vendorIds()));
		}
	}

	private java.util.Optional<Service> route(String route, int line) {
		java.util.Optional<Service> service = ownership.serviceByRoute(route);
		if (service.isEmpty()) {
			sink.error(line, "unknown-route", "unknown gateway route '" + route + "': routes are the 'route' of a service in ownership.yaml"
					+ NearestNames.hint(route, ownership.services().stream().map(Service::route).toList()));
		}
		else if (!runbook.services().isEmpty() && !runbook.services().contains(service.get().id())) {
			sink.warning(line, "service-not-listed", "this action changes route '" + route + "' of service '"
					+ service.get().id() + "', which the runbook's front matter does not list in services");
		}
		return service;
	}

	private void target(Service service, String target, int line) {
		String model = service.target(target);
		if (model == null || ownership.vendorOfModel(model).isEmpty()) {
			sink.error(line, "unknown-target", "unknown target '" + target + "' for route '" + service.route()
					+ "': use primary, secondary or a model listed under a vendor");
		}
	}

	private void principal(String verb, String who, int line) {
		if (ownership.kindOf(who).isEmpty()) {
			sink.error(line, "unknown-reference", verb + ": '" + who + "' is not a role, team or person in ownership.yaml"
					+ NearestNames.hint(who, ownership.principalIds()));
		}
	}

	private List<String> vendorIds() {
		return ownership.vendors().stream().map(v -> v.id()).toList();
	}

	private List<String> serviceIds() {
		return ownership.services().stream().map(Service::id).toList();
	}
}
