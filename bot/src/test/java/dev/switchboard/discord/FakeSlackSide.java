package dev.switchboard.discord;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.slack.api.app_backend.SlackSignature;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Slack beside Discord in one server: its Web API answered {@code ok} on loopback, and the
 * {@code response_url} a slash command's answer is posted to, recorded. Enough to ask the Slack
 * bot about an incident worked in Discord; the Slack bot's own behaviour is tested in its package.
 */
final class FakeSlackSide implements AutoCloseable {

	static final String TOKEN = "xoxb-discord-suite";

	static final String SECRET = "discord-suite-signing-secret";

	private final MockWebServer server = new MockWebServer();

	private final List<String> responses = new CopyOnWriteArrayList<>();

	static FakeSlackSide start() {
		FakeSlackSide fake = new FakeSlackSide();
		fake.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().startsWith("/respond/")) {
					fake.responses.add(request.getBody() == null ? "" : request.getBody().utf8());
				}
				return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
					.body("{\"ok\":true,\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"ts\":\"1700000000.000100\"}")
					.build();
			}
		});
		try {
			fake.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return fake;
	}

	String methodsUrl() {
		return "http://127.0.0.1:" + server.getPort() + "/api/";
	}

	List<String> responses() {
		return List.copyOf(responses);
	}

	/** Sends a signed {@code /incident <text>} from {@code user} to the server's Slack endpoint; returns the HTTP status. */
	int command(int port, String text, String user) throws IOException, InterruptedException {
		String body = "command=" + enc("/incident") + "&text=" + enc(text) + "&team_id=T0TEST&channel_id=C0SLACKGEN&user_id=" + user
				+ "&trigger_id=" + System.nanoTime() + "&response_url=" + enc("http://127.0.0.1:" + server.getPort() + "/respond/1");
		String ts = Long.toString(System.currentTimeMillis() / 1000);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
			.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(SECRET).generate(ts, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		server.close();
	}
}
