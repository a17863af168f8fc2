#!/usr/bin/env bash
# Dicta's benchmark: bench/run.sh SIZE   (SIZE: 10k, 100k or 1m variants; or a number; or "finder" for step 2's
# statement-finder figures alone)
#
# 1. generates the corpus of that size (deterministic; cached in $WORK) and imports it into a fresh H2 file database,
#    reporting import throughput;
# 2. starts the packaged application on that database and reports the time from process start to the first successful
#    response, and resident memory after warm-up; also the start-up with only the seeds (first start and restart), and
#    on the seeds the statement finder's latency: a report of 5 000 characters read, and a meeting's four reports
#    read and grouped (one client, one request at a time, after a warm-up);
#    The same for the minimal application on Dicta's stack (bench/minimal: REST Jackson, Panache, H2, Flyway), the
#    yardstick for start-up and memory;
# 3. runs each scenario after a warm-up: throughput with wrk (saturation), p50/p99 latency with hey at a fixed rate;
#    reads spread over the whole corpus (a random quote in a random language per request) and searches for one or two
#    words drawn from the corpus's vocabulary (wrk, and bench/rate.mjs at a fixed rate); a popular set of 2 000 quotes
#    read alone, then while one editor (bench/writer.mjs) edits quotes of the set 5 and 20 times a second, with the
#    edits' latency; S6 beside the same mix without its writes; then the reads again with the response cache off, to
#    show what a read costs when it is not a repeat;
# 4. serves the byte-identical body of S1 from nginx and measures it with the same wrk settings (the headline ratio);
# 5. prints one table and writes it as JSON to bench/results/.
#
# Settings (environment): DURATION (s per wrk run, 15), CONNECTIONS (wrk, 32), THREADS (wrk, 2), RATE (hey, requests/s
# in total, 200), HEY_SECONDS (10), JAVA_OPTS (for the application serving; default a sized heap, see docs/performance.md),
# IMPORT_JAVA_OPTS (for the first start, which imports the corpus as a stream; default JAVA_OPTS), WORK (target/bench),
# IMPORT (fresh; reuse keeps the database of the last run of that size), FLAVOUR (h2, or postgresql: the flavour
# built with -Ppostgres, on a fresh database dicta_bench_SIZE of the server on PG_ADDRESS, 127.0.0.1:5432, user postgres).
# PROFILE=1 also records each of the scenarios that miss their targets with Java Flight Recorder and writes what its
# CPU samples were doing to $WORK/profiles/NAME.txt (bench/profile.sh); the recording costs a few per cent, so take
# the figures from a run without it.
# Not a test: figures on shared machines are noisy; compare ratios measured in one run, and medians of several runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:?usage: bench/run.sh SIZE (10k, 100k, 1m or a number of variants; or finder)}"
case "$SIZE" in
    10k) VARIANTS=10000 ;; 100k) VARIANTS=100000 ;; 1m|1M) VARIANTS=1000000 ;; finder) VARIANTS=0 ;;
    *[!0-9]*) echo "SIZE must be 10k, 100k, 1m or a number" >&2; exit 2 ;;
    *) VARIANTS="$SIZE" ;;
esac
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
RATE="${RATE:-200}"
HEY_SECONDS="${HEY_SECONDS:-10}"
JAVA_OPTS="${JAVA_OPTS--Xms64m -Xmx160m -XX:+UseSerialGC}"
IMPORT_JAVA_OPTS="${IMPORT_JAVA_OPTS-$JAVA_OPTS}"
WORK="$(mkdir -p "${WORK:-target/bench}" && cd "${WORK:-target/bench}" && pwd)"
PORT=8088
BASE="http://127.0.0.1:${PORT}"
FLAVOUR="${FLAVOUR:-h2}"
PG_ADDRESS="${PG_ADDRESS:-127.0.0.1:5432}"
case "$FLAVOUR" in
    h2) APP_DIR=quarkus-app ;;
    postgresql) APP_DIR=quarkus-app-postgresql ;;
    *) echo "FLAVOUR must be h2 or postgresql" >&2; exit 2 ;;
esac
JAR="$PWD/target/$APP_DIR/quarkus-run.jar"
MINIMAL_JAR="$PWD/bench/minimal/target/quarkus-app/quarkus-run.jar"

# ---- tools (Debian packages), installed when missing ----
missing=()
for tool in wrk hey nginx jq curl shuf; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
    packages=("${missing[@]/nginx/nginx-light}")
    echo "Installing ${packages[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [ ! -f "$JAR" ]; then
    if [ "$FLAVOUR" = postgresql ]; then
        mvn -B -q -ntp package -Ppostgres -DskipTests -Dquarkus.package.output-directory="$APP_DIR"
    else
        mvn -B -q -ntp package -DskipTests
    fi
fi
[ -f "$MINIMAL_JAR" ] || mvn -B -q -ntp -f bench/minimal/pom.xml package -DskipTests

