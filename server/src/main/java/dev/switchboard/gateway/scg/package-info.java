/**
 * A Spring Cloud Gateway (server-webflux, verified against 5.0.3) as a
 * {@link dev.switchboard.gateway.Gateway}, through its actuator route API: {@code GET
 * /actuator/gateway/routedefinitions} (what is written), {@code GET /actuator/gateway/routes/{id}}
 * (what is served), {@code POST /actuator/gateway/routes/{id}} with the whole route definition and
 * {@code POST /actuator/gateway/refresh}. The package is {@code scg}, not a generic {@code http}:
 * every call, response shape and pitfall here is Spring Cloud Gateway's.
 * <p>
 * <b>A flip</b> rewrites the route definition's {@code uri} to the target's upstream (predicates,
 * filters, order and foreign metadata are written back as read), records the selected and disabled
 * targets in the definition's {@code metadata}, then refreshes. A written definition is not served
 * until a refresh (the actuator answers 201 and keeps the old route), so every change refreshes and
 * reads back both the definition and the served route; a definition written but not served (the
 * refresh failed, or reached another gateway instance) is reported in {@code raw} as written, not
 * live, and applying the same plan again only refreshes.
 * <p>
 * <b>Disable</b> points the route at {@code disabled-uri} (a {@code forward:} to a path nothing
 * serves, so the gateway answers 404) instead of deleting it: a deleted route keeps serving until
 * the next refresh anyway, and the gateway's in-memory repository would lose its definition, so it
 * could not be put back. Routes must be created on the gateway through the actuator (routes from its
 * own configuration are not in the writable repository); with several gateway instances each keeps
 * its own repository, and verify over the load balancer reports the ones left behind.
 * <p>
 * <b>Verify</b> sends {@link dev.switchboard.gateway.RouteProbes} through the route
 * ({@code probe-path}) and requires every probe to be answered by the expected upstream, which names
 * itself in {@code served-by-header}, echoing the probe's nonce.
 * <p>
 * <b>Secrets.</b> Actuator credentials ({@code admin-token}, or {@code admin-user} and
 * {@code admin-password}) and the probe token come from configuration set from the environment, are
 * never printed, and plans, states and messages are redacted.
 */
package dev.switchboard.gateway.scg;
