/**
 * Who may call the HTTP API, on Spring Security: bearer tokens bound to people in ownership.yaml
 * (re-checked against the current file on every request), the local operator for token-less
 * requests from loopback, an opt-in for anonymous reads, and the request-body limit of the API.
 * Slack's endpoint is not here: it is authenticated by Slack's request signature.
 */
package dev.switchboard.security;
