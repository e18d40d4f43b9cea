package dev.switchboard.scenario;

/** One choice of a scenario's expected path: on {@code step}, choose {@code choice} (label or target). */
public record ExpectedChoice(String step, String choice, int line) {
}
