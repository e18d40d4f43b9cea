#!/usr/bin/env bash
# Lint benchmark: parse + validate of generated runbooks with the real CatalogLoader, warm and cold,
# plus the CLI as authors run it. Not part of `./mvnw verify`. See bench/README.md.
#
# Environment (all optional):
#   BENCH_WORK=/tmp/switchboard-lint-bench   corpora and results.md go here
#   BENCH_SIZES="10 1000 10000"              runbook counts
#   BENCH_HEAP=-Xmx1g                        heap flag for the harness JVMs (the CLI runs with JVM defaults)
#   BENCH_COLD_REPEATS=3                     fresh-JVM runs per size
#   BENCH_QUIET_IDLE=85 BENCH_QUIET_MAX_WAIT=300   wait (at most that many s) for the CPUs to be this % idle
#                                                  before each measurement: other jobs skew wall times
#   BENCH_PHASES="warm reload breakdown cold cli"   which measurements to run (corpora are always written)
#   BENCH_PROFILE=0                          1: also record a JFR profile of the warm 10,000 run and print hotspots
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=${BENCH_WORK:-/tmp/switchboard-lint-bench}
read -r -a SIZES <<<"${BENCH_SIZES:-10 1000 10000}"
HEAP=${BENCH_HEAP:--Xmx1g}
COLD_REPEATS=${BENCH_COLD_REPEATS:-3}
QUIET_IDLE=${BENCH_QUIET_IDLE:-85}
QUIET_MAX_WAIT=${BENCH_QUIET_MAX_WAIT:-300}
OUT=$WORK/results.md
JAR=bot/target/switchboard.jar
PHASES=" ${BENCH_PHASES:-warm reload breakdown cold cli} "
mkdir -p "$WORK"
: >"$OUT"

say() { printf '%s\n' "$*" | tee -a "$OUT"; }
mvnw() { ./mvnw -q -B -o "$@" || { echo "offline build failed; retrying online" >&2; ./mvnw -q -B "$@"; }; }

# Percent of CPU time idle over two seconds, from /proc/stat.
idle_percent() {
	local _ u n s i w q sq st t1 i1
	read -r _ u n s i w q sq st _ </proc/stat
	t1=$((u + n + s + i + w + q + sq + st)) i1=$((i + w))
	sleep 2
	read -r _ u n s i w q sq st _ </proc/stat
	echo $((100 * (i + w - i1) / (u + n + s + i + w + q + sq + st - t1)))
}

# Waits until the machine is quiet; prints the idle % it settled for.
wait_quiet() {
	local deadline=$((SECONDS + QUIET_MAX_WAIT)) idle
	idle=$(idle_percent)
	while ((idle < QUIET_IDLE && SECONDS < deadline)); do
		sleep 3
		idle=$(idle_percent)
	done
	echo "$idle"
}

ms() { echo $(($(date +%s%N) / 1000000)); }

# busy_ticks: busy and total CPU ticks of the machine so far (to see how much CPU others used during a run).
busy_ticks() {
	local _ u n s i w q sq st
	read -r _ u n s i w q sq st _ </proc/stat
	echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"
}

# others_cpu BEFORE SELF_CPU_S: CPU-seconds other processes used since BEFORE (from busy_ticks).
others_cpu() {
	local b0 t0 b1 t1
	read -r b0 t0 <<<"$1"
	read -r b1 t1 < <(busy_ticks)
	awk -v b="$((b1 - b0))" -v self="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN{o=b/hz-self; printf "%.0f", o<0 ? 0 : o}'
}
phase() { [[ $PHASES == *" $1 "* ]]; }

# --- build -------------------------------------------------------------------------------------
echo "building server, bench harness and (if stale) the CLI jar ..." >&2
mvnw install -DskipTests -pl server -am
mvnw -f bench/pom.xml package
if [[ ! -f $JAR ]] || [[ -n $(find server/src bot/src server/pom.xml bot/pom.xml pom.xml -newer "$JAR" -print -quit) ]]; then
	# Delete it first: when only server/ changed, the bot's jar step is skipped and spring-boot:repackage
	# keeps the already repackaged jar, with the old server jar nested inside.
	rm -f "$JAR" "$JAR.original"
	mvnw package -DskipTests
fi
CP="bench/target/switchboard-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)"
BENCH=(java "$HEAP" -cp "$CP" dev.switchboard.bench.LintBench)

