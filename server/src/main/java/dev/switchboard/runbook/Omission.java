package dev.switchboard.runbook;

/** An {@code Omitted:} marker: a strategy a decision deliberately does not offer, and why. */
public record Omission(Strategy strategy, String reason, int line) {
}
