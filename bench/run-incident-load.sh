#!/usr/bin/env bash
# Incident REST API load: N incidents declared and walked to a terminal step, then resolved, by C
# concurrent clients over loopback, against the packaged server on a fresh H2 file database.
# Not part of `./mvnw verify`. See bench/README.md.
#
# Environment (all optional): LOAD_INCIDENTS=200 LOAD_CLIENTS=50 LOAD_RUNBOOK=ai-outage LOAD_PORT=18080
# LOAD_RATE=R: open loop, R requests/s shared by the clients, latency from each request's due time
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
INCIDENTS=${LOAD_INCIDENTS:-200}
CLIENTS=${LOAD_CLIENTS:-50}
RUNBOOK=${LOAD_RUNBOOK:-ai-outage}
PORT=${LOAD_PORT:-18080}
WORK=$(mktemp -d)
TOKEN=bench-$RANDOM$RANDOM
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f bot/target/switchboard.jar ] || ./mvnw -q -B package -DskipTests
./mvnw -q -B install -DskipTests -pl server -am >/dev/null
(cd bench && ../mvnw -q -B package) >/dev/null

java -Dserver.port="$PORT" \
	-Dspring.datasource.url="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE" \
	-Dswitchboard.api.tokens.priya-natarajan="$TOKEN" -Dlogging.level.root=WARN \
	-jar bot/target/switchboard.jar </dev/null >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
	curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
	sleep 1
done
CP="bench/target/switchboard-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)"
java -cp "$CP" dev.switchboard.bench.IncidentLoadHarness "http://127.0.0.1:$PORT" "$TOKEN" "$INCIDENTS" "$CLIENTS" "$RUNBOOK" ${LOAD_RATE:+--rate "$LOAD_RATE"}
