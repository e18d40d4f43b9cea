package dev.switchboard.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who is calling the REST API: the person bound to the bearer token, or the configured local
 * operator for a token-less request from loopback. Never anyone else: no anonymous writes, and
 * no acting as a person who is not in ownership.yaml (checked by the engine).
 */
@Component
public class ApiCaller {

	private final ApiProperties properties;

	public ApiCaller(ApiProperties properties) {
		this.properties = properties;
	}

	/** The person id, or empty when the request is not authenticated. */
	public Optional<String> personOf(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null) {
			if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return Optional.empty();
			}
			byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
			for (Map.Entry<String, String> e : properties.tokens().entrySet()) {
				if (!e.getValue().isBlank()
						&& MessageDigest.isEqual(presented, e.getValue().getBytes(StandardCharsets.UTF_8))) {
					return Optional.of(e.getKey());
				}
			}
			return Optional.empty();
		}
		String operator = properties.localOperator();
		if (operator != null && !operator.isBlank() && loopback(request.getRemoteAddr())) {
			return Optional.of(operator);
		}
		return Optional.empty();
	}

	private static boolean loopback(String address) {
		try {
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
