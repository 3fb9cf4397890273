#!/usr/bin/env bash
# Audience benchmark (issue 12), self-contained: Herald from this build in demo mode on an embedded
# PostgreSQL in a work folder, BENCH_ACCOUNTS official accounts (default 50,000) with tags in the Demo
# app, and one approved draft. Then, through HTTP as an operator in a browser would:
#   the campaign form's HTML size and p50/p95 render time (goals: <= 200 KB, p95 <= 300 ms)
#   the account list's p95 for a search and for a tag filter (goal <= 100 ms)
#   the time to save a campaign to "all accounts of the app" (goal <= 1 s)
#   the time for a send-now campaign to "all accounts" to be materialised into delivery rows
#   the time to import the same number of accounts from a GB18030 CSV through the import page, and
#   the refusal (with line numbers) of that file read as UTF-8
# Usage: bench/audiences.sh      Prints "RESULT name=value" lines and one SUMMARY line.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${BENCH_ACCOUNTS:-50000}
requests=${BENCH_REQUESTS:-60}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"

# shellcheck source=bench/start-herald.sh
source bench/start-herald.sh 512m
for _ in $(seq 1 60); do
  app=$(sql -c "select id from chat_app where name = 'Demo'")
  [[ -n "$app" ]] && break
  sleep 0.5
done

# Accounts with tags (five regions, every other one a store), and an approved draft to send.
have=$(sql -c "select count(*) from official_account where chat_app_id = $app and account_id like '@TOA#\\_bench\\_%'")
if (( have < accounts )); then
  start=$(date +%s.%N)
  sql <<SQL
insert into official_account (chat_app_id, account_id, name, subscriber_count, test_account, created_at, updated_at, tags)
select $app, '@TOA#_bench_' || lpad(n::text, 6, '0'), 'Bench store ' || n, n % 5000, false, now(), now(),
       array['region:' || (array['apac','emea','amer','latam','mea'])[1 + n % 5]]
         || case when n % 2 = 0 then array['store'] else array[]::text[] end
from generate_series(1, $accounts) n
on conflict (chat_app_id, account_id) do nothing;
insert into draft (title, status, author, last_editor, current_version, created_at, updated_at)
values ('Bench audience', 'APPROVED', 'operator', 'operator', 1, now(), now());
insert into draft_version (draft_id, number, author, created_at, content_json, content_hash)
select max(id), 1, 'operator', now(), '{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Bench audience"}}]}',
       encode(sha256('{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Bench audience"}}]}'::bytea), 'hex')
from draft;
insert into draft_review (draft_id, version_id, decision, reviewer, content_hash, decided_at)
select v.draft_id, v.id, 'APPROVED', 'editor', v.content_hash, now() from draft_version v order by v.id desc limit 1;
SQL
  echo "RESULT generate.seconds=$(echo "$(date +%s.%N) - $start" | bc)"
fi
echo "RESULT accounts=$(sql -c "select count(*) from official_account where chat_app_id = $app")"
version=$(sql -c "select v.id from draft_version v join draft d on d.id = v.draft_id where d.title = 'Bench audience' order by v.id desc limit 1")

# Sign in as the demo operator.
sign_in operator
get() { curl -s -b "$jar_file" -c "$jar_file" "$@"; }
measure() { # name url
  for _ in $(seq 1 20); do get -o /dev/null "$base$2"; done  # warm up (JIT)
  read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do get -o /dev/null -w '%{time_total}\n' "$base$2"; done | percentiles)
  echo "RESULT $1.p50_ms=$p50"
  echo "RESULT $1.p95_ms=$p95"
}

form="/campaigns/new?app=$app"
echo "RESULT campaign_form.bytes=$(get "$base$form" | wc -c)"
measure campaign_form "$form"
measure accounts.search "/accounts?app=$app&q=store+4711"
measure accounts.tag "/accounts?app=$app&tag=region:apac"
measure accounts.tag_and_search "/accounts?app=$app&tag=store&q=99"
measure campaign_form.account_search "/campaigns/audience/accounts?app=$app&q=bench_0471"

# The live count under the audience choices (htmx POST): every account, a tag and a dynamic filter.
count_page=$(get "$base$form")
count_csrf=$(csrf_of <<< "$count_page")
count() { get -o /dev/null -w '%{time_total}\n' -H 'HX-Request: true' --data-urlencode "_csrf=$count_csrf" \
  --data-urlencode "chatAppId=$app" --data-urlencode "allAccounts=true" --data-urlencode "tags=store, region:apac" \
  "$base/campaigns/audience/count"; }
for _ in $(seq 1 20); do count > /dev/null; done
read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do count; done | percentiles)
echo "RESULT audience_count.p50_ms=$p50"
echo "RESULT audience_count.p95_ms=$p95"

