package dev.switchboard.bench.flip;

import java.util.List;
import java.util.function.Supplier;

import dev.switchboard.gateway.FlipPlan;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.RouteSnapshot;
import dev.switchboard.gateway.RouteState;
import dev.switchboard.gateway.Verification;
import dev.switchboard.gateway.VerifyPolicy;

/**
 * The sandbox gateway under another name ({@code bench}), timing every call: the time spent inside
 * the gateway is not Switchboard's overhead, and verify is excluded altogether. One thread at a time.
 */
final class TimedGateway implements Gateway {

	private final Gateway sandbox;

	private long gatewayNanos;

	private long verifyNanos;

	private long gatewayCpuNanos;

	private long verifyCpuNanos;

	static long cpu() {
		return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	TimedGateway(Gateway sandbox) {
		this.sandbox = sandbox;
	}

	void reset() {
		gatewayNanos = 0;
		verifyNanos = 0;
		gatewayCpuNanos = 0;
		verifyCpuNanos = 0;
	}

	long gatewayNanos() {
		return gatewayNanos;
	}

	long verifyNanos() {
		return verifyNanos;
	}

	/** CPU of the calling thread inside gateway calls and verify (the sandbox's own work runs on its threads). */
	long gatewayAndVerifyCpuNanos() {
		return gatewayCpuNanos + verifyCpuNanos;
	}

	@Override
	public String kind() {
		return "bench";
	}

	@Override
	public boolean production() {
		return false;
	}

	@Override
	public List<RouteState> routes() {
		return timed(sandbox::routes);
	}

	@Override
	public RouteState read(String route) {
		return timed(() -> sandbox.read(route));
	}

	@Override
	public FlipPlan plan(String route, String target) {
		return timed(() -> sandbox.plan(route, target));
	}

	@Override
	public RouteState apply(FlipPlan plan, String idempotencyKey) {
		return timed(() -> sandbox.apply(plan, idempotencyKey));
	}

	@Override
	public RouteState setEnabled(String route, String target, boolean enabled) {
		return timed(() -> sandbox.setEnabled(route, target, enabled));
	}

	@Override
	public Verification verify(String route, String expectedTarget, VerifyPolicy policy) {
		long start = System.nanoTime();
		long cpu = cpu();
		try {
			return sandbox.verify(route, expectedTarget, policy);
		}
		finally {
			verifyNanos += System.nanoTime() - start;
			verifyCpuNanos += cpu() - cpu;
		}
	}

	@Override
	public RouteState restore(RouteSnapshot snapshot, RouteState expectedCurrent) {
		return timed(() -> sandbox.restore(snapshot, expectedCurrent));
	}

	private <T> T timed(Supplier<T> call) {
		long start = System.nanoTime();
		long cpu = cpu();
		try {
			return call.get();
		}
		finally {
			gatewayNanos += System.nanoTime() - start;
			gatewayCpuNanos += cpu() - cpu;
		}
	}
}
