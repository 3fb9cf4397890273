#!/usr/bin/env bash
# Sourced by the page benchmarks (reports.sh, audiences.sh, callbacks.sh): builds the jar unless
# BENCH_NO_BUILD is set, starts Herald in demo mode on an embedded PostgreSQL in "$work/pg" (kept between
# runs when BENCH_WORK names a folder, with demo mode's secret key beside it in "$work") with a heap of
# $1, and waits until it is UP. Sets: jar, pg_port, http, base, herald (its pid; stopped on exit).
# Defines: sql (psql on its database), sign_in <user> (a demo user; the session is in $jar_file),
# csrf_of (the CSRF token of the page on stdin) and percentiles (p50 and p95 in ms of the seconds on
# stdin).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
[[ -n "${BENCH_NO_BUILD:-}" ]] || mvn -q -B -DskipTests package
jar=$(ls target/herald-*.jar | grep -v '\.original$' | head -1)
pg_port=$(free_port)
http=$(free_port)
base="http://127.0.0.1:$http"

HERALD_DEMO=true HERALD_DATA_DIR="$work" HERALD_DATABASE_EMBEDDED_DATA_DIR="$work/pg" HERALD_DATABASE_EMBEDDED_PORT=$pg_port \
  SERVER_PORT=$http java "-Xmx$1" "-Xms$1" -jar "$jar" > "$work/herald.log" 2>&1 &
herald=$!
trap 'kill $herald 2>/dev/null || true; wait $herald 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "$base/actuator/health" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$base/actuator/health" > /dev/null || { tail -40 "$work/herald.log"; exit 1; }
export PGPASSWORD=postgres
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAX "$@"; }
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
sign_in() { # username
  jar_file="$work/cookies"
  rm -f "$jar_file"
  local csrf
  csrf=$(curl -s -c "$jar_file" "$base/login" | csrf_of)
  curl -s -b "$jar_file" -c "$jar_file" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$base/login"
}
percentiles() { sort -n | awk '{a[NR]=$1} END {p50=a[int(NR*0.5+0.5)]; p95=a[int(NR*0.95+0.5)]; printf "%.1f %.1f\n", p50*1000, p95*1000}'; }