# A campaign to every account of the app, a week ahead: the save is one request.
post_campaign() { # label kind [extra curl args]
  local page csrf token
  page=$(get "$base$form")
  csrf=$(csrf_of <<< "$page")
  token=$(grep -o 'name="submissionToken" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//;s/"$//')
  get -o /dev/null -w '%{http_code} %{time_total}\n' --data-urlencode "_csrf=$csrf" \
    --data-urlencode "submissionToken=$token" --data-urlencode "label=$1" --data-urlencode "chatAppId=$app" \
    --data-urlencode "versionId=$version" --data-urlencode "allAccounts=true" --data-urlencode "kind=$2" \
    --data-urlencode "zone=UTC" --data-urlencode "lateMinutes=15" "${@:3}" "$base/campaigns"
}
once_at=$(date -u -d '+7 days' +%Y-%m-%dT%H:%M)
read -r code seconds < <(post_campaign "Bench all accounts $(date +%s)" ONCE --data-urlencode "onceAt=$once_at")
[[ "$code" == "302" ]] || { echo "save answered $code"; tail -20 "$work/herald.log"; exit 1; }
saved_ms=$(echo "$seconds * 1000" | bc)
echo "RESULT campaign_save_all.ms=$saved_ms"
echo "RESULT campaign_save_all.targets=$(sql -c "select target_count from campaign order by id desc limit 1")"

# Send now to every account: from the POST until every delivery row exists (Quartz fires, the run
# resolves its sources and inserts the rows in one transaction). The run is cancelled afterwards:
# sending 50,000 broadcasts at 200/s is the engine benchmark's job.
start=$(date +%s.%N)
read -r code _ < <(post_campaign "Bench send now $(date +%s)" NOW)
[[ "$code" == "302" ]] || { echo "send now answered $code"; exit 1; }
campaign=$(sql -c "select id from campaign order by id desc limit 1")
rows=0
for _ in $(seq 1 600); do
  rows=$(sql -c "select coalesce(max(target_count), 0) from campaign_run where campaign_id = $campaign and delivery_run_id is not null")
  (( rows > 0 )) && break
  sleep 0.05
done
materialised=$(echo "$(date +%s.%N) - $start" | bc)
echo "RESULT materialise_all.rows=$(sql -c "select count(*) from delivery where campaign_id = $campaign")"
echo "RESULT materialise_all.seconds_from_post=$materialised"
csrf=$(get "$base/campaigns/$campaign" | csrf_of)
get -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "confirmed=true" "$base/campaigns/$campaign/cancel"

# A CSV saved by Excel on Chinese Windows (GB18030/GBK): 50,000 lines through the import page.
python3 - "$work/gbk.csv" "$accounts" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="gb18030", newline="\r\n") as f:
    f.write("account_id,name,subscriber_count,test,tags\n")
    for n in range(1, int(sys.argv[2]) + 1):
        f.write(f"@TOA#_gbk_{n:06d},新闻门店 {n},{n % 900},false,region:apac;新闻\n")
PY
csrf=$(get "$base/accounts/import" | csrf_of)
start=$(date +%s.%N)
code=$(get -o /dev/null -w '%{http_code}' -F "_csrf=$csrf" -F "app=$app" -F "encoding=GB18030" \
  -F "file=@$work/gbk.csv;type=text/csv" "$base/accounts/import")
imported=$(echo "$(date +%s.%N) - $start" | bc)
[[ "$code" == "302" ]] || { echo "GB18030 import answered $code"; exit 1; }
echo "RESULT import_gb18030.lines=$accounts"
echo "RESULT import_gb18030.bytes=$(stat -c %s "$work/gbk.csv")"
echo "RESULT import_gb18030.seconds=$imported"
echo "RESULT import_gb18030.names_intact=$(sql -c "select count(*) from official_account where chat_app_id = $app and account_id like '@TOA#\\_gbk\\_%' and name like '新闻门店 %' and '新闻' = any(tags)")"
# The same file read as UTF-8 is refused with line numbers, and nothing changes.
csrf=$(get "$base/accounts/import" | csrf_of)
start=$(date +%s.%N)
refused=$(get -F "_csrf=$csrf" -F "app=$app" -F "encoding=UTF_8" -F "file=@$work/gbk.csv;type=text/csv" \
  "$base/accounts/import" | grep -c 'Line 2:' || true)
echo "RESULT import_as_utf8.refused_names_line_2=$refused"
echo "RESULT import_as_utf8.seconds=$(echo "$(date +%s.%N) - $start" | bc)"

echo "SUMMARY audiences: $(sql -c "select count(*) from official_account where chat_app_id = $app") accounts; campaign form $(get "$base$form" | wc -c) bytes; save to all accounts ${saved_ms} ms; $rows deliveries materialised ${materialised} s after the send-now POST"
