#!/usr/bin/env bash
# Report benchmarks (issue 7), self-contained: Herald from this build on an embedded PostgreSQL in a
# work folder, BENCH_DELIVERIES rows (default 5,000,000) from bench/generate-deliveries.sql, then
#   history: p50/p95 of the send history page for six views (goal p95 < 100 ms), of a run page and a run
#            report with their recall windows, and the time of a campaign's recall-window query
#   export:  CSV export of BENCH_EXPORT_ROWS rows (default 1,000,000): seconds, rows/s, peak heap,
#            next to psql \copy of the same rows
# Usage: bench/reports.sh history|export     Prints "RESULT name=value" lines.
# BENCH_WORK=<dir> keeps the database between runs (generation is skipped when it is full).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?history or export}
deliveries=${BENCH_DELIVERIES:-5000000}
export_rows=${BENCH_EXPORT_ROWS:-1000000}
requests=${BENCH_REQUESTS:-60}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"

# shellcheck source=bench/start-herald.sh
source bench/start-herald.sh 256m

have=$(sql -c "select count(*) from delivery where chat_app_id in (select id from chat_app where name like 'Bench %')")
if (( have < deliveries )); then
  start=$(date +%s.%N)
  sql -v deliveries="$deliveries" -f bench/generate-deliveries.sql > /dev/null
  echo "RESULT generate.rows=$(sql -c 'select count(*) from delivery')"
  echo "RESULT generate.seconds=$(echo "$(date +%s.%N) - $start" | bc)"
fi
echo "RESULT deliveries=$(sql -c 'select count(*) from delivery')"

# Sign in as the demo analyst.
sign_in analyst
rm -f "$work/p95"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\therald-tz\tAsia%%2FShanghai\n' >> "$jar_file"
get() { curl -s -b "$jar_file" "$@"; }

measure() {
  local name=$1 url=$2
  for _ in $(seq 1 20); do get -o /dev/null "$base$url"; done  # warm up (JIT)
  local rows
  rows=$(get "$base$url" | grep -c 'class="delivery-row"' || true)
  read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do get -o /dev/null -w '%{time_total}\n' "$base$url"; done | percentiles)
  echo "RESULT history.$name.rows=$rows"
  echo "RESULT history.$name.p50_ms=$p50"
  echo "RESULT history.$name.p95_ms=$p95"
  echo "$name=$p95" >> "$work/p95"
  # The htmx swap: the results fragment only, without the page around it.
  read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do get -H 'HX-Request: true' -o /dev/null -w '%{time_total}\n' "$base$url"; done | percentiles)
  echo "RESULT history.$name.htmx_p50_ms=$p50"
  echo "RESULT history.$name.htmx_p95_ms=$p95"
}

