#!/usr/bin/env bash
# Load run of the Slack endpoint against the bare Bolt for JavaScript baseline, one client for both:
#  0. warm-up, not measured, the same for both apps: 300 /incident help, 300 declarations and their clicks;
#  1. switchboard: 1,000 signed slash commands declaring real incidents, then 1,000 signed clicks
#     advancing each of them, 50 connections at a time over loopback, against the whole server
#     (H2 in memory, the shipped catalog, Slack's Web API faked on 127.0.0.1);
#  2. bench/slack/bolt-js: the same 2,000 bodies, re-signed, against a Bolt for JavaScript app that only acks.
# The load client (SlackLoadClient) runs in its own JVM for every phase of both.
# Prints ack latency p50/p99/max, requests/s and the load average; the report is also in
# bot/target/slack-ack-bench.txt. Options: BENCH_CONCURRENCY (50), BENCH_DECLARATIONS (1000),
# BENCH_WARMUP (300), BOLT_PORT (3000), BENCH_BOLT_JS=0 to skip the baseline, MAVEN_OFFLINE=1 to run Maven offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${BOLT_PORT:-3000}"
target=""
if [[ "${BENCH_BOLT_JS:-1}" != 0 ]]; then
  command -v node >/dev/null || { echo "node is missing (Debian: apt-get install -y nodejs npm)" >&2; exit 1; }
  (cd bench/slack/bolt-js && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  BOLT_PORT="$port" node bench/slack/bolt-js/app.js > bot/target/bolt-js.log 2>&1 &
  bolt_pid=$!
  trap 'kill "$bolt_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    grep -q "acking on" bot/target/bolt-js.log 2>/dev/null && break
    kill -0 "$bolt_pid" 2>/dev/null || { cat bot/target/bolt-js.log >&2; exit 1; }
    sleep 0.2
  done
  target="http://127.0.0.1:$port/slack/events"
  echo "$(head -1 bot/target/bolt-js.log)"
fi
bolt_version=$(node -p "require('./bench/slack/bolt-js/node_modules/@slack/bolt/package.json').version" 2>/dev/null || echo "?")
./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -pl bot -am -Dtest=SlackAckBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-50}" -Dbench.declarations="${BENCH_DECLARATIONS:-1000}" -Dbench.warmup="${BENCH_WARMUP:-300}" \
  -Dbench.target="$target" -Dbench.target.name="bolt-js $bolt_version" >/dev/null
cat bot/target/slack-ack-bench.txt
