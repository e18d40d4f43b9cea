#!/usr/bin/env bash
# Route flip overhead: plan + apply + read back (and the restore back), verify excluded, against the
# shipped sandbox gateway over loopback HTTP, in the server's real engine on an H2 file database.
# Not part of `./mvnw verify`. See bench/README.md ("Flip overhead").
#
# Builds nothing into ~/.m2: compiles server/ in place, asks Maven for server's runtime classpath and
# compiles the harness with javac against it.
#
# Environment (all optional): FLIPS=500 WARMUP=100 FLIP_HEAP=-Xmx512m FLIP_PROFILE=1 (JFR recording)
# FLIP_QUIET_LOAD=2.0 FLIP_QUIET_MAX_WAIT=300 FLIP_JAVA_OPTS=... FLIP_WORK=<dir>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
FLIPS=${FLIPS:-500}
WARMUP=${WARMUP:-100}
HEAP=${FLIP_HEAP:--Xmx512m}
WORK=${FLIP_WORK:-$(mktemp -d /tmp/switchboard-flip-bench.XXXXXX)}
mkdir -p "$WORK/classes"

# -am: server has a test-scope (ordering-only) dependency on scg-harness, which is never installed
./mvnw -q -B -o -pl server -am compile
./mvnw -q -B -o -pl server -am dependency:build-classpath -Dmdep.outputFile="$WORK/server-cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="server/target/classes:$(cat "$WORK/server-cp.txt")"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/src/main/java/dev/switchboard/bench/flip/*.java

# Other jobs share the 2 cores: wait (up to FLIP_QUIET_MAX_WAIT s) for the 1-minute load average to drop.
QUIET=${FLIP_QUIET_LOAD:-2.0}
for _ in $(seq 1 $(( ${FLIP_QUIET_MAX_WAIT:-300} / 10 ))); do
	awk -v q="$QUIET" '{ exit !($1 <= q) }' /proc/loadavg && break
	sleep 10
done
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores shared)"
JFR=()
if [ "${FLIP_PROFILE:-0}" = 1 ]; then
	JFR=("-XX:StartFlightRecording=filename=$WORK/flip.jfr,settings=profile")
	echo "JFR recording: $WORK/flip.jfr"
fi
rm -rf "$WORK/db.mv.db" "$WORK/db.trace.db"
java "$HEAP" ${FLIP_JAVA_OPTS:-} "${JFR[@]}" -cp "$WORK/classes:$CP" dev.switchboard.bench.flip.FlipBench "$WORK" "$FLIPS" "$WARMUP"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