case "$scenario" in
  history)
    app=$(sql -c "select id from chat_app where name = 'Bench 2'")
    last=$(sql -c "select (max(created_at) at time zone 'Asia/Shanghai')::date from delivery")
    week=$(sql -c "select ((max(created_at) at time zone 'Asia/Shanghai')::date - 6) from delivery")
    mk=$(sql -c "select substr(msg_key, 1, 8) from delivery where msg_key is not null order by id desc limit 1")
    measure latest "/reports/deliveries"
    measure app_failed_week "/reports/deliveries?app=$app&status=FAILED&from=$week&to=$last"
    measure campaign_oldest "/reports/deliveries?campaign=1042&sort=oldest"
    measure error_code "/reports/deliveries?code=80002"
    measure msgkey_prefix "/reports/deliveries?msgKey=$mk"
    # A deep page: the cursor of page one, then page two.
    next=$(get "$base/reports/deliveries?app=$app" | tr '\n' ' ' | grep -o 'id="next-page"[^>]*href="[^"]*"' | head -1 | sed 's/.*href="//;s/"$//;s/&amp;/\&/g')
    measure app_page2 "$next"
    # The run page and the run report of one 2,000-account run: each now also reads its recall window
    # (first and last deadline over the run's sent messages) and a deadline per listed delivery.
    run=$(sql -c "select id from send_run where campaign_id = 1042 order by id desc limit 1")
    for page in "runs/$run" "reports/runs/$run"; do
      name=$(echo "$page" | cut -d/ -f1)
      for _ in $(seq 1 20); do get -o /dev/null "$base/$page"; done
      read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do get -o /dev/null -w '%{time_total}\n' "$base/$page"; done | percentiles)
      echo "RESULT recall_window.$name.p50_ms=$p50"
      echo "RESULT recall_window.$name.p95_ms=$p95"
    done
    # A campaign page's recall window: one aggregate over every sent message of all its runs.
    runs=$(sql -c "select string_agg(id::text, ',') from send_run where campaign_id = 1042")
    echo "RESULT recall_window.campaign.deliveries=$(sql -c "select count(*) from delivery where run_id in ($runs)")"
    echo "RESULT recall_window.campaign.sql_ms=$(sql -c "explain (analyze, format json)
      select count(*) filter (where s.sent_at > now() - interval '7 days'), count(*), min(s.sent_at), max(s.sent_at)
      from (select coalesce(to_timestamp(nullif(d.msg_time, 0)), d.last_attempt_at, d.created_at) as sent_at
            from delivery d where d.run_id in ($runs) and d.status in ('SENT', 'RECALL_FAILED') and d.msg_key is not null) s" \
      | python3 -c 'import json,sys; print(round(json.load(sys.stdin)[0]["Execution Time"], 1))')"
    echo "SUMMARY history: $(sql -c 'select count(*) from delivery') deliveries; full page p95 $(sort -t= -k2 -n "$work/p95" | tail -1 | cut -d= -f2) ms at worst over the filters above (goal < 100 ms)"
    ;;
  export)
    # The newest export_rows rows: a time range, as people export.
    from_day=$(sql -c "select (created_at at time zone 'Asia/Shanghai')::date from delivery order by created_at desc, id desc offset $export_rows limit 1")
    from_day=$(date -d "$from_day + 1 day" +%F)
    rows=$(sql -c "select count(*) from delivery where created_at >= '$from_day'::timestamp at time zone 'Asia/Shanghai'")
    jstat -gc $herald 100 > "$work/gc.log" &
    jstat_pid=$!
    start=$(date +%s.%N)
    got=$(get "$base/reports/deliveries/export?format=csv&sort=oldest&from=$from_day" | wc -l)
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    kill $jstat_pid; wait $jstat_pid 2>/dev/null || true
    peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$work/gc.log")
    echo "RESULT export.rows=$((got - 1)) (expected $rows)"
    echo "RESULT export.seconds=$seconds"
    echo "RESULT export.rows_per_second=$(echo "$rows / $seconds" | bc)"
    old=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {if ($8>m) m=$8} END {printf "%.0f", m/1024}' "$work/gc.log")
    echo "RESULT export.peak_heap_mb=$peak (-Xmx256m; young generation garbage included)"
    echo "RESULT export.peak_old_gen_mb=$old"
    # The same view at a tenth of the rows: the heap must not grow with the row count.
    small_day=$(sql -c "select (created_at at time zone 'Asia/Shanghai')::date from delivery order by created_at desc, id desc offset $((export_rows / 10)) limit 1")
    small_day=$(date -d "$small_day + 1 day" +%F)
    jstat -gc $herald 100 > "$work/gc-small.log" &
    jstat_pid=$!
    small=$(get "$base/reports/deliveries/export?format=csv&sort=oldest&from=$small_day" | wc -l)
    kill $jstat_pid; wait $jstat_pid 2>/dev/null || true
    peak_small=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$work/gc-small.log")
    echo "RESULT export.small.rows=$((small - 1))"
    old_small=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {if ($8>m) m=$8} END {printf "%.0f", m/1024}' "$work/gc-small.log")
    echo "RESULT export.small.peak_heap_mb=$peak_small"
    echo "RESULT export.small.peak_old_gen_mb=$old_small"
    # Reference: psql \copy of the same rows and columns.
    start=$(date +%s.%N)
    sql -c "\\copy (select d.id, d.created_at, d.campaign_id, c.label, d.campaign_run_id, d.run_id, d.chat_app_id, a.name, d.official_account, o.name, d.status, d.attempts, d.first_attempt_at, d.last_attempt_at, d.http_status, d.action_status, d.msg_time, d.msg_key, d.error_code, d.error_info, d.recall_code, d.recalled_at from delivery d left join chat_app a on a.id = d.chat_app_id left join campaign c on c.id = d.campaign_id left join official_account o on o.chat_app_id = d.chat_app_id and o.account_id = d.official_account where d.created_at >= '$from_day'::timestamp at time zone 'Asia/Shanghai' order by d.created_at, d.id) to '/dev/null' with (format csv, header)"
    copy_seconds=$(echo "$(date +%s.%N) - $start" | bc)
    echo "RESULT export.psql_copy.seconds=$copy_seconds"
    echo "RESULT export.psql_copy.rows_per_second=$(echo "$rows / $copy_seconds" | bc)"
    echo "SUMMARY export: $rows rows as CSV at $(echo "$rows / $seconds" | bc) rows/s (psql \\copy: $(echo "$rows / $copy_seconds" | bc) rows/s); old generation peak $old MB, $old_small MB at a tenth of the rows"
    ;;
  *) echo "unknown scenario $scenario (history, export)"; exit 2 ;;
esac
