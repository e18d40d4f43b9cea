package dev.switchboard.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: slash commands and interactivity from Slack. Reads the raw body
 * once, checks the signature on those exact bytes <em>before</em> parsing anything, then hands the
 * request to Bolt, whose handlers only acknowledge (the work runs on the Slack workers). Button
 * clicks skip Bolt's request object and go straight to the same click handler (see
 * {@link SlackClickPayloads}).
 * Answers 401 to unsigned, forged, stale and future-dated requests, 400 to signed but unreadable
 * ones, 413 to bodies over 1 MiB.
 */
final class SlackEndpoint extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

	private static final int MAX_BODY = 1 << 20;

	private final transient App app;

	private final transient SlackSignatureCheck signatures;

	private final transient SlackRequestParser parser;

	private final transient SlackClickPayloads clickPayloads;

	private final transient SlackClicks clicks;

	SlackEndpoint(App app, SlackSignatureCheck signatures, SlackClickPayloads clickPayloads, SlackClicks clicks) {
		this.app = app;
		this.signatures = signatures;
		this.parser = new SlackRequestParser(app.config());
		this.clickPayloads = clickPayloads;
		this.clicks = clicks;
	}

	@Override
	protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
		byte[] body;
		try (InputStream in = req.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			json(resp, 413, "{\"error\":\"request too large\"}");
			return;
		}
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.startsWith("ssl_check=1")) {
			// Slack's certificate check of a slash command URL: unsigned by design, carries nothing to act on.
			json(resp, 200, "");
			return;
		}
		SlackSignatureCheck.Verdict verdict = signatures.check(req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
				req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body);
		if (!verdict.valid()) {
			log.info("Refused a request to {} from {}: {}", req.getRequestURI(), req.getRemoteAddr(), verdict);
			json(resp, 401, "{\"error\":\"invalid request\"}");
			return;
		}
		Optional<BlockActionPayload> click = clickPayloads.blockActions(text);
		if (click.isPresent()) {
			// the same handler Bolt calls, without Bolt's per-request Gson (see SlackClickPayloads)
			write(resp, clicks.acknowledge(click.get()));
			return;
		}
		Request<?> slackRequest;
		try {
			slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
				.requestUri(req.getRequestURI())
				.headers(new RequestHeaders(headers(req)))
				.requestBody(text)
				.remoteAddress(req.getRemoteAddr())
				.build());
		}
		catch (RuntimeException ex) {
			log.info("Refused a signed but unreadable request: {}", ex.toString());
			json(resp, 400, "{\"error\":\"unreadable payload\"}");
			return;
		}
		if (slackRequest == null) {
			json(resp, 400, "{\"error\":\"unknown request type\"}");
			return;
		}
		Response answer;
		try {
			answer = app.run(slackRequest);
		}
		catch (Exception ex) {
			log.error("Slack request failed before it was acknowledged", ex);
			json(resp, 500, "{\"error\":\"internal error\"}");
			return;
		}
		write(resp, answer);
	}

	private static void write(HttpServletResponse resp, Response answer) throws IOException {
		resp.setStatus(answer.getStatusCode());
		answer.getHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
		if (answer.getContentType() != null) {
			resp.setContentType(answer.getContentType());
		}
		if (answer.getBody() != null) {
			byte[] out = answer.getBody().getBytes(StandardCharsets.UTF_8);
			resp.setContentLength(out.length);
			resp.getOutputStream().write(out);
		}
	}

	private static Map<String, List<String>> headers(HttpServletRequest req) {
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : Collections.list(req.getHeaderNames())) {
			headers.put(name, Collections.list(req.getHeaders(name)));
		}
		return headers;
	}

	private static void json(HttpServletResponse resp, int status, String body) throws IOException {
		resp.setStatus(status);
		resp.setContentType("application/json;charset=utf-8");
		byte[] out = body.getBytes(StandardCharsets.UTF_8);
		resp.setContentLength(out.length);
		resp.getOutputStream().write(out);
	}
}
