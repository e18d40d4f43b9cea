/**
 * The OpenAPI document clients generate from: title and build version, the bearer scheme, the
 * problem responses every operation can answer and the {@code Idempotency-Key} header on writes,
 * added once here rather than on each controller.
 */
package dev.switchboard.apidoc;
