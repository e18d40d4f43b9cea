package dev.switchboard.incident;

/**
 * The outcome of a change request.
 *
 * @param replayed true when the request key had already been applied: nothing changed this time
 */
public record Applied<T>(T result, boolean replayed) {
}
