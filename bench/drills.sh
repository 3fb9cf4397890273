#!/usr/bin/env bash
# Multi-process scenarios and drills (issue 8). Each starts its own simulator (SimulatorServer), one
# shared PostgreSQL (dev.herald.bench.SharedPostgres: embedded PostgreSQL 17 on a fixed port) and
# Herald nodes as separate `java -jar` processes on it, then starts one run (dev.herald.bench.Drills).
# Lost / duplicated come from the simulator's per-OA counts (GET /sim/admin/counts):
# lost = OAs with 0 accepted broadcasts, duplicated = OAs with more than 1.
#   cluster          three nodes share one app's CLUSTER_RATE (200/s), CLUSTER_OAS (10,000) OAs
#   drill-kill       kill -9 the node mid-run, restart it                     (DRILL_OAS, default 10,000)
#   drill-db-restart restart PostgreSQL mid-run                                (DRILL_OAS)
#   drill-faults     30 % injected faults of every kind on send (seed 42)      (DRILL_OAS)
#                    (this and the kill drills also print the retry lateness: p50/p99/max of how late
#                    calls of deliveries called before started after they were due; goal p99 <= 2 s)
#   drill-node-loss  three nodes, kill -9 the lease holder, the others finish  (DRILL_OAS)
#   drill-event      kill -9 the node between the run's commit and the campaign's, restart it:
#                    the stored "run finished" event moves the campaign on    (DRILL_OAS, default 1,000)
# DRILL_RATE (default 500) is the app's limit. Prints "RESULT ..." lines; a drill exits 1 when an OA
# was lost or duplicated.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?cluster or drill-kill|drill-db-restart|drill-faults|drill-node-loss|drill-event}
oas=${DRILL_OAS:-10000}
rate=${DRILL_RATE:-500}
kill_at=${DRILL_KILL_AT:-0.3}

ls target/herald-*.jar > /dev/null 2>&1 || mvn -q -B -DskipTests package
jar=$(ls target/herald-*.jar | grep -v '\.original$' | head -1)
launcher=org.springframework.boot.loader.launch.PropertiesLauncher
work=$(mktemp -d)
declare -A node_pid=()
sim_pid=""
pg_pid=""
cleanup() {
  for pid in "${node_pid[@]}" $sim_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pid[@]}" $sim_pid; do wait "$pid" 2>/dev/null || true; done
  [[ -n "$pg_pid" ]] && stop_postgres > /dev/null 2>&1
  [[ -n "${BENCH_KEEP:-}" ]] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
java_main() {
  local main=$1
  shift
  java -Xshare:auto -Dloader.path=target/test-classes -Dloader.main="$main" -cp "$jar" "$launcher" "$@"
}
wait_for_line() { # file pattern seconds
  for _ in $(seq 1 $(($3 * 5))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1"; tail -30 "$1"; return 1
}

sdk=1700000101
start_simulator() { # rate oas
  java_main dev.herald.bench.Drills --write-simulator-config "$work/apps.json" --sdk-app-id $sdk --rate "$1" --oas "$2"
  # shellcheck disable=SC2086
  java ${BENCH_SIMULATOR_JAVA_OPTS:--XX:+UseSerialGC -Xms256m -Xmx512m} -Dloader.main=dev.herald.simulator.SimulatorServer -cp "$jar" "$launcher" \
    --port 0 --threads 64 --config "$work/apps.json" > "$work/simulator.log" 2>&1 &
  sim_pid=$!
  wait_for_line "$work/simulator.log" "listening on port" 60
  sim="http://127.0.0.1:$(grep -o "listening on port [0-9]*" "$work/simulator.log" | grep -o "[0-9]*$")"
}

pg_port=$(free_port)
pg_starts=0
start_postgres() {
  # java itself in the background (not a shell function), so that $! is the JVM.
  java -Dloader.path=target/test-classes -Dloader.main=dev.herald.bench.SharedPostgres -cp "$jar" "$launcher" \
    --data-dir "$work/pg" --port "$pg_port" >> "$work/postgres.log" 2>&1 &
  pg_pid=$!
  # The log is appended to on a restart: wait for one more "ready" line than before.
  for _ in $(seq 1 600); do
    (($(grep -c "ready on port" "$work/postgres.log") > pg_starts)) && { pg_starts=$((pg_starts + 1)); return 0; }
    kill -0 "$pg_pid" 2>/dev/null || { echo "PostgreSQL did not start"; tail -30 "$work/postgres.log"; return 1; }
    sleep 0.2
  done
  echo "PostgreSQL not ready"; return 1
}
stop_postgres() {
  # Fast shutdown of the postmaster itself (SIGINT), then its helper JVM.
  local postmaster
  postmaster=$(head -1 "$work/pg/postmaster.pid" 2>/dev/null || true)
  if [[ -n "$postmaster" ]]; then
    kill -INT "$postmaster" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.1; done
  fi
  kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; pg_pid=""
  if sql "select 1" > /dev/null 2>&1; then echo "PostgreSQL still answers after the stop"; return 1; fi
}
export PGPASSWORD=postgres
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAX -c "$1"; }

