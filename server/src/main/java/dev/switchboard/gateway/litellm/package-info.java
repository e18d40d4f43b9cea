/**
 * The LiteLLM proxy as a {@link dev.switchboard.gateway.Gateway}, through its admin API
 * (contract as of LiteLLM v1.81–v1.100: shared/notes/gateway-contract.md). Each flippable route
 * (a public model group name that apps keep calling) has a strategy, chosen in
 * {@code switchboard.gateway.litellm.routes}:
 * <ul>
 * <li>{@code repoint}: PATCH {@code /model/{id}/update} of the group's single DB deployment with
 * the target's {@code model}, {@code api_base}, {@code api_key} (from configuration);</li>
 * <li>{@code block}: primary and secondary are deployments of one group; a flip unblocks the
 * target then blocks the rest ({@code /model/unblock}, {@code /model/block}; LiteLLM ≥ 1.90 by
 * default, refused on older or unidentifiable proxies);</li>
 * <li>{@code alias}: {@code router_settings.model_group_alias} through {@code /config/update},
 * confirmed by reading {@code /router/settings} (a silently dropped alias is a failure).</li>
 * </ul>
 * <p>
 * <b>Once only.</b> Every write starts by reading the route back from the proxy; when it is
 * already as planned nothing is written. That, not the idempotency keys held in memory (lost on
 * restart, not shared between Switchboard replicas), is what makes a double click, a retry, a
 * restart or a second replica change the proxy once. A plan also carries the fingerprint of the
 * state it was made from: applying it after someone else changed the route is refused
 * ({@code STALE_PLAN}), and so is a restore over such a change ({@code DRIFT}).
 * <p>
 * <b>Written is not done.</b> Behind a load balancer the read-back may reach a pod that has not
 * reloaded yet, and newer proxies answer 500 "saved to the database, but not live in this pod's
 * router": both are reported in {@code raw} as written, not verified. Verify sends probes over at
 * least {@code replica-poll-interval} and judges by the {@code x-litellm-model-id} /
 * {@code x-litellm-model-api-base} / {@code x-litellm-attempted-fallbacks} headers.
 * <p>
 * <b>Secrets.</b> The master key comes from configuration (set from {@code LITELLM_MASTER_KEY}),
 * is never printed, and everything leaving the adapter (states, plans, messages) goes through
 * {@link dev.switchboard.gateway.litellm.Redaction}.
 */
package dev.switchboard.gateway.litellm;