now_ms() { date +%s%3N; }

PROFILE="${PROFILE:-}"
[ -z "$PROFILE" ] || mkdir -p "$WORK/profiles"
# Java options that record the whole run of a process in $WORK/profiles/$1.jfr when PROFILE is set.
recording_opts() { [ -z "$PROFILE" ] || echo "-XX:StartFlightRecording=settings=profile,filename=$WORK/profiles/$1.jfr"; }
profile_summary() { [ -z "$PROFILE" ] || bench/profile.sh "$WORK/profiles/$1.jfr" > "$WORK/profiles/$1.txt"; }
profiled() { # $1: name; the rest: a command run against the application, recorded on it when PROFILE is set
    local name="$1"; shift
    [ -z "$PROFILE" ] || jcmd "$APP_PID" JFR.start name="$name" settings=profile > /dev/null
    "$@"
    if [ -n "$PROFILE" ]; then
        jcmd "$APP_PID" JFR.stop name="$name" filename="$WORK/profiles/$name.jfr" > /dev/null
        profile_summary "$name"
    fi
}

APP_PID=""
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
stop_nginx() { [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true; }
trap 'stop_app; stop_nginx' EXIT

PG_DATABASE="dicta_bench_${SIZE}"
database_env() { # the datasource settings of the flavour, as environment assignments
    if [ "$FLAVOUR" = postgresql ]; then
        echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_ADDRESS/$PG_DATABASE QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD="
    fi
}
fresh_database() {
    if [ "$FLAVOUR" = postgresql ]; then
        psql -q -h "${PG_ADDRESS%:*}" -p "${PG_ADDRESS##*:}" -U postgres -d postgres -c "drop database if exists $PG_DATABASE" \
            -c "create database $PG_DATABASE"
    fi
}
start_app() { # $1: log file; $2: Java options (default JAVA_OPTS); the database and corpus come from the environment
    # shellcheck disable=SC2086,SC2046
    # The benchmark is one client at full speed: the per-client rate limit would answer it with 429s.
    env $(database_env) DICTA_RATE_LIMIT_ENABLED=false DICTA_DATA_DIR="${DATA_DIR:-$WORK/data-$SIZE-$FLAVOUR}" QUARKUS_HTTP_PORT=$PORT \
        java ${2-$JAVA_OPTS} -jar "$JAR" > "$1" 2>&1 &
    APP_PID=$!
}

wait_for() { # $1: URL; waits until it answers 2xx (at most 30 min: a large import)
    for _ in $(seq 1 36000); do
        curl -sf -o /dev/null "$1" && return 0
        kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see its log" >&2; exit 1; }
        sleep 0.05
    done
    echo "no answer from $1" >&2; exit 1
}

# The statement finder on the seeds: p50 and p99 of one request at a time, in ms, after a warm-up. $@: hey's arguments
# and the URL last.
finder_latency() {
    for _ in $(seq 1 100); do hey -n 1 -c 1 "$@" > /dev/null; done
    hey -n 300 -c 1 "$@" > "$WORK/hey-finder.txt"
    awk '/ 50%/ {p50 = $3 * 1000} / 99%/ {p99 = $3 * 1000} END {printf "%s %s\n", p50, p99}' "$WORK/hey-finder.txt"
}
FINDER_MEETING="2023-03-13-leader-receives-lukashenko"
measure_finder() { # on the running seeds application ($1: its data directory, for a token): sets finder_json
    # A report of 5 000 characters: the Persian seed report, twice over, cut there; read as an editor's unsaved text.
    local text token
    text=$(curl -sf "$BASE/api/v1/sources/001_e2ce688135970981" | jq -r '.text')
    jq -n --arg t "$text$text" '{lang: "fa", text: $t[0:5000]}' > "$WORK/finder-body.json"
    token=$(DICTA_DATA_DIR="$1" java -jar "$JAR" token --subject bench-finder --role editor 2>/dev/null)
    read -r report_p50 report_p99 < <(finder_latency -m POST -T application/json -H "Authorization: Bearer $token" \
        -D "$WORK/finder-body.json" "$BASE/api/v1/candidates")
    read -r meeting_p50 meeting_p99 < <(finder_latency "$BASE/api/v1/meetings/$FINDER_MEETING/candidates")
    finder_json=$(jq -cn --argjson rp50 "$report_p50" --argjson rp99 "$report_p99" --argjson mp50 "$meeting_p50" \
        --argjson mp99 "$meeting_p99" --arg meeting "$FINDER_MEETING" \
        '{report: {chars: 5000, p50_ms: $rp50, p99_ms: $rp99}, meeting: {id: $meeting, reports: 4, p50_ms: $mp50, p99_ms: $mp99}}')
    echo "statement finder: a report of 5 000 characters p50 $report_p50 ms, p99 $report_p99 ms;" \
        "a meeting of four reports read and grouped p50 $meeting_p50 ms, p99 $meeting_p99 ms (whole requests)"
}
if [ "$SIZE" = finder ]; then
    rm -rf "$WORK/data-finder"
    DATA_DIR="$WORK/data-finder" start_app "$WORK/run-finder.log"
    wait_for "$BASE/api/v1/languages"
    measure_finder "$WORK/data-finder"
    stop_app
    mkdir -p bench/results
    out="bench/results/$(date -u +%Y%m%d-%H%M%S)-finder.json"
    jq -n --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg java "$(java -version 2>&1 | head -n 1)" \
        --arg machine "$(nproc) cores" --argjson finder "$finder_json" '{date: $date, machine: $machine, java: $java, finder: $finder}' > "$out"
    echo "Written to $out"
    exit 0
fi

# ---- 1. corpus and import ----
CORPUS="$WORK/corpus-$SIZE"
if [ ! -f "$CORPUS/annotations.yaml" ]; then
    java -jar "$JAR" corpus --variants "$VARIANTS" --out "$CORPUS"
fi
log="$WORK/import-$SIZE-$FLAVOUR.log"
if [ "${IMPORT:-fresh}" = "reuse" ] && [ -d "$WORK/data-$SIZE-$FLAVOUR" ] && [ -f "$log" ]; then
    # IMPORT=reuse: keep the database of the last run of this size (and report its import).
    echo "Reusing $WORK/data-$SIZE-$FLAVOUR"
    import_total_ms=$(cat "$WORK/import-$SIZE-$FLAVOUR.ms")
else
    rm -rf "$WORK/data-$SIZE-$FLAVOUR"
    fresh_database
    echo "Importing $CORPUS into a fresh $FLAVOUR database"
    started=$(now_ms)
    DICTA_SEED_DIR="$CORPUS" start_app "$log" "$IMPORT_JAVA_OPTS $(recording_opts import)"
    wait_for "$BASE/q/health/ready"
    import_total_ms=$(( $(now_ms) - started ))
    echo "$import_total_ms" > "$WORK/import-$SIZE-$FLAVOUR.ms"
    stop_app
    profile_summary import
fi
read_ms=$(grep -o 'Read and checked .* in [0-9]* ms' "$log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
# Writing includes the commit of the import's one transaction (0 when the log predates that line).
write_ms=$(grep -o 'written in [0-9]* ms' "$log" | grep -o '[0-9]*')
commit_ms=$(grep -o 'Import committed in [0-9]* ms' "$log" | grep -o '[0-9]*' || true)
write_ms=$(( write_ms + ${commit_ms:-0} ))
index_ms=$(grep -o 'Search index rebuilt: [0-9]* variants in [0-9]* ms' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
# The read model's records, made at the first start after the import (0 when the log has none).
model_ms=$(grep -o 'Read model: [0-9]* quotes recorded in [0-9]* ms' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || true)
model_ms=${model_ms:-0}
imported=$(grep -o '[0-9]* variants (written' "$log" | grep -o '^[0-9]*')
import_rate=$(( imported * 1000 / (read_ms + write_ms) ))
import_index_rate=$(( imported * 1000 / (read_ms + write_ms + index_ms + model_ms) ))

# ---- 2. start-up and memory ----
rss_kb() { awk -v field="$1:" '$1 == field {print $2}' "/proc/$APP_PID/status"; }
# The minimal application on the stack: time to its first answer, and memory after the same warm-up.
rm -rf "$WORK/data-minimal"
started=$(now_ms)
# shellcheck disable=SC2086
java $JAVA_OPTS -Dminimal.data-dir="$WORK/data-minimal" -Dquarkus.http.port=$PORT -jar "$MINIMAL_JAR" > "$WORK/run-minimal.log" 2>&1 &
APP_PID=$!
wait_for "$BASE/notes/first"
minimal_startup_ms=$(( $(now_ms) - started ))
wrk -t1 -c8 -d3s "$BASE/notes/first" > /dev/null
minimal_rss_mb=$(( $(rss_kb VmRSS) / 1024 ))
stop_app
echo "minimal application: first answer after $minimal_startup_ms ms, $minimal_rss_mb MB resident after warm-up"

# With only the seeds: the first start imports them and builds the index, a restart finds both.
# (H2 only: on PostgreSQL the flavour's figures are the corpus's.)
seeds_first_ms=null; seeds_startup_ms=null; finder_json=null
if [ "$FLAVOUR" = h2 ]; then
    rm -rf "$WORK/data-seeds"
    started=$(now_ms)
    DATA_DIR="$WORK/data-seeds" start_app "$WORK/run-seeds.log"
    wait_for "$BASE/api/v1/languages"
    seeds_first_ms=$(( $(now_ms) - started ))
    stop_app
    started=$(now_ms)
    DATA_DIR="$WORK/data-seeds" start_app "$WORK/run-seeds.log"
    wait_for "$BASE/api/v1/languages"
    seeds_startup_ms=$(( $(now_ms) - started ))
    measure_finder "$WORK/data-seeds"
    stop_app
fi

TOKEN=$(DICTA_DATA_DIR="$WORK/data-$SIZE-$FLAVOUR" java -jar "$JAR" token --subject bench --role editor 2>/dev/null)

# JDK 25's AOT cache (JEP 483/515), an option beside Java 17: a training run on this database writes the cache at
# exit, then the start with it is timed beside a start on JDK 25 without it. AOT_JAVA names JDK 25's java; none, none.
AOT_JAVA="${AOT_JAVA-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
aot_json=null
if [ -x "$AOT_JAVA" ]; then
    rm -f "$WORK/dicta.aot"
    JAVA_OPTS_SAVED="$JAVA_OPTS"
    timed_start() { # $1: extra Java options; sets timed_ms, the ms to the first answer (not in a subshell: APP_PID)
        local t0; t0=$(now_ms)
        # shellcheck disable=SC2086
        DICTA_SEED_ENABLED=false PATH="$(dirname "$AOT_JAVA"):$PATH" start_app "$WORK/run-$SIZE-aot.log" "$JAVA_OPTS_SAVED $1"
        wait_for "$BASE/api/v1/languages"
        timed_ms=$(( $(now_ms) - t0 ))
    }
    timed_start ""
    plain25_ms=$timed_ms
    stop_app
    timed_start "-XX:AOTCacheOutput=$WORK/dicta.aot"
    wrk -t1 -c8 -d5s "$BASE/api/v1/quotes?limit=20" > /dev/null
    stop_app
    if [ -f "$WORK/dicta.aot" ]; then
        timed_start "-XX:AOTCache=$WORK/dicta.aot"
        aot25_ms=$timed_ms
        stop_app
        aot_json=$(jq -cn --argjson plain "$plain25_ms" --argjson aot "$aot25_ms" --arg java "$("$AOT_JAVA" -version 2>&1 | head -n 1)" \
            '{java: $java, startup_ms: $plain, startup_with_aot_cache_ms: $aot}')
        echo "JDK 25: first answer after $plain25_ms ms; with the AOT cache $aot25_ms ms"
    else
        echo "warning: JDK 25 wrote no AOT cache; see $WORK/run-$SIZE-aot.log" >&2
    fi
fi

started=$(now_ms)
DICTA_SEED_ENABLED=false start_app "$WORK/run-$SIZE.log" "$JAVA_OPTS $(recording_opts startup)"
wait_for "$BASE/api/v1/languages"
startup_ms=$(( $(now_ms) - started ))
[ -z "$PROFILE" ] || { jcmd "$APP_PID" JFR.dump filename="$WORK/profiles/startup.jfr" > /dev/null; profile_summary startup; }

# ---- scenario parameters, read through the API ----
S1_ID=$(curl -sf "$BASE/api/v1/quotes?lang=fa&limit=1" | jq -r '.items[0].id')
SPEAKER=$(curl -sf "$BASE/api/v1/quotes?limit=1" | jq -r '.items[0].speaker.id')
phrase() { # three words of a variant in language $1, as a quoted phrase
    curl -sf "$BASE/api/v1/quotes?lang=$1&mode=direct&limit=1" | jq -r '.items[0].text' | awk '{print "\"" $2 " " $3 " " $4 "\""}'
}
# The generated texts draw words from the seed documents with their frequencies: the most frequent word of a
# language's seed documents is frequent in the corpus, one that occurs there once is rare.
declare -A SEED_FILES=([ar]="seeds/000_*.txt seeds/003_*.txt" [fa]="seeds/001_*.txt" [en]="seeds/002_*.txt" [ur]="seeds/004_*.txt")
word_counts() { # "count word" lines of a language's seed documents, most frequent first, then by word
    # shellcheck disable=SC2086
    cat ${SEED_FILES[$1]} | sed -E 's/[[:punct:]«»،؛؟“”‘’]+/ /g' | tr -s '[:space:]' '\n' | awk 'length($0) >= 2' \
        | sort | uniq -c | sort -k1,1nr -k2,2
}
declare -A FREQUENT RARE
for lang in ar fa en ur; do
    FREQUENT[$lang]=$(word_counts "$lang" | awk 'NR == 1 {print $2}')
    RARE[$lang]=$(word_counts "$lang" | awk '$1 == 1 && length($2) >= 5 && !found {print $2; found = 1}')
done
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }
# Page 500 of a filtered list (or its last page, in a corpus too small to have 500), reached through the cursors.
S5_FIRST="$BASE/api/v1/quotes?lang=en&limit=20"
page=1; next="$S5_FIRST"
while [ "$page" -lt 500 ]; do
    following=$(curl -sf "$next" | jq -r '.next // empty')
    [ -z "$following" ] && break
    next="$following"; page=$((page + 1))
done
S5_URL="$next"; S5_PAGE=$page

declare -a NAMES URLS
add() { NAMES+=("$1"); URLS+=("$2"); }
add "S1 one quote, fa" "$BASE/api/v1/quotes/$S1_ID?lang=fa"
add "S2 speaker page, ar" "$BASE/api/v1/quotes?speaker=$SPEAKER&lang=ar&limit=20"
for lang in ar fa en ur; do
    add "S3 frequent word, $lang" "$BASE/api/v1/quotes?q=$(urlencode "${FREQUENT[$lang]}")&limit=20"
    add "S3 rare word, $lang" "$BASE/api/v1/quotes?q=$(urlencode "${RARE[$lang]}")&limit=20"
    add "S3 phrase, $lang" "$BASE/api/v1/quotes?q=$(urlencode "$(phrase "$lang")")&limit=20"
done
add "S4 random, ur" "$BASE/api/v1/quotes/random?lang=ur"
add "S5 page 1, en" "$S5_FIRST"
add "S5 page $S5_PAGE, en" "$S5_URL"

# Reads spread over the corpus: 200 000 (quote, language) pairs drawn from every quote id; a popular set of 2 000
# quotes; searches for one or two words drawn from the vocabulary the generated texts are made of (the seed
# documents' words).
grep -o '^- id: q[0-9]*-[0-9]*' "$CORPUS/annotations.yaml" | cut -c7- > "$WORK/ids-$SIZE.txt"
random_source() { openssl enc -aes-256-ctr -pass pass:dicta-bench -nosalt < /dev/zero 2> /dev/null; }
langs_of() { awk 'BEGIN {split("ar fa en ur", l); srand(7)} {print "/api/v1/quotes/" $0 "?lang=" l[int(rand() * 4) + 1]}'; }
shuf -r -n 200000 --random-source=<(random_source) "$WORK/ids-$SIZE.txt" | langs_of > "$WORK/spread-urls.txt"
shuf -n 2000 --random-source=<(random_source) "$WORK/ids-$SIZE.txt" > "$WORK/popular-ids.txt"
langs_of < "$WORK/popular-ids.txt" > "$WORK/popular-urls.txt"
for lang in ar fa en ur; do word_counts "$lang"; done | awk '{print $2}' | sort -u > "$WORK/vocabulary.txt"
awk 'BEGIN {srand(11)} {w[NR] = $0} END {
        for (i = 0; i < 20000; i++) {
            a = w[int(rand() * NR) + 1]; q = (i % 2 == 0) ? a : a " " w[int(rand() * NR) + 1]
            print q
        }
    }' "$WORK/vocabulary.txt" | jq -Rr '"/api/v1/quotes?q=" + (. | @uri) + "&limit=20"' > "$WORK/words-urls.txt"
echo "$(wc -l < "$WORK/ids-$SIZE.txt") quote ids, $(wc -l < "$WORK/vocabulary.txt") words of vocabulary"

# S6: the reads above (S1, S2, S4) with 5 % authenticated writes: a topic change (If-Match: *) of one of the first
# quotes of every meeting (generated ids q<meeting>-0), each wrk thread on its own quotes so that writes do not collide.
MEETINGS=$(( (VARIANTS + 25) / 50 ))
cat > "$WORK/mix.lua" <<LUA
local reads = {"/api/v1/quotes/$S1_ID?lang=fa", "/api/v1/quotes?speaker=$SPEAKER&lang=ar&limit=20", "/api/v1/quotes/random?lang=ur"}
local topics = {"trade", "sanctions"}
local threads = 0
local n = 0
setup = function(thread)
    thread:set("offset", threads)
    threads = threads + 1
end
request = function()
    n = n + 1
    if n % 20 == 0 then
        local k = n / 20
        local quote = ((k * $THREADS + (offset or 0)) % $MEETINGS)
        local body = '{"topics": ["' .. topics[k % 2 + 1] .. '"], "reason": "benchmark"}'
        return wrk.format("PATCH", "/api/v1/quotes/q" .. quote .. "-0", {["Authorization"] = "Bearer $TOKEN",
            ["Content-Type"] = "application/merge-patch+json", ["If-Match"] = "*"}, body)
    end
    return wrk.format("GET", reads[n % 3 + 1])
end
LUA

# The same mix without its writes (their turns read S1), for the share the writes leave.
sed -e 's/if n % 20 == 0 then/if false then/' "$WORK/mix.lua" > "$WORK/mix-reads.lua"

throughput() { # wrk requests/s; $@: wrk arguments
    local rps
    rps=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$@" | tee -a "$WORK/wrk-$SIZE.txt" | awk '/Requests\/sec/ {print $2}')
    echo "${rps:-0}"
}
latency() { # "p50 p99" in ms at the fixed rate; $1: URL
    local workers=10
    hey -z "${HEY_SECONDS}s" -c "$workers" -q $(( RATE / workers )) "$1" > "$WORK/hey.txt"
    local p50 p99 non2xx
    p50=$(awk '/ 50%/ {print $3 * 1000}' "$WORK/hey.txt")
    p99=$(awk '/ 99%/ {print $3 * 1000}' "$WORK/hey.txt")
    non2xx=$(awk '/\[[0-9]+\]/ && $1 !~ /\[2/ {s += $2} END {print s + 0}' "$WORK/hey.txt")
    [ "$non2xx" -eq 0 ] || echo "warning: $non2xx non-2xx answers from $1" >&2
    # hey prints no percentile when too few requests completed (a scenario slower than its timeout): null then.
    echo "${p50:-null} ${p99:-null}"
}

rate_latency() { # "p50 p99" in ms of reads at RATE req/s, each of a URL drawn from the file $1
    local result
    result=$(node bench/rate.mjs "$BASE" "$RATE" "$HEY_SECONDS" "$1")
    [ "$(echo "$result" | jq '.requests - .ok')" -eq 0 ] || echo "warning: answers other than 2xx from $1: $result" >&2
    echo "$result" | jq -r '"\(.p50_ms) \(.p99_ms)"'
}
spread_throughput() { # wrk requests/s of reads of URLs drawn from the file $1
    URLS="$1" throughput -s bench/urls.lua "$BASE"
}
under_writes() { # "read_rps write_p50 write_p99 writes_ok": reads of the URLs of $1 at saturation, one editor at $2 writes/s
    URLS="$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s bench/urls.lua "$BASE" > "$WORK/wrk-writes.txt" &
    local reads=$! writes
    writes=$(node bench/writer.mjs "$BASE" "$TOKEN" "$2" "$DURATION" "$WORK/popular-ids.txt")
    wait "$reads"
    cat "$WORK/wrk-writes.txt" >> "$WORK/wrk-$SIZE.txt"
    [ "$(echo "$writes" | jq '.failed')" -eq 0 ] || echo "warning: writes refused: $writes" >&2
    echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-writes.txt") $(echo "$writes" | jq -r '"\(.p50_ms) \(.p99_ms) \(.ok)"')"
}

# ---- 3. warm-up, then the scenarios ----
echo "Warming up"
for url in "${URLS[@]}"; do wrk -t1 -c8 -d3s "$url" > /dev/null; done
for file in spread-urls words-urls popular-urls; do URLS="$WORK/$file.txt" wrk -t1 -c8 -d3s -s bench/urls.lua "$BASE" > /dev/null; done
rss_mb=$(( $(rss_kb VmRSS) / 1024 )); rss_anon_mb=$(( $(rss_kb RssAnon) / 1024 )); rss_file_mb=$(( $(rss_kb RssFile) / 1024 ))

# ---- 4. nginx, same body, same wrk settings ----
mkdir -p "$WORK/nginx/static"
curl -sf "${URLS[0]}" -o "$WORK/nginx/static/s1.json"
stop_nginx
"$NGINX" -p "$WORK/nginx" -c "$PWD/bench/nginx.conf"
sleep 0.5
cmp -s "$WORK/nginx/static/s1.json" <(curl -sf http://127.0.0.1:8089/s1.json) || { echo "nginx does not serve the S1 body" >&2; exit 1; }
: > "$WORK/wrk-$SIZE.txt"
nginx_rps=$(throughput http://127.0.0.1:8089/s1.json)
stop_nginx

declare -a RPS P50 P99
for i in "${!URLS[@]}"; do
    RPS[$i]=$(throughput "${URLS[$i]}")
    read -r "P50[$i]" "P99[$i]" < <(latency "${URLS[$i]}")
done
mix_rps=$(profiled s6 throughput -s "$WORK/mix.lua" "$BASE")
mix_errors=$(tail -n 12 "$WORK/wrk-$SIZE.txt" | awk '/Non-2xx/ {print $5}')
[ -z "$mix_errors" ] || echo "warning: S6 had $mix_errors answers other than 2xx/3xx" >&2
mix_reads_rps=$(throughput -s "$WORK/mix-reads.lua" "$BASE")

echo "Reads spread over the corpus, searches for words of its vocabulary, a popular set under writes"
spread_rps=$(profiled spread spread_throughput "$WORK/spread-urls.txt")
read -r spread_p50 spread_p99 < <(rate_latency "$WORK/spread-urls.txt")
words_rps=$(profiled words spread_throughput "$WORK/words-urls.txt")
read -r words_p50 words_p99 < <(rate_latency "$WORK/words-urls.txt")
popular_rps=$(spread_throughput "$WORK/popular-urls.txt")
read -r popular5_rps popular5_p50 popular5_p99 popular5_ok < <(under_writes "$WORK/popular-urls.txt" 5)
read -r popular20_rps popular20_p50 popular20_p99 popular20_ok < <(under_writes "$WORK/popular-urls.txt" 20)
# An edit's latency while reads spread over the corpus saturate the server.
read -r saturated_rps edit_p50 edit_p99 edit_ok < <(profiled edit-under-reads under_writes "$WORK/spread-urls.txt" 5)
stop_app

# The same reads with the response cache off: what a read costs when nobody asked for it just before (random picks
# are never cached: S4 is not repeated).
echo "Again with the response cache off"
DICTA_API_RESPONSE_CACHE_SIZE=0 DICTA_SEED_ENABLED=false start_app "$WORK/run-$SIZE-uncached.log"
wait_for "$BASE/api/v1/languages"
for url in "${URLS[@]}"; do wrk -t1 -c8 -d3s "$url" > /dev/null; done
rows=()
for i in "${!URLS[@]}"; do
    if [[ "${NAMES[$i]}" == S4* ]]; then
        rps_off=null; p50_off=null; p99_off=null
    elif [[ "${NAMES[$i]}" == S2* ]]; then
        rps_off=$(profiled s2-uncached throughput "${URLS[$i]}")
        read -r p50_off p99_off < <(latency "${URLS[$i]}")
    else
        rps_off=$(throughput "${URLS[$i]}")
        read -r p50_off p99_off < <(latency "${URLS[$i]}")
    fi
    rows+=("$(jq -cn --arg s "${NAMES[$i]}" --argjson rps "${RPS[$i]}" --argjson nginx "$nginx_rps" --argjson p50 "${P50[$i]}" \
        --argjson p99 "${P99[$i]}" --argjson rps_off "$rps_off" --argjson p50_off "$p50_off" --argjson p99_off "$p99_off" \
        '{scenario: $s, rps: $rps, ratio: (($rps / $nginx * 100 | round) / 100), p50_ms: $p50, p99_ms: $p99,
          uncached: {rps: $rps_off, ratio: (if $rps_off == null then null else (($rps_off / $nginx * 100 | round) / 100) end),
                     p50_ms: $p50_off, p99_ms: $p99_off}}')")
done
rows+=("$(jq -cn --argjson rps "$mix_rps" --argjson nginx "$nginx_rps" \
    '{scenario: "S6 reads + 5 % writes", rps: $rps, ratio: (($rps / $nginx * 100 | round) / 100), p50_ms: null, p99_ms: null, uncached: null}')")
spread_off_rps=$(profiled spread-uncached spread_throughput "$WORK/spread-urls.txt")
read -r spread_off_p50 spread_off_p99 < <(rate_latency "$WORK/spread-urls.txt")
words_off_rps=$(profiled words-uncached spread_throughput "$WORK/words-urls.txt")
read -r words_off_p50 words_off_p99 < <(rate_latency "$WORK/words-urls.txt")
spread_row() { # $1 name, $2 rps, $3 p50, $4 p99, $5 rps uncached, $6 p50, $7 p99
    jq -cn --arg s "$1" --argjson rps "$2" --argjson nginx "$nginx_rps" --argjson p50 "$3" --argjson p99 "$4" \
        --argjson rps_off "$5" --argjson p50_off "$6" --argjson p99_off "$7" \
        '{scenario: $s, rps: $rps, ratio: (($rps / $nginx * 1000 | round) / 1000), p50_ms: $p50, p99_ms: $p99,
          uncached: {rps: $rps_off, ratio: (($rps_off / $nginx * 1000 | round) / 1000), p50_ms: $p50_off, p99_ms: $p99_off}}'
}
rows+=("$(spread_row "reads spread over the corpus" "$spread_rps" "$spread_p50" "$spread_p99" "$spread_off_rps" "$spread_off_p50" "$spread_off_p99")")
rows+=("$(spread_row "searches for 1-2 words of the vocabulary" "$words_rps" "$words_p50" "$words_p99" "$words_off_rps" "$words_off_p50" "$words_off_p99")")
stop_app

# ---- 5. the table and the JSON ----
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
result=$(printf '%s\n' "${rows[@]}" | jq -s --arg size "$SIZE" --argjson variants "$imported" --arg machine "$machine" \
    --arg java "$(java -version 2>&1 | head -n 1)" --argjson nginx "$nginx_rps" --argjson startup "$startup_ms" \
    --argjson rss "$rss_mb" --argjson rss_anon "$rss_anon_mb" --argjson rss_file "$rss_file_mb" \
    --argjson seeds_first "$seeds_first_ms" --argjson seeds_startup "$seeds_startup_ms" --arg java_opts "$JAVA_OPTS" --argjson read "$read_ms" --argjson write "$write_ms" --argjson index "$index_ms" --argjson model "$model_ms" \
    --argjson rate "$import_rate" --argjson rate_index "$import_index_rate" --argjson total "$import_total_ms" \
    --argjson finder "$finder_json" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg settings "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; hey -z ${HEY_SECONDS}s at $RATE req/s" \
    --argjson aot "$aot_json" --arg flavour "$FLAVOUR" --argjson minimal_startup "$minimal_startup_ms" --argjson minimal_rss "$minimal_rss_mb" \
    --argjson mix "$mix_rps" --argjson mix_reads "$mix_reads_rps" --argjson popular "$popular_rps" \
    --argjson p5 "$popular5_rps" --argjson p5_50 "$popular5_p50" --argjson p5_99 "$popular5_p99" --argjson p5_ok "$popular5_ok" \
    --argjson p20 "$popular20_rps" --argjson p20_50 "$popular20_p50" --argjson p20_99 "$popular20_p99" --argjson p20_ok "$popular20_ok" \
    --argjson saturated "$saturated_rps" --argjson edit_50 "$edit_p50" --argjson edit_99 "$edit_p99" --argjson edit_ok "$edit_ok" \
    '{date: $date, size: $size, flavour: $flavour, variants: $variants, machine: $machine, java: $java, settings: $settings,
      minimal: {startup_ms: $minimal_startup, rss_mb_after_warmup: $minimal_rss}, jdk25_aot: $aot,
      startup_ratio_to_minimal: (($startup / $minimal_startup * 100 | round) / 100),
      s6_share_of_reads_only: {with_writes_rps: $mix, reads_only_rps: $mix_reads, share: (($mix / $mix_reads * 100 | round) / 100)},
      popular_set: {quotes: 2000, read_only_rps: $popular,
                    writes_5_per_s: {rps: $p5, share: (($p5 / $popular * 100 | round) / 100), edit_p50_ms: $p5_50, edit_p99_ms: $p5_99, edits: $p5_ok},
                    writes_20_per_s: {rps: $p20, share: (($p20 / $popular * 100 | round) / 100), edit_p50_ms: $p20_50, edit_p99_ms: $p20_99, edits: $p20_ok}},
      edit_under_saturating_reads: {read_rps: $saturated, writes_per_s: 5, p50_ms: $edit_50, p99_ms: $edit_99, edits: $edit_ok},
      import: {read_ms: $read, write_ms: $write, index_ms: $index, read_model_ms: $model, first_start_ms: $total,
               variants_per_s: $rate, variants_per_s_with_index: $rate_index},
      java_opts: $java_opts, seeds: {first_start_ms: $seeds_first, startup_ms: $seeds_startup},
      finder: $finder, startup_ms: $startup, rss_mb_after_warmup: $rss, rss_anon_mb: $rss_anon, rss_file_mb: $rss_file, nginx_rps: $nginx, scenarios: .}')
mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%d-%H%M%S)-$SIZE$([ "$FLAVOUR" = h2 ] || echo "-$FLAVOUR").json"
echo "$result" > "$out"

echo
echo "Dicta benchmark, $SIZE ($imported variants) on $machine"
echo "$result" | jq -r '"import: \(.import.variants_per_s) variants/s (read \(.import.read_ms) ms, write \(.import.write_ms) ms); with the search index and the read model (\(.import.read_model_ms) ms) \(.import.variants_per_s_with_index) variants/s",
    "start-up to first response: \(.startup_ms) ms (seeds only: \(.seeds.startup_ms) ms, first start \(.seeds.first_start_ms) ms)",
    "resident memory after warm-up: \(.rss_mb_after_warmup) MB (heap and other anonymous \(.rss_anon_mb) MB, mapped files \(.rss_file_mb) MB) with \(.java_opts)",
    "minimal application on the stack: first answer \(.minimal.startup_ms) ms (Dicta: \(.startup_ratio_to_minimal) ×), \(.minimal.rss_mb_after_warmup) MB resident",
    (if .finder then "statement finder: a report of \(.finder.report.chars) characters p50 \(.finder.report.p50_ms) ms, p99 \(.finder.report.p99_ms) ms; a meeting of four reports p50 \(.finder.meeting.p50_ms) ms, p99 \(.finder.meeting.p99_ms) ms" else empty end),
    "popular set of 2 000 quotes: \(.popular_set.read_only_rps) req/s read-only; with 5 writes/s \(.popular_set.writes_5_per_s.share) of it (edits p99 \(.popular_set.writes_5_per_s.edit_p99_ms) ms), with 20 writes/s \(.popular_set.writes_20_per_s.share)",
    "an edit under saturating spread reads: p50 \(.edit_under_saturating_reads.p50_ms) ms, p99 \(.edit_under_saturating_reads.p99_ms) ms",
    "S6 with its writes: \(.s6_share_of_reads_only.share) of the same mix without them",
    "nginx static (S1 body): \(.nginx_rps) req/s", ""'
{
    echo "scenario|req/s|ratio to nginx|p50 ms|p99 ms|uncached req/s|ratio|p50 ms|p99 ms"
    echo "$result" | jq -r '.scenarios[] | "\(.scenario)|\(.rps)|\(.ratio)|\(.p50_ms // "-")|\(.p99_ms // "-")|\(.uncached.rps // "-")|\(.uncached.ratio // "-")|\(.uncached.p50_ms // "-")|\(.uncached.p99_ms // "-")"'
} | column -t -s '|'
echo
echo "Written to $out"
