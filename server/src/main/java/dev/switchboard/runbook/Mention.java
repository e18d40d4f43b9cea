package dev.switchboard.runbook;

/** An {@code @role}, {@code @team} or {@code @person} written in a step. */
public record Mention(String name, int line) {
}
