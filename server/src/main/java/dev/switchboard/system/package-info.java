/** Application-wide plumbing that belongs to no feature: the clock, error mapping for HTTP. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.switchboard.system;
