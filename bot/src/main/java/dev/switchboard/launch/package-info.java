/**
 * The jar's {@code Main-Class}: runs {@code lint} in a child JVM started from a class-data-sharing
 * archive, and hands every other command to Spring Boot's launcher. Copied to the root of
 * {@code switchboard.jar} by the build, so it must use nothing but the JDK.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.switchboard.launch;
