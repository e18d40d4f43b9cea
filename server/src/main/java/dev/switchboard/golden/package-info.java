/**
 * Golden sets: per service, a few chat cases in git ({@code goldens/<service>.yaml}) with checks on the
 * answer in promptfoo's vocabulary. Loaded and linted like runbooks (a file with errors never replaces
 * the last good one), sent through a model route after every route change (the content gate) and, by
 * {@code health}, on a schedule against every live and standby target.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "gateway", "lint", "ownership"})
package dev.switchboard.golden;
