/** Application-wide plumbing that belongs to no feature: the clock, error mapping for HTTP. */
package dev.switchboard.system;