declare -A node_port=()
start_node() { # name
  local http=${node_port[$1]:-$(free_port)}
  node_port[$1]=$http
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD=postgres HERALD_DEMO=false HERALD_SIMULATOR_ENABLED=false \
    HERALD_SECRET_KEY="YmVuY2gtb25seS1iZW5jaC1vbmx5LWJlbmNoLW9ubHk=" HERALD_ADMIN_PASSWORD="bench-only-password" \
    HERALD_DELIVERY_NODE_ID="$1" HERALD_DB_POOL_SIZE=10 SERVER_PORT=$http LOGGING_LEVEL_DEV_HERALD_TENCENT=ERROR \
    java -Xmx384m -jar "$jar" >> "$work/$1.log" 2>&1 &
  node_pid[$1]=$!
}
wait_ready() { # name
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:${node_port[$1]}/actuator/health/readiness" 2>/dev/null | grep -q UP && return 0
    kill -0 "${node_pid[$1]}" 2>/dev/null || { echo "$1 died"; tail -40 "$work/$1.log"; return 1; }
    sleep 0.5
  done
  echo "$1 not ready"; tail -40 "$work/$1.log"; return 1
}
kill9_node() { kill -9 "${node_pid[$1]}"; wait "${node_pid[$1]}" 2>/dev/null || true; unset "node_pid[$1]"; }

start_run() { # [--campaign]
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD=postgres HERALD_SECRET_KEY="YmVuY2gtb25seS1iZW5jaC1vbmx5LWJlbmNoLW9ubHk=" \
    java_main dev.herald.bench.Drills --start-run --sdk-app-id $sdk --rate "$rate" --oas "$oas" --simulator "$sim" "$@" \
    > "$work/start-run.log" 2>&1 || { tail -40 "$work/start-run.log"; return 1; }
  run=$(grep '^RUN ' "$work/start-run.log" | awk '{print $2}')
  started=$(now)
  echo "run $run: $oas OAs at $rate/s"
}
sent() { sql "select count(*) from delivery where run_id = $run and status = 'SENT'" 2>/dev/null || echo 0; }
wait_sent_fraction() { # fraction
  local target
  target=$(python3 -c "print(int($oas * $1))")
  for _ in $(seq 1 3000); do
    (($(sent) >= target)) && return 0
    sleep 0.1
  done
  echo "run did not reach $target sent"; return 1
}
wait_finished() { # seconds
  local deadline=$(($(date +%s) + $1))
  while (($(date +%s) < deadline)); do
    [[ "$(sql "select finished_at is not null from send_run where id = $run" 2>/dev/null)" == "t" ]] && {
      finished=$(now); return 0; }
    sleep 0.25
  done
  echo "run $run did not finish in $1 s"; return 1
}

# RESULT line from the simulator's per-OA counts and the database's statuses; exit status 1 when an OA
# was lost or duplicated.
# How late calls of deliveries called before (retries, in-doubt resends and lookups, claims of a dead node)
# started after they were due (attempt rows: started_at - due_at, every attempt but a delivery's first).
# Issue 15's goal: p99 <= 2 s.
retry_lateness() {
  sql "select count(*) || ' ' || coalesce(round(percentile_cont(0.5) within group (order by late)::numeric, 3), 0)
              || ' ' || coalesce(round(percentile_cont(0.99) within group (order by late)::numeric, 3), 0)
              || ' ' || coalesce(round(max(late)::numeric, 3), 0)
       from (select extract(epoch from a.started_at - a.due_at) as late,
                    a.attempt, row_number() over (partition by a.delivery_id order by a.id) as n
             from delivery_attempt a join delivery d on d.id = a.delivery_id where d.run_id = $run) x
       where n > 1 or attempt > 1" | {
    read -r count p50 p99 max
    met=$(python3 -c "print('yes' if $p99 <= 2 else 'no')")
    echo "retry_calls=$count retry_lateness_p50_s=$p50 retry_lateness_p99_s=$p99 retry_lateness_max_s=$max retry_lateness_goal_met=$met"
  }
}

