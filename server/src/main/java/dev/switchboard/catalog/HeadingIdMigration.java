package dev.switchboard.catalog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.runbook.HeadingIdFix;
import dev.switchboard.runbook.RunbookParser;

/**
 * {@code switchboard lint --fix}: rewrites the old {@code {#id}} step headings of a runbooks
 * folder to {@code <a name="id"></a>} anchors, which GitHub honours. Step ids stay the same, and
 * nothing else in a file changes. Files that cannot be read are left to lint to report.
 */
public final class HeadingIdMigration {

	private final RunbookParser parser = new RunbookParser();

	/** One file to rewrite: its text now and after the fixes. */
	public record Rewrite(Path path, String before, String after, List<HeadingIdFix> fixes) {
	}

	/** What {@link #write} would change, file by file in name order; nothing is written. */
	public List<Rewrite> plan(Path runbooksDir) throws IOException {
		List<Rewrite> rewrites = new ArrayList<>();
		for (Path path : RunbookSource.files(runbooksDir)) {
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
					.toString();
			}
			catch (CharacterCodingException ex) {
				continue;
			}
			String name = path.getFileName().toString();
			List<HeadingIdFix> fixes = parser.parse(name, name, text).fixes();
			if (!fixes.isEmpty()) {
				rewrites.add(new Rewrite(path, text, HeadingIdFix.apply(text, fixes), fixes));
			}
		}
		return rewrites;
	}

	/** Writes each rewrite in place (through a temporary file, so a file is never half written). */
	public void write(List<Rewrite> rewrites) throws IOException {
		for (Rewrite rewrite : rewrites) {
			Path tmp = rewrite.path().resolveSibling("." + rewrite.path().getFileName() + ".fix");
			Files.writeString(tmp, rewrite.after(), StandardCharsets.UTF_8);
			Files.move(tmp, rewrite.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}
}
