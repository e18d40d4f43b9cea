#!/usr/bin/env bash
# Load run of the Slack endpoint: 1,000 signed slash commands declaring real incidents, then 1,000
# signed clicks advancing each of them, 50 connections at a time over loopback, against the whole
# server (H2 in memory, the shipped catalog, Slack's Web API faked on 127.0.0.1).
# Prints ack latency p50/p99/max and requests/s; the report is also in bot/target/slack-ack-bench.txt.
# Options: BENCH_CONCURRENCY (50), BENCH_DECLARATIONS (1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -pl bot -am -Dtest=SlackAckBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-50}" -Dbench.declarations="${BENCH_DECLARATIONS:-1000}" >/dev/null
cat bot/target/slack-ack-bench.txt
