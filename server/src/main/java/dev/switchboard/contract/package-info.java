/**
 * Contracts other tools read: the OpenAPI document clients generate from (title and build
 * version, the bearer scheme, the problem responses every operation can answer and the
 * {@code Idempotency-Key} header on writes, added once here rather than on each controller), and
 * the JSON Schemas served to editors at {@code /schema/}.
 */
package dev.switchboard.contract;
