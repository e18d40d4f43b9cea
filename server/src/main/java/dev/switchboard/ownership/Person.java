package dev.switchboard.ownership;

/** Someone who can be mentioned, paged or authorize a change. Contact fields may be null. */
public record Person(String id, String name, String email, String slack, String discord, String phone) {
}