verdict() { # label extra...
  local label=$1
  shift
  curl -sf "$sim/sim/admin/counts" > "$work/counts.json"
  sql "select status, count(*) from delivery where run_id = $run group by status order by status" | tr '\n|' ' =' \
    > "$work/statuses.txt"
  python3 - "$work/counts.json" "$sdk" "$label" "$(python3 -c "print(f'{$finished - $started:.1f}')")" \
    "$(cat "$work/statuses.txt")" "$@" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))["apps"][sys.argv[2]]
label, seconds, statuses, extra = sys.argv[3], sys.argv[4], sys.argv[5].split(), sys.argv[6:]
per_oa = [a["broadcasts"] for a in counts["accounts"].values()]
send = counts["commands"].get("send_official_account_msg", {"calls": 0, "errorCodes": {}})
throttle = sum(n for code, n in send["errorCodes"].items() if code in ("60007", "60011", "10023"))
lost = sum(1 for b in per_oa if b == 0)
duplicated = sum(1 for b in per_oa if b > 1)
dropped = sum(a["duplicatesDropped"] for a in counts["accounts"].values())
errors = sum(n for code, n in send["errorCodes"].items() if code != "0")
print(f"RESULT {label} lost={lost} duplicated={duplicated} oas={len(per_oa)} broadcasts={sum(per_oa)} "
      f"seconds={seconds} calls={send['calls']} throttle_errors={throttle} error_answers={errors} "
      f"bad_gateway={send.get('badGateway', 0)} responses_lost={send.get('responsesLost', 0)} delayed={send.get('delayed', 0)} "
      f"duplicates_dropped_by_simulator={dropped} statuses=" + ",".join(statuses) + (" " + " ".join(extra) if extra else ""))
sys.exit(1 if lost or duplicated else 0)
PY
}

