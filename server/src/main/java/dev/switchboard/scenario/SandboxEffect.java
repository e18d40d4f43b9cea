package dev.switchboard.scenario;

/**
 * What an injected event does to the sandbox gateway.
 *
 * @param target {@code primary} or {@code secondary}: the service's pre-agreed targets
 * @param behaviour {@code healthy}, {@code down}, {@code throttled}, {@code wrong-content}, {@code slow}, {@code drift}
 * @param rate percent of requests affected as announced to participants, or null; the sandbox
 * applies the behaviour to every request (a throttled target answers 429 each time)
 */
public record SandboxEffect(String target, String behaviour, Integer rate) {
}
