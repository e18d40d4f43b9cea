#!/usr/bin/env bash
# Incident REST API load: N incidents declared and walked to a terminal step, then resolved, by C
# concurrent clients over loopback, against the packaged server on a fresh H2 file database.
# Not part of `./mvnw verify`. See bench/README.md.
#
# Environment (all optional): LOAD_INCIDENTS=200 LOAD_CLIENTS=50 LOAD_RUNBOOK=ai-outage LOAD_PORT=18080
# LOAD_RATE=R: open loop, R requests/s shared by the clients, latency from each request's due time
# LOAD_DRIVER=wrk: drive the same walk with wrk (C, bench/incident-walk.lua) instead of the Java
#   harness, for LOAD_SECONDS=20 after LOAD_WARMUP=4 rounds of LOAD_SECONDS; closed loop only.
#   The Java harness costs about as much CPU per request as the server, and on a small machine it
#   competes with the server it measures; wrk costs about a tenth of a millisecond per request.
# Extra JVM options for the server: LOAD_JVM_OPTS (e.g. "-Dserver.tomcat.threads.max=8").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
INCIDENTS=${LOAD_INCIDENTS:-200}
CLIENTS=${LOAD_CLIENTS:-50}
RUNBOOK=${LOAD_RUNBOOK:-ai-outage}
PORT=${LOAD_PORT:-18080}
DRIVER=${LOAD_DRIVER:-java}
SECONDS_PER_ROUND=${LOAD_SECONDS:-20}
if [ "$DRIVER" = wrk ] && ! command -v wrk >/dev/null; then
	echo "LOAD_DRIVER=wrk needs wrk (Debian: apt-get install wrk)" >&2
	exit 2
fi
WORK=$(mktemp -d)
TOKEN=bench-$RANDOM$RANDOM
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f bot/target/switchboard.jar ] || ./mvnw -q -B package -DskipTests
./mvnw -q -B install -DskipTests -pl server -am >/dev/null
[ "$DRIVER" = wrk ] || (cd bench && ../mvnw -q -B package) >/dev/null

# shellcheck disable=SC2086 # LOAD_JVM_OPTS is a list of options
java ${LOAD_JVM_OPTS:-} -Dserver.port="$PORT" \
	-Dspring.datasource.url="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE" \
	-Dswitchboard.api.tokens.priya-natarajan="$TOKEN" -Dlogging.level.root=WARN \
	-jar bot/target/switchboard.jar </dev/null >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
	curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
	sleep 1
done
if [ "$DRIVER" = wrk ]; then
	walk() { wrk -t"$CLIENTS" -c"$CLIENTS" -d"${SECONDS_PER_ROUND}s" -s bench/incident-walk.lua "http://127.0.0.1:$PORT" -- "$TOKEN" "$RUNBOOK"; }
	for _ in $(seq 1 "${LOAD_WARMUP:-4}"); do walk >/dev/null; done # the JIT takes a few rounds to settle
	cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
	before=$(cpu)
	walk | sed -n '/^requests=/,$p' | tee "$WORK/wrk.out"
	requests=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$WORK/wrk.out")
	awk -v t="$(($(cpu) - before))" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
		'BEGIN {printf "server CPU per request: %.3f ms\n", t * 1000 / hz / n}'
	exit 0
fi
CP="bench/target/switchboard-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)"
java -cp "$CP" dev.switchboard.bench.IncidentLoadHarness "http://127.0.0.1:$PORT" "$TOKEN" "$INCIDENTS" "$CLIENTS" "$RUNBOOK" ${LOAD_RATE:+--rate "$LOAD_RATE"}
