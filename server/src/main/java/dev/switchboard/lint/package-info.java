/**
 * The shared kernel of every check: findings at {@code file:line}, the YAML reader that keeps
 * line numbers, and the JSON Schema check. The CLI linter and the server's registry reload both
 * produce their findings through this package, so there is one source of truth for each rule.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.switchboard.lint;