say "## Results ($(nproc) cores, $(date -u +%Y-%m-%d))"
say ""
say "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM"
say "- java: $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
say "- harness JVM flags: \`$HEAP\`; CLI: JVM defaults"
say ""

# --- corpora -----------------------------------------------------------------------------------
say "### Corpora"
say ""
say '```'
for n in "${SIZES[@]}"; do
	say "$ ${BENCH[*]:0:2} -cp \$CP dev.switchboard.bench.LintBench generate --out $WORK/n$n --count $n"
	"${BENCH[@]}" generate --out "$WORK/n$n" --count "$n" | tee -a "$OUT"
done
say '```'
say ""

# --- warm, in-process --------------------------------------------------------------------------
sizes_csv=$(IFS=,; echo "${SIZES[*]}")
if phase warm; then
	say "### Warm: CatalogLoader.lint in one JVM"
	say ""
	say "\`java $HEAP -cp \$CP dev.switchboard.bench.LintBench measure --sizes $sizes_csv --work $WORK\` (CPUs $(wait_quiet) % idle at start)"
	say ""
	before=$(busy_ticks)
	/usr/bin/time -f '%U %S' -o "$WORK/self.txt" "${BENCH[@]}" measure --sizes "$sizes_csv" --work "$WORK" | tee -a "$OUT"
	say ""
	say "(CPU-seconds used by other processes during this run: $(others_cpu "$before" "$(awk '{print $1 + $2}' "$WORK/self.txt")"))"
	say ""
fi
if phase reload; then
	say "### Reload: CatalogLoader.reusingParses() in one JVM, files unchanged (the server's reload)"
	say ""
	say "\`java $HEAP -cp \$CP dev.switchboard.bench.LintBench measure --reload true --sizes $sizes_csv --work $WORK\` (CPUs $(wait_quiet) % idle at start)"
	say ""
	before=$(busy_ticks)
	/usr/bin/time -f '%U %S' -o "$WORK/self.txt" "${BENCH[@]}" measure --reload true --sizes "$sizes_csv" --work "$WORK" | tee -a "$OUT"
	say ""
	say "(CPU-seconds used by other processes during this run: $(others_cpu "$before" "$(awk '{print $1 + $2}' "$WORK/self.txt")"))"
	say ""
