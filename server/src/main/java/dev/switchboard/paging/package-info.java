/**
 * Paging: reaching people outside the incident channel and knowing whether they answered. Pages go
 * through {@link dev.switchboard.paging.Pager} adapters (PagerDuty Events API v2, a signed webhook,
 * and a Slack direct message provided by the bot), from a durable outbox; acknowledgements come back
 * from every chat, REST and PagerDuty's webhooks; escalation timers live in the database. It listens
 * to the incident engine ({@link dev.switchboard.incident.IncidentChanged}); the engine knows nothing of it.
 */
package dev.switchboard.paging;
