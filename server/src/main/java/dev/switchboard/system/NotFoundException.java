package dev.switchboard.system;

/** Something asked for by id does not exist; mapped to 404 problem+json. */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String id;

	public NotFoundException(String kind, String id) {
		super("unknown " + kind + " '" + id + "'");
		this.kind = kind;
		this.id = id;
	}

	public String kind() {
		return kind;
	}

	public String id() {
		return id;
	}
}
