package dev.switchboard.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The linter's class path, extracted once per jar and JVM into a cache folder
 * ({@code $SWITCHBOARD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/switchboard}, else
 * {@code ~/.cache/switchboard}): the jar's {@code BOOT-INF/lib} jars as plain files and its
 * {@code BOOT-INF/classes} as one jar, because a CDS archive can only hold classes from plain jar
 * files. The folder is named after the jar's path and after its size, time stamp and the JVM, so a
 * rebuilt jar or another JDK gets a fresh one; the older folder of the same jar path is removed.
 * Two first runs at once each extract to a temporary folder and one rename wins.
 * <p>
 * No {@code +} on strings here or in {@link LintFork}: javac compiles it to invokedynamic, and
 * bootstrapping that cost this short-lived JVM about 50 ms of method-handle spinning.
 */
final class LintCache {

	/** One extracted jar: its class path and where its CDS archive is (or will be) kept. */
	record Entry(Path dir, String classPath) {

		Path archive() {
			return dir.resolve("lint.jsa");
		}
	}

	private static final String CLASS_PATH_FILE = "classpath";

	private static final String EXTRACTING = "extracting-";

	/** An extraction takes a second or two; one this old belongs to a process that was killed. */
	static final Duration ABANDONED = Duration.ofMinutes(10);

	private LintCache() {
	}

	static Path root(Map<String, String> env, String userHome) {
		String dir = env.get("SWITCHBOARD_CACHE_DIR");
		if (dir != null && !dir.isBlank()) {
			return Path.of(dir);
		}
		String xdg = env.get("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank()) {
			return Path.of(xdg, "switchboard");
		}
		return userHome == null || userHome.isBlank() || userHome.equals("?") ? null
				: Path.of(userHome, ".cache", "switchboard");
	}

	static Entry open(Path root, Path jar) throws IOException {
		Path absolute = jar.toAbsolutePath().normalize();
		String prefix = "lint-".concat(crc(absolute.toString())).concat("-");
		String version = new StringBuilder().append(Files.size(absolute))
			.append(':')
			.append(Files.getLastModifiedTime(absolute).toMillis())
			.append(':')
			.append(System.getProperty("java.home"))
			.append(':')
			.append(System.getProperty("java.vm.version"))
			.toString();
		Path dir = root.resolve(prefix.concat(crc(version)));
		Path classPath = dir.resolve(CLASS_PATH_FILE);
		if (!Files.isRegularFile(classPath)) {
			Files.createDirectories(root);
			Path tmp = Files.createTempDirectory(root, EXTRACTING);
			try {
				Files.writeString(tmp.resolve(CLASS_PATH_FILE), extract(absolute, tmp, dir));
				Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
				removeOlder(root, prefix, dir);
			}
			catch (AtomicMoveNotSupportedException ex) {
				throw ex;
			}
			catch (FileSystemException ex) {
				if (!Files.isRegularFile(classPath)) {
					throw ex; // not "another lint extracted it first"
				}
			}
			finally {
				delete(tmp);
			}
		}
		return new Entry(dir, Files.readString(classPath));
	}

	/**
	 * Copies the nested jars listed in {@code BOOT-INF/classpath.idx} to {@code into/lib} and the
	 * application classes to {@code into/app.jar}; returns the class path as it will read from
	 * {@code finalDir}, in Spring Boot's order (classes first).
	 */
	static String extract(Path jar, Path into, Path finalDir) throws IOException {
		List<String> classPath = new ArrayList<>();
		classPath.add(finalDir.resolve("app.jar").toString());
		Files.createDirectories(into.resolve("lib"));
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			ZipEntry index = zip.getEntry("BOOT-INF/classpath.idx");
			if (index == null) {
				throw new IOException(jar.toString().concat(" is not a Spring Boot jar (no BOOT-INF/classpath.idx)"));
			}
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(zip.getInputStream(index), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					String name = line.trim();
					if (name.startsWith("- ")) {
						name = name.substring(2).replace("\"", "");
					}
					ZipEntry nested = zip.getEntry(name);
					if (nested == null || !name.startsWith("BOOT-INF/lib/")) {
						continue;
					}
					String file = name.substring("BOOT-INF/lib/".length());
					try (InputStream in = zip.getInputStream(nested)) {
						Files.copy(in, into.resolve("lib").resolve(file));
					}
					classPath.add(finalDir.resolve("lib").resolve(file).toString());
				}
			}
			try (OutputStream out = Files.newOutputStream(into.resolve("app.jar"));
					ZipOutputStream app = new ZipOutputStream(out)) {
				Enumeration<? extends ZipEntry> entries = zip.entries();
				while (entries.hasMoreElements()) {
					ZipEntry entry = entries.nextElement();
					String name = entry.getName();
					if (name.startsWith("BOOT-INF/classes/") && name.length() > "BOOT-INF/classes/".length()) {
						app.putNextEntry(new ZipEntry(name.substring("BOOT-INF/classes/".length())));
						try (InputStream in = zip.getInputStream(entry)) {
							in.transferTo(app);
						}
						app.closeEntry();
					}
				}
			}
		}
		return String.join(java.io.File.pathSeparator, classPath);
	}

	/**
	 * Removes the other folders of the same jar path, and extractions a killed first run left behind
	 * (older than {@link #ABANDONED}). Best effort: a folder still in use by a lint of the old jar keeps
	 * its open files on POSIX systems.
	 */
	static void removeOlder(Path root, String prefix, Path keep) {
		long abandoned = System.currentTimeMillis() - ABANDONED.toMillis();
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
			for (Path dir : dirs) {
				String name = dir.getFileName().toString();
				if (name.startsWith(prefix) && !dir.equals(keep) || name.startsWith(EXTRACTING)
						&& Files.getLastModifiedTime(dir).toMillis() < abandoned) {
					delete(dir);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// an old folder stays; the next new jar tries again
		}
	}

	static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path d, IOException ex) throws IOException {
					Files.delete(d);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			// a leftover temporary folder, harmless
		}
	}

	private static String crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}
}