echo "RESULT machine.cores=$(nproc)"
case "$name" in
  cluster)
    oas=${CLUSTER_OAS:-10000}
    rate=${CLUSTER_RATE:-200}
    start_simulator "$rate" "$oas"
    start_postgres
    start_node node1; wait_ready node1   # migrates the empty database
    start_node node2; start_node node3; wait_ready node2; wait_ready node3
    start_run
    wait_finished 900
    span=$(sql "select extract(epoch from max(last_attempt_at) - min(first_attempt_at)) from delivery where run_id = $run")
    sent_rows=$(sent)
    nodes=$(sql "select a.node || '=' || count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
                 where d.run_id = $run group by a.node order by a.node" | tr '\n' ',' | sed 's/,$//')
    achieved=$(python3 -c "print(f'{$sent_rows / $span:.1f}')")
    echo "RESULT cluster.nodes=3 cluster.limit_per_second=$rate cluster.achieved_per_second=$achieved" \
      "cluster.ratio_to_limit=$(python3 -c "print(f'{$sent_rows / $span / $rate:.3f}')") cluster.attempts_by_node=$nodes"
    verdict cluster
    ;;
  drill-kill)
    start_simulator "$rate" "$oas"
    start_postgres
    start_node node1; wait_ready node1
    start_run
    wait_sent_fraction "$kill_at"
    at=$(sent)
    kill9_node node1
    killed=$(now)
    start_node node1; wait_ready node1
    restarted=$(now)
    wait_finished 900
    verdict drill-kill "killed_at_sent=$at restart_seconds=$(python3 -c "print(f'{$restarted - $killed:.1f}')")" \
      "after_restart_seconds=$(python3 -c "print(f'{$finished - $restarted:.1f}')")" $(retry_lateness)
    ;;
  drill-db-restart)
    start_simulator "$rate" "$oas"
    start_postgres
    start_node node1; wait_ready node1
    start_run
    wait_sent_fraction "$kill_at"
    at=$(sent)
    stop_postgres
    down=$(now)
    sleep "${DRILL_DB_DOWN_SECONDS:-5}"
    start_postgres
    up=$(now)
    wait_finished 900
    verdict drill-db-restart "stopped_at_sent=$at db_down_seconds=$(python3 -c "print(f'{$up - $down:.1f}')")" \
      "after_db_back_seconds=$(python3 -c "print(f'{$finished - $up:.1f}')")"
    ;;
  drill-faults)
    start_simulator "$rate" "$oas"
    # 30 % of send calls: 12 % retryable error codes, 6 % 502, 6 % delayed 4 s, 6 % stored but unanswered.
    curl -sf -X PUT -H 'Content-Type: application/json' "$sim/sim/admin/apps/$sdk/faults" -d '{"seed":42,
      "errorProbability":0.12,"errorCodes":[10002,60008],"badGatewayProbability":0.06,"delayProbability":0.06,
      "delayMillis":4000,"lostProbability":0.06,"lostDelayMillis":0,"commands":["send_official_account_msg"]}' > /dev/null
    start_postgres
    start_node node1; wait_ready node1
    start_run
    wait_finished 900
    verdict drill-faults "fault_probability=0.30" $(retry_lateness)
    ;;
  drill-node-loss)
    start_simulator "$rate" "$oas"
    start_postgres
    start_node node1; wait_ready node1
    start_node node2; start_node node3; wait_ready node2; wait_ready node3
    start_run
    wait_sent_fraction "$kill_at"
    at=$(sent)
    # The app's lease holder; when the lease row is absent at this instant, the node of the latest attempt.
    holder=$(sql "select l.holder from dispatch_lease l join chat_app c on c.id = l.chat_app_id where c.sdk_app_id = $sdk")
    [[ -n "$holder" ]] || holder=$(sql "select a.node from delivery_attempt a join delivery d on d.id = a.delivery_id
                                        where d.run_id = $run order by a.started_at desc limit 1")
    holder=${holder%%#*}   # holders are "nodeId#instance"
    [[ -n "${node_pid[$holder]:-}" ]] || { echo "no dispatching node found (holder '$holder')"; exit 1; }
    kill9_node "$holder"
    killed=$(now)
    wait_finished 900
    nodes=$(sql "select a.node || '=' || count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
                 where d.run_id = $run group by a.node order by a.node" | tr '\n' ',' | sed 's/,$//')
    verdict drill-node-loss "killed=$holder killed_at_sent=$at after_kill_seconds=$(python3 -c "print(f'{$finished - $killed:.1f}')")" \
      "attempts_by_node=$nodes" $(retry_lateness)
    ;;
  drill-event)
    oas=${DRILL_OAS:-1000}
    start_simulator "$rate" "$oas"
    start_postgres
    start_node node1; wait_ready node1
    start_run --campaign
    campaign=$(grep '^CAMPAIGN ' "$work/start-run.log" | awk '{print $2}')
    # Another session holds the campaign's row, so the node's listener waits between the engine's commit
    # (the run's end and its event stored) and its own; the node is killed right there.
    PGAPPNAME=drill-lock psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAX \
      -c "begin; select id from campaign where id = $campaign for update; select pg_sleep(900);" > /dev/null 2>&1 &
    lock_pid=$!
    wait_finished 900
    for _ in $(seq 1 600); do
      waiting=$(sql "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and application_name <> 'drill-lock'")
      ((waiting > 0)) && break
      sleep 0.1
    done
    ((waiting > 0)) || { echo "the campaign listener never reached the campaign's row"; exit 1; }
    kill9_node node1
    killed=$(now)
    sql "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'drill-lock'" > /dev/null
    wait "$lock_pid" 2>/dev/null || true
    status_killed=$(sql "select status from campaign where id = $campaign")
    outstanding_killed=$(sql "select count(*) from event_publication where completion_date is null")
    start_node node1; wait_ready node1
    restarted=$(now)
    for _ in $(seq 1 1200); do
      status=$(sql "select status from campaign where id = $campaign")
      [[ "$status" != RUNNING ]] && break
      sleep 0.1
    done
    moved=$(now)
    outstanding=$(sql "select count(*) from event_publication where completion_date is null")
    echo "RESULT drill-event campaign_after_kill=$status_killed events_outstanding_after_kill=$outstanding_killed" \
      "campaign_after_restart=$status events_outstanding_after_restart=$outstanding" \
      "restart_seconds=$(python3 -c "print(f'{$restarted - $killed:.1f}')")" \
      "moved_on_seconds_after_ready=$(python3 -c "print(f'{$moved - $restarted:.1f}')")"
    verdict drill-event "campaign=$status"
    [[ "$status_killed" == RUNNING && "$outstanding_killed" -ge 1 && "$status" != RUNNING && "$outstanding" == 0 ]]
    ;;
  *) echo "unknown scenario $name"; exit 2 ;;
esac
