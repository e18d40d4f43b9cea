// The baseline of bench/slack: a bare Bolt for JavaScript app on its default HTTP receiver that only
// acknowledges what Switchboard's endpoint gets in the load run (signed /incident commands and
// block_actions clicks on /slack/events), with the same signing secret. No work after the ack.
// Env: BOLT_PORT (3000), SLACK_SIGNING_SECRET (the bench's test secret).
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.env.BOLT_PORT || 3000);

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET || '8f742231b10e8888abcd99yyyzzz85a5',
  // a single-workspace token with its ids given, so Bolt never calls auth.test (there is no Slack here)
  token: 'xoxb-bench-token',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  logLevel: LogLevel.ERROR,
});

app.command('/incident', async ({ ack }) => {
  await ack();
});

app.action(/.*/, async ({ ack }) => {
  await ack();
});

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  console.log(`bolt-js ${require('@slack/bolt/package.json').version} acking on http://127.0.0.1:${port}/slack/events`);
})();
