package dev.switchboard.conversation;

/** A piece of text in a paragraph: plain text or a mention of a person (rendered as a real mention). */
public sealed interface Span {

	String plainText();

	record Plain(String text) implements Span {

		@Override
		public String plainText() {
			return text;
		}
	}

	/** A person from ownership.yaml; each chat maps the id to its own user id (Slack U…, Discord snowflake). */
	record Mention(String personId, String name) implements Span {

		@Override
		public String plainText() {
			return "@" + name;
		}
	}
}