fi
if phase breakdown; then
	mid=${SIZES[$((${#SIZES[@]} / 2))]}
	say "\`java $HEAP -cp \$CP dev.switchboard.bench.LintBench breakdown --runbooks $WORK/n$mid\` (CPUs $(wait_quiet) % idle at start)"
	"${BENCH[@]}" breakdown --runbooks "$WORK/n$mid" | tee -a "$OUT"
	say ""
fi

# --- cold, fresh JVM per run -------------------------------------------------------------------
if phase cold; then
	say "### Cold: one lint in a fresh JVM (best / median of $COLD_REPEATS)"
	say ""
	say "\`/usr/bin/time -v java $HEAP -cp \$CP dev.switchboard.bench.LintBench once --runbooks $WORK/n<N>\`"
	say ""
	say "| runbooks | wall s incl. JVM start (best / median) | lint() ms in-JVM (best) | runbooks/s (best wall) | CPU s user+sys (best run) | max RSS MB | peak heap MB | errors | idle % before | others' CPU-s during |"
	say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for n in "${SIZES[@]}"; do
		walls=() best_line="" best_wall=999999 rss=0 cpu=0 idles=() others=()
		for ((r = 0; r < COLD_REPEATS; r++)); do
			idles+=("$(wait_quiet)")
			before=$(busy_ticks)
			line=$(/usr/bin/time -v -o "$WORK/time.txt" "${BENCH[@]}" once --runbooks "$WORK/n$n")
			others+=("$(others_cpu "$before" "$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$WORK/time.txt")")")
			wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.2f", s}' "$WORK/time.txt")
			walls+=("$wall")
			if awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then
				best_wall=$wall best_line=$line
				rss=$(awk -F': ' '/Maximum resident set size/{printf "%d", $2/1024}' "$WORK/time.txt")
				cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.1f", u+s}' "$WORK/time.txt")
			fi
		done
		median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
		kv() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<<"$best_line"; }
		say "| $n | $best_wall / $median | $(kv lint_ms) | $(awk -v n="$n" -v w="$best_wall" 'BEGIN{printf "%\047d", n/w}') | $cpu | $rss | $(kv peak_heap_mb) | $(kv errors) | ${idles[*]} | ${others[*]} |"
	done
	say ""
fi

# --- the CLI, as authors run it ----------------------------------------------------------------
if phase cli; then
	say "### CLI end to end: \`java -jar $JAR lint --runbooks <dir> --ownership ownership.yaml\`"
	say ""
	if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
		say "hyperfine $(hyperfine --version | cut -d' ' -f2), \`--warmup 1\`, runs per size: 10 / 5 / 3"
		say ""
		say "| runbooks | mean s ± σ | min s | max s | runbooks/s (min) | CPU s user+sys (mean) | max RSS MB | exit | idle % before | others' CPU-s during |"
		say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
		# The jar's launcher forks lint into a JVM started from a CDS archive kept in this cache
		# (README "Start-up cache"); --warmup 1 makes the rows below the usual, cached, case.
		export SWITCHBOARD_CACHE_DIR="$WORK/lint-cache"
		cli_row() { # label n runs [hyperfine options...]
			local label=$1 n=$2 runs=$3 idle before others code rss
			shift 3
			idle=$(wait_quiet)
			before=$(busy_ticks)
			hyperfine -N --style none --runs "$runs" --export-json "$WORK/cli-$n.json" "$@" \
				"java -jar $JAR lint --runbooks $WORK/n$n --ownership ownership.yaml" >/dev/null
			others=$(others_cpu "$before" "$(jq --argjson r "$runs" '.results[0] | (.user + .system) * ($r + 1)' "$WORK/cli-$n.json")")
			set +e
			/usr/bin/time -v -o "$WORK/time.txt" java -jar "$JAR" lint --runbooks "$WORK/n$n" --ownership ownership.yaml >/dev/null
			code=$?
			set -e
			rss=$(awk -F': ' '/Maximum resident set size/{printf "%d", $2/1024}' "$WORK/time.txt")
			say "$(jq -r --arg N "$label" --arg n "$n" --arg rss "$rss" --arg code "$code" --arg idle "$idle" --arg others "$others" \
				'.results[0] | "| \($N) | \(.mean*100|round/100) ± \(.stddev*100|round/100) | \(.min*100|round/100) | \(.max*100|round/100) | \(($n|tonumber)/.min|floor) | \((.user+.system)*10|round/10) | \($rss) | \($code) | \($idle) | \($others) |"' \
				"$WORK/cli-$n.json")"
		}
		for n in "${SIZES[@]}"; do
			cli_row "$n" "$n" $((n <= 10 ? 10 : n <= 1000 ? 5 : 3)) --warmup 1
		done
		small=${SIZES[0]}
		cli_row "$small, first run (empty cache)" "$small" 5 --prepare "rm -rf $WORK/lint-cache"
		SWITCHBOARD_LINT_FORK=false cli_row "$small, no fork (SWITCHBOARD_LINT_FORK=false)" "$small" 10 --warmup 1
	else
		say "(hyperfine or jq not installed: timing 3 runs per size with date +%s%N)"
		say ""
		say "| runbooks | runs s | exit |"
		say "|---:|---|---:|"
		for n in "${SIZES[@]}"; do
			wait_quiet >/dev/null
			times=() code=0
			for r in 1 2 3; do
				t0=$(ms)
				java -jar "$JAR" lint --runbooks "$WORK/n$n" --ownership ownership.yaml >/dev/null || code=$?
				times+=("$(awk -v d=$(($(ms) - t0)) 'BEGIN{printf "%.2f", d/1000}')")
			done
			say "| $n | ${times[*]} | $code |"
		done
	fi
	say ""
fi

# --- optional profile --------------------------------------------------------------------------
if [[ ${BENCH_PROFILE:-0} == 1 ]]; then
	big=${SIZES[-1]}
	say "### Profile: JFR execution samples, warm lint of $big runbooks"
	say ""
	wait_quiet >/dev/null
	java "$HEAP" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
		-XX:StartFlightRecording=filename="$WORK/lint.jfr",settings=profile \
		-cp "$CP" dev.switchboard.bench.LintBench measure --sizes "$big" --runs 3 --work "$WORK" >/dev/null 2>&1
	"${BENCH[@]}" hotspots "$WORK/lint.jfr" --top 20 | tee -a "$OUT"
fi
echo "results: $OUT" >&2
