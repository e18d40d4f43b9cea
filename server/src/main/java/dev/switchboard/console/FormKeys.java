package dev.switchboard.console;

import java.util.UUID;

/**
 * A fresh request key for each form a page renders ({@code ${keys.next()}}): the engine applies a
 * form posted twice (double click, browser retry) once, as it does a chat's retried click.
 */
final class FormKeys {

	static final FormKeys INSTANCE = new FormKeys();

	public String next() {
		return UUID.randomUUID().toString();
	}
}
