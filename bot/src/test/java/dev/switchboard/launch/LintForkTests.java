package dev.switchboard.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintForkTests {

	@TempDir
	Path tmp;

	@Test
	void readsTheRunbooksFolderAsLintCommandDoes() {
		assertThat(LintFork.runbooksFolder(new String[] { "lint" })).isEqualTo(Path.of("runbooks"));
		assertThat(LintFork.runbooksFolder(new String[] { "lint", "--runbooks", "docs/rb", "--format", "json" }))
			.isEqualTo(Path.of("docs/rb"));
		assertThat(LintFork.runbooksFolder(new String[] { "lint", "--runbooks=other" })).isEqualTo(Path.of("other"));
	}

	@Test
	void aSmallFolderGetsOneCompilerThreadAndSerialGcAndEveryFolderC1Only() throws IOException {
		Path small = Files.createDirectories(tmp.resolve("small"));
		Path large = Files.createDirectories(tmp.resolve("large"));
		for (int i = 0; i <= LintFork.SMALL_FOLDER; i++) {
			Files.writeString(large.resolve("rb-" + i + ".md"), "");
			if (i < 10) {
				Files.writeString(small.resolve("rb-" + i + ".md"), "");
			}
		}
		assertThat(LintFork.smallFolder(small)).isTrue();
		assertThat(LintFork.smallFolder(large)).isFalse();
		assertThat(LintFork.smallFolder(tmp.resolve("missing"))).as("lint reports it; flags do not matter").isTrue();

		LintCache.Entry entry = new LintCache.Entry(tmp.resolve("entry"), "a.jar:b.jar");
		List<String> quick = LintFork.command("java", List.of("-Xmx512m"), entry, null, true, new String[] { "lint" });
		List<String> full = LintFork.command("java", List.of(), entry, null, false, new String[] { "lint" });
		assertThat(quick).contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC");
		assertThat(full).contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:CICompilerCount=1", "-XX:+UseSerialGC");
	}

	@Test
	void leavesTheCollectorToAUserWhoChoseOne() {
		assertThat(LintFork.choosesGc(List.of("-Xmx1g"), Map.of())).isFalse();
		assertThat(LintFork.choosesGc(List.of("-XX:+UseParallelGC"), Map.of())).isTrue();
		assertThat(LintFork.choosesGc(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Dx=1  -XX:+UseG1GC"))).isTrue();
		assertThat(LintFork.choosesGc(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:+UseZGC"))).isTrue();
		assertThat(LintFork.choosesGc(List.of("-XX:+UseCompressedOops"), Map.of())).isFalse();
	}

	@Test
	void theFirstRunRecordsTheArchiveAndLaterRunsStartFromIt() {
		LintCache.Entry entry = new LintCache.Entry(tmp.resolve("entry"), "a.jar:b.jar");
		Path recording = tmp.resolve("entry/lint.jsa.42.tmp");
		List<String> first = LintFork.command("/jdk/bin/java", List.of("-Dx=1"), entry, recording, true,
				new String[] { "lint", "--format", "json" });
		List<String> later = LintFork.command("/jdk/bin/java", List.of("-Dx=1"), entry, null, true,
				new String[] { "lint", "--format", "json" });

		assertThat(first).contains("-XX:ArchiveClassesAtExit=" + recording).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
		assertThat(later).contains("-XX:SharedArchiveFile=" + entry.archive()).noneMatch(a -> a.startsWith("-XX:ArchiveClasses"));
		assertThat(later.subList(0, 2)).as("the parent's own JVM options come first").containsExactly("/jdk/bin/java", "-Dx=1");
		assertThat(later.subList(later.size() - 6, later.size())).containsExactly("-cp", "a.jar:b.jar",
				"dev.switchboard.SwitchboardMain", "lint", "--format", "json");
	}

	@Test
	void theChildsLoggingFlagsAreAcceptedByThisJvmAndKeepStdoutClean() throws Exception {
		LintCache.Entry entry = new LintCache.Entry(tmp.resolve("entry"), "");
		Files.createDirectories(entry.dir());
		List<String> command = LintFork.command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				List.of(), entry, entry.dir().resolve("rec.tmp"), true, new String[0]);
		// same flags, but -version instead of a class path and main class
		List<String> flags = command.subList(0, command.indexOf("-cp"));
		Process java = new ProcessBuilder(concat(flags, "-version")).redirectOutput(tmp.resolve("out").toFile())
			.redirectError(tmp.resolve("err").toFile())
			.start();
		assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(Files.readString(tmp.resolve("err"))).isZero();
		assertThat(Files.readString(tmp.resolve("out"))).as("stdout stays the report's").isEmpty();
	}

	@Test
	void forksOnlyOnHotSpotAndNeverWhenTurnedOff() {
		assertThat(LintFork.hotSpot("OpenJDK 64-Bit Server VM")).isTrue();
		assertThat(LintFork.hotSpot("Java HotSpot(TM) 64-Bit Server VM")).isTrue();
		assertThat(LintFork.hotSpot("Eclipse OpenJ9 VM")).isFalse();
		assertThat(LintFork.run(new String[] { "lint" }, Map.of("SWITCHBOARD_LINT_FORK", "false")))
			.isEqualTo(LintFork.NOT_FORKED);
		assertThat(LintFork.run(new String[] { "lint" }, Map.of("SWITCHBOARD_LINT_FORK", "0")))
			.isEqualTo(LintFork.NOT_FORKED);
	}

	@Test
	void passesOnTheOptionsBeforeJarButNotAnAgentOrDebugger() {
		assertThat(LintFork.forwardable(new String[] { "-Xmx2g", "-Dx=1", "-jar", "s.jar", "lint", "-Dnot=mine" }))
			.containsExactly("-Xmx2g", "-Dx=1");
		assertThat(LintFork.forwardable(new String[] { "-jar", "s.jar", "lint" })).isEmpty();
		assertThat(LintFork.forwardable(new String[] { "-cp", "s.jar", "dev.switchboard.launch.Launcher", "lint" }))
			.as("not started with -jar").isNull();
		assertThat(LintFork.forwardable(
				new String[] { "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-jar", "s.jar", "lint" }))
			.as("the debug port is this JVM's").isNull();
		assertThat(LintFork.forwardable(new String[] { "-javaagent:/x/agent.jar", "-jar", "s.jar", "lint" })).isNull();
	}

	@Test
	void doesNotForkFromAClassesFolder() {
		// under the test runner this class comes from target/classes, not from switchboard.jar
		assertThat(LintFork.run(new String[] { "lint" }, Map.of("SWITCHBOARD_CACHE_DIR", tmp.toString())))
			.isEqualTo(LintFork.NOT_FORKED);
		assertThat(tmp).isEmptyDirectory();
	}

	private static List<String> concat(List<String> head, String last) {
		List<String> all = new java.util.ArrayList<>(head);
		all.add(last);
		return all;
	}
}
