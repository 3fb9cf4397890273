#!/usr/bin/env bash
# Startup benchmark (issue 14), self-contained: the packaged jar as the README starts it, in demo mode on
# its embedded PostgreSQL in a fresh work folder, in two ways:
#   plain: java @jvm.options -jar target/herald-*.jar
#   cds:   the same jar unpacked, with a class data sharing archive from a training run (as the Dockerfile
#          builds it; the training run is not timed)
# and each twice:
#   cold: a new data folder (initdb, Flyway, demo users, the demo's 90 days of history)
#   warm: the same folder again (the demo already there)
# For each start: seconds from launching `java` to Spring Boot's "Started" line and to readiness UP
# (/actuator/health/readiness, after the demo data), the CPU seconds the JVM spent until then (which the
# load of the machine does not change), then, after STARTUP_IDLE_SECONDS (20) without requests, the
# resident memory of the Java process (VmRSS: the figure the 400 MB target is about) and, apart from it,
# of the embedded PostgreSQL's processes (RSS summed, which counts their shared buffers once per process,
# and PSS, which shares them out).
# STARTUP_JAVA_OPTS replaces the JVM options (default: @jvm.options), STARTUP_VARIANTS the ways to start
# (default: "plain cds"), e.g. the JVM's defaults:   STARTUP_JAVA_OPTS=" " STARTUP_VARIANTS=plain bench/run startup
# Usage: bench/startup.sh     Prints "RESULT name=value" lines and one SUMMARY line per variant.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -n "${BENCH_NO_BUILD:-}" ]] || mvn -q -B -DskipTests package
jar=$(ls "$PWD"/target/herald-*.jar | grep -v '\.original$' | head -1)
java_opts=${STARTUP_JAVA_OPTS:-@$PWD/jvm.options}
idle=${STARTUP_IDLE_SECONDS:-20}
work=$(mktemp -d)
herald=""
stop_orphan() { # data folder: a JVM that halted (the training run) leaves its PostgreSQL running
  local pid
  pid=$(head -1 "$1/postmaster.pid" 2>/dev/null || true)
  if [[ -n "$pid" ]]; then kill -INT "$pid" 2>/dev/null || true; fi
  for _ in $(seq 1 100); do [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}
cleanup() {
  if [[ -n "$herald" ]]; then kill "$herald" 2>/dev/null || true; wait "$herald" 2>/dev/null || true; fi
  stop_orphan "$work/training-pg"
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$1 - $2:.1f}')"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
result() { echo "RESULT $1"; echo "$1" >> "$work/results"; }
# Herald runs in the work folder: demo mode keeps its generated secret key in ./data there.
cd "$work"
result "machine.cores=$(nproc)"
result "startup.java_options=${java_opts// /_}"

start_once() { # label data-folder java-arguments...
  local label=$1 data=$2 http started line ready cpu pg_pid pg_rss=0 pg_pss=0 pg_count=0
  shift 2
  http=$(free_port)
  started=$(now)
  HERALD_DATABASE_EMBEDDED_DATA_DIR="$data" SERVER_PORT=$http java "$@" > "$work/$label.log" 2>&1 &
  herald=$!
  line=""
  for _ in $(seq 1 1200); do
    [[ -z "$line" ]] && grep -q "Started HeraldApplication" "$work/$label.log" 2>/dev/null && line=$(now)
    curl -sf "http://127.0.0.1:$http/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    kill -0 "$herald" 2>/dev/null || { echo "Herald died"; tail -40 "$work/$label.log"; exit 1; }
    sleep 0.1
  done
  ready=$(now)
  cpu=$(cpu_seconds "$herald")
  [[ -n "$line" ]] || line=$ready
  result "startup.$label.started_seconds=$(seconds "$line" "$started")"
  result "startup.$label.ready_seconds=$(seconds "$ready" "$started")"
  result "startup.$label.java_cpu_seconds_to_ready=$cpu"
  result "startup.$label.load_average=$(cut -d' ' -f1 /proc/loadavg) (1 minute, at ready)"
  sleep "$idle"
  result "startup.$label.java_rss_mb=$(( $(rss_kb "$herald") / 1024 ))"
  pg_pid=$(head -1 "$data/postmaster.pid" 2>/dev/null || true)
  if [[ -n "$pg_pid" ]]; then
    for pid in $pg_pid $(pgrep -P "$pg_pid" || true); do
      pg_rss=$(( pg_rss + $(rss_kb "$pid") ))
      pg_pss=$(( pg_pss + $(pss_kb "$pid") ))
      pg_count=$(( pg_count + 1 ))
    done
  fi
  result "startup.$label.postgres_rss_mb=$(( pg_rss / 1024 )) (sum over $pg_count processes)"
  result "startup.$label.postgres_pss_mb=$(( pg_pss / 1024 ))"
  grep -o 'created 90 days of history.* in [0-9]* ms' "$work/$label.log" | sed 's/^/    /' || true
  kill "$herald"; wait "$herald" 2>/dev/null || true
  herald=""
}

v() { grep -m1 "^startup.$1=" "$work/results" | cut -d= -f2 | cut -d' ' -f1; }
summary() { # variant
  echo "SUMMARY startup ($1): ready in $(v "$1.cold.ready_seconds") s cold (new data folder), $(v "$1.warm.ready_seconds") s" \
    "warm (load average $(v "$1.cold.load_average") / $(v "$1.warm.load_average")); JVM CPU to ready $(v "$1.cold.java_cpu_seconds_to_ready")" \
    "/ $(v "$1.warm.java_cpu_seconds_to_ready") s; idle RSS of the Java process $(v "$1.cold.java_rss_mb") / $(v "$1.warm.java_rss_mb") MB" \
    "(embedded PostgreSQL besides: $(v "$1.warm.postgres_rss_mb") MB RSS, $(v "$1.warm.postgres_pss_mb") MB PSS)"
}

# shellcheck disable=SC2086
for variant in ${STARTUP_VARIANTS:-plain cds}; do
  case "$variant" in
    plain)
      start_once plain.cold "$work/plain-pg" $java_opts -jar "$jar"
      start_once plain.warm "$work/plain-pg" $java_opts -jar "$jar" ;;
    cds)
      # Unpacked (CDS needs the libraries as files), then a training run that stops once the context is up.
      java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
      app="$work/app/$(basename "$jar")"
      HERALD_DATABASE_EMBEDDED_DATA_DIR="$work/training-pg" java $java_opts -XX:ArchiveClassesAtExit="$work/app/herald.jsa" \
        -Dspring.context.exit=onRefresh -jar "$app" > "$work/training.log" 2>&1 || true
      stop_orphan "$work/training-pg"
      [[ -f "$work/app/herald.jsa" ]] || { echo "no CDS archive"; tail -20 "$work/training.log"; exit 1; }
      result "startup.cds.archive_mb=$(( $(stat -c %s "$work/app/herald.jsa") / 1024 / 1024 ))"
      start_once cds.cold "$work/cds-pg" $java_opts -XX:SharedArchiveFile="$work/app/herald.jsa" -jar "$app"
      start_once cds.warm "$work/cds-pg" $java_opts -XX:SharedArchiveFile="$work/app/herald.jsa" -jar "$app" ;;
    *) echo "unknown variant $variant"; exit 2 ;;
  esac
done
for variant in ${STARTUP_VARIANTS:-plain cds}; do summary "$variant"; done
