package dev.switchboard.incident;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

/** A gateway that says it is production and counts every call made to it: none must be, from a drill. */
class ProductionLikeGateway implements Gateway {

	final AtomicInteger calls = new AtomicInteger();

	@Override
	public String kind() {
		return "production-like";
	}

	@Override
	public boolean production() {
		return true;
	}

	@Override
	public List<RouteState> routes() {
		throw touched();
	}

	@Override
	public RouteState read(String route) {
		throw touched();
	}

	@Override
	public FlipPlan plan(String route, String target) {
		throw touched();
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		throw touched();
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		throw touched();
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		throw touched();
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		throw touched();
	}

	private AssertionError touched() {
		calls.incrementAndGet();
		return new AssertionError("a production gateway was called");
	}
}
