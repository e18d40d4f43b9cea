package dev.switchboard.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code lint} in a child JVM on the extracted class path of {@link LintCache}, with the
 * class-data-sharing archive of an earlier run (the first run records it), and returns the child's
 * exit code. Anything that stops the fork before the child starts returns {@link #NOT_FORKED}, and
 * the caller lints in this JVM instead: forking is an optimisation, never a new way to fail.
 * <p>
 * Written without lambdas or streams: each one costs this short-lived JVM class spinning at start.
 */
final class LintFork {

	static final int NOT_FORKED = -1;

	/** Up to this many runbooks the child runs one compiler thread and Serial GC. */
	static final int SMALL_FOLDER = 300;

	private static final String MAIN = "dev.switchboard.SwitchboardMain";

	private LintFork() {
	}

	static int run(String[] args, Map<String, String> env) {
		String fork = env.getOrDefault("SWITCHBOARD_LINT_FORK", "true");
		if (fork.equals("0") || fork.equalsIgnoreCase("false") || !hotSpot(System.getProperty("java.vm.name", ""))) {
			return NOT_FORKED;
		}
		Path jar = runningJar();
		List<String> jvmOptions = jvmOptions();
		Path cacheRoot = LintCache.root(env, System.getProperty("user.home"));
		if (jar == null || jvmOptions == null || cacheRoot == null) {
			return NOT_FORKED;
		}
		LintCache.Entry entry;
		try {
			entry = LintCache.open(cacheRoot, jar);
		}
		catch (IOException | RuntimeException ex) {
			return NOT_FORKED;
		}
		Path recording = Files.isRegularFile(entry.archive()) ? null
				: entry.dir().resolve("lint.jsa.".concat(Long.toString(ProcessHandle.current().pid())).concat(".tmp"));
		List<String> command = command(javaBinary(), jvmOptions, entry, recording,
				smallFolder(runbooksFolder(args)) && !choosesGc(jvmOptions, env), args);
		Process child;
		try {
			child = new ProcessBuilder(command).inheritIO().start();
		}
		catch (IOException | RuntimeException ex) {
			return NOT_FORKED;
		}
		Runtime.getRuntime().addShutdownHook(new Thread() {
			@Override
			public void run() {
				child.destroy(); // a CI job cancelled with SIGTERM stops the child too
			}
		});
		int exit;
		try {
			exit = child.waitFor();
		}
		catch (InterruptedException ex) {
			child.destroy();
			Thread.currentThread().interrupt();
			return 130;
		}
		if (recording != null) {
			keepRecording(recording, entry.archive());
		}
		return exit;
	}

	static List<String> command(String java, List<String> jvmOptions, LintCache.Entry entry, Path recording,
			boolean small, String[] args) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.add(recording == null ? "-XX:SharedArchiveFile=".concat(entry.archive().toString())
				: "-XX:ArchiveClassesAtExit=".concat(recording.toString()));
		// C1 only: a lint is over before C2's code pays back its compile time. On 2 cores, CPU of a
		// 1,000-runbook lint: 3.4 s against 6.5 s with C2; 10,000 runbooks: 24 s against 32 s.
		command.add("-XX:TieredStopAtLevel=1");
		if (small) {
			// one compiler thread and no GC threads: on 2 cores they would only compete with the lint
			command.add("-XX:CICompilerCount=1");
			command.add("-XX:+UseSerialGC");
		}
		command.add("-XX:-UsePerfData"); // no hsperfdata file to create for a JVM nobody attaches to
		// stdout carries the report (--format json is parsed by CI): JVM warnings, such as an archive
		// made stale by a JDK update, go to stderr, and the archive's own notices are not shown
		command.add("-Xlog:disable");
		command.add("-Xlog:all=warning,cds*=off:stderr");
		command.add("-cp");
		command.add(entry.classPath());
		command.add(MAIN);
		command.addAll(Arrays.asList(args));
		return command;
	}

	/**
	 * Whether the user picked a collector (before {@code -jar}, or in {@code JAVA_TOOL_OPTIONS} or
	 * {@code JDK_JAVA_OPTIONS}, which the child inherits): adding Serial GC to it would stop the JVM
	 * with "conflicting collector combinations".
	 */
	static boolean choosesGc(List<String> jvmOptions, Map<String, String> env) {
		List<String> all = new ArrayList<>(jvmOptions);
		for (String variable : new String[] { "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS" }) {
			String value = env.get(variable);
			if (value != null) {
				all.addAll(Arrays.asList(value.trim().split("\\s+")));
			}
		}
		for (String option : all) {
			if (option.startsWith("-XX:+Use") && option.endsWith("GC")) {
				return true;
			}
		}
		return false;
	}

	/** The child's flags are HotSpot's (OpenJ9, for one, has no -Xlog:disable and no dynamic CDS archive). */
	static boolean hotSpot(String vmName) {
		return vmName.contains("Server VM") && !vmName.contains("OpenJ9");
	}

	/** The folder lint will read, as {@code LintCommand} reads it; only used to choose JIT flags. */
	static Path runbooksFolder(String[] args) {
		String folder = "runbooks";
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--runbooks") && i + 1 < args.length) {
				folder = args[i + 1];
			}
			else if (args[i].startsWith("--runbooks=")) {
				folder = args[i].substring("--runbooks=".length());
			}
		}
		return Path.of(folder);
	}

	static boolean smallFolder(Path folder) {
		int count = 0;
		// no glob: compiling one to a regex costs this JVM more than the listing
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (Path file : files) {
				if (file.getFileName().toString().endsWith(".md") && ++count > SMALL_FOLDER) {
					return false;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// lint reports the folder; the flags do not matter
		}
		return true;
	}

	/** This JVM's options (what came before {@code -jar}), or null when it was not started with -jar. */
	private static List<String> jvmOptions() {
		String[] arguments = ProcessHandle.current().info().arguments().orElse(null);
		return arguments == null ? null : forwardable(arguments);
	}

	/**
	 * The options before {@code -jar}, to start the child with; null when there is no {@code -jar}, or
	 * when an agent or debugger is attached: whoever debugs lint wants it in this JVM, and a second
	 * JVM would fail to take the same debug port.
	 */
	static List<String> forwardable(String[] arguments) {
		for (int i = 0; i < arguments.length; i++) {
			String option = arguments[i];
			if (option.startsWith("-agentlib:") || option.startsWith("-agentpath:") || option.startsWith("-javaagent:")
					|| option.startsWith("-Xrunjdwp") || option.equals("-Xdebug")) {
				return null;
			}
			if (option.equals("-jar")) {
				return new ArrayList<>(Arrays.asList(arguments).subList(0, i));
			}
		}
		return null;
	}

	private static Path runningJar() {
		try {
			Path path = Path.of(LintFork.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return Files.isRegularFile(path) ? path : null; // a classes folder in the IDE: nothing to extract
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static String javaBinary() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return Files.isExecutable(java) ? java.toString()
				: ProcessHandle.current().info().command().orElse("java");
	}

	/** The first run's archive becomes the shared one; a concurrent first run may have won already. */
	private static void keepRecording(Path recording, Path archive) {
		try {
			if (Files.isRegularFile(recording)) {
				Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(recording);
			}
			catch (IOException ignored) {
				// a stray temporary file in the cache
			}
		}
	}
}
