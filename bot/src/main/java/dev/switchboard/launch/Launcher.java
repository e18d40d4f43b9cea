package dev.switchboard.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * {@code Main-Class} of {@code switchboard.jar}. The build copies this package to the jar's root,
 * beside Spring Boot's loader, and keeps {@code Start-Class: dev.switchboard.SwitchboardMain}.
 * <p>
 * {@code lint} runs in CI on every pull request, so its start-up is most of its cost: of a 10-file
 * run, about a second went to loading, verifying and interpreting some 2,300 classes out of nested
 * jars. {@code java -jar} cannot pass JVM flags, and on JDK 17 a jar cannot name a CDS archive, so
 * {@link LintFork} starts a second JVM that can. Everything else, and any lint that cannot be
 * forked, goes to Spring Boot's {@code JarLauncher} exactly as before.
 */
public final class Launcher {

	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private Launcher() {
	}

	public static void main(String[] args) throws Throwable {
		if (args.length > 0 && args[0].equals("lint")) {
			int exit = LintFork.run(args, System.getenv());
			if (exit != LintFork.NOT_FORKED) {
				System.exit(exit);
			}
		}
		try {
			Class.forName(BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}
}
