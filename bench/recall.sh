#!/usr/bin/env bash
# Recall through the pages at size (issue 14): Herald from this build in demo mode, its built-in simulator
# as Tencent. The demo operator imports BENCH_RECALL_ACCOUNTS accounts (CSV, through the import page), sends
# them one campaign now and, once it is sent, presses "Recall sent messages" (the question naming the count)
# and its "yes" twice at the same moment (a double-click). Prints the send time, the campaign and run pages'
# p50/p95 with every delivery sent, the question's time, both recall POSTs' times, the progress fragment's p50/p95 while the recall runs, how long the recall took,
# how many recalls were started (1 expected) and how many messages Tencent recalled.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${BENCH_RECALL_ACCOUNTS:-2000}
requests=${BENCH_REQUESTS:-60}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"

source bench/start-herald.sh 512m
for _ in $(seq 1 60); do
  app=$(sql -c "select id from chat_app where name = 'Demo'")
  [[ -n "$app" ]] && break
  sleep 0.5
done

sign_in operator
get() { curl -s -b "$jar_file" -c "$jar_file" "$@"; }
measure() { # name url
  for _ in $(seq 1 20); do get -o /dev/null "$base$2"; done
  read -r p50 p95 < <(for _ in $(seq 1 "$requests"); do get -o /dev/null -w '%{time_total}\n' "$base$2"; done | percentiles)
  echo "RESULT $1.p50_ms=$p50"
  echo "RESULT $1.p95_ms=$p95"
}

# Accounts through the import page, so the simulator knows them as Tencent would.
python3 - "$work/recall.csv" "$accounts" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("account_id,name,subscriber_count,test,tags\n")
    for n in range(1, int(sys.argv[2]) + 1):
        f.write(f"@TOA#_recall_{n:06d},Recall store {n},{n % 900},false,recallbench\n")
PY
csrf=$(get "$base/accounts/import" | csrf_of)
code=$(get -o /dev/null -w '%{http_code}' -F "_csrf=$csrf" -F "app=$app" -F "file=@$work/recall.csv;type=text/csv" \
  "$base/accounts/import")
[[ "$code" == "302" ]] || { echo "import answered $code"; exit 1; }
sql <<'SQL'
insert into draft (title, status, author, last_editor, current_version, created_at, updated_at)
values ('Bench recall', 'APPROVED', 'operator', 'operator', 1, now(), now());
insert into draft_version (draft_id, number, author, created_at, content_json, content_hash)
select max(id), 1, 'operator', now(), '{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Bench recall"}}]}',
       encode(sha256('{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Bench recall"}}]}'::bytea), 'hex')
from draft;
insert into draft_review (draft_id, version_id, decision, reviewer, content_hash, decided_at)
select v.draft_id, v.id, 'APPROVED', 'editor', v.content_hash, now() from draft_version v order by v.id desc limit 1;
SQL
version=$(sql -c "select v.id from draft_version v join draft d on d.id = v.draft_id where d.title = 'Bench recall' order by v.id desc limit 1")

form="/campaigns/new?app=$app"
page=$(get "$base$form")
start=$(date +%s.%N)
code=$(get -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(csrf_of <<< "$page")" \
  --data-urlencode "submissionToken=$(grep -o 'name="submissionToken" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//;s/"$//')" \
  --data-urlencode "label=Bench recall $(date +%s)" --data-urlencode "chatAppId=$app" --data-urlencode "versionId=$version" \
  --data-urlencode "tags=recallbench" --data-urlencode "kind=NOW" --data-urlencode "zone=UTC" \
  --data-urlencode "lateMinutes=15" "$base/campaigns")
[[ "$code" == "302" ]] || { echo "send now answered $code"; exit 1; }
campaign=$(sql -c "select id from campaign order by id desc limit 1")
for _ in $(seq 1 1200); do
  [[ "$(sql -c "select count(*) from campaign_run where campaign_id = $campaign and finished_at is not null")" == 1 ]] && break
  sleep 0.1
done
echo "RESULT send.deliveries=$(sql -c "select count(*) from delivery where campaign_id = $campaign and status = 'SENT'")"
echo "RESULT send.seconds=$(echo "$(date +%s.%N) - $start" | bc)"
run=$(sql -c "select delivery_run_id from campaign_run where campaign_id = $campaign")
measure campaign_page "/campaigns/$campaign"
measure run_page "/runs/$run"

# The question first (a press without the confirmation answers it, naming the count), then the
# double-click on its "yes": two confirmed POSTs at the same moment.
csrf=$(get "$base/campaigns/$campaign" | csrf_of)
read -r code seconds < <(get -o "$work/question" -w '%{http_code} %{time_total}\n' --data-urlencode "_csrf=$csrf" \
  "$base/campaigns/$campaign/recall")
[[ "$code" == "200" ]] && grep -q 'name="confirmed"' "$work/question" || { echo "recall question answered $code"; exit 1; }
echo "RESULT recall.question.ms=$(echo "$seconds * 1000" | bc)"
start=$(date +%s.%N)
presses=()
for i in 1 2; do
  get -o /dev/null -w '%{http_code} %{time_total}\n' --data-urlencode "_csrf=$csrf" --data-urlencode "confirmed=true" \
    "$base/campaigns/$campaign/recall" > "$work/press$i" &
  presses+=($!)
done
wait "${presses[@]}"
for i in 1 2; do
  read -r code seconds < "$work/press$i"
  [[ "$code" == "302" ]] || { echo "recall press $i answered $code"; exit 1; }
  echo "RESULT recall.press$i.ms=$(echo "$seconds * 1000" | bc)"
done
recall=$(sql -c "select max(id) from recall where campaign_id = $campaign")
: > "$work/progress"
for _ in $(seq 1 3000); do
  get -o "$work/fragment" -w '%{time_total}\n' -H 'HX-Request: true' "$base/recalls/$recall/progress" >> "$work/progress"
  grep -q 'hx-trigger' "$work/fragment" || break
  sleep 0.2
done
echo "RESULT recall.seconds=$(echo "$(date +%s.%N) - $start" | bc)"
read -r p50 p95 < <(percentiles < "$work/progress")
echo "RESULT recall.progress_polls=$(wc -l < "$work/progress")"
echo "RESULT recall.progress_fragment.p50_ms=$p50"
echo "RESULT recall.progress_fragment.p95_ms=$p95"
echo "RESULT recall.started=$(sql -c "select count(*) from recall where campaign_id = $campaign") (1 expected)"
echo "RESULT recall.recalled=$(sql -c "select recalled || ' of ' || total || ', ' || calls || ' calls' from recall where id = $recall")"
echo "RESULT recall.deliveries_recalled=$(sql -c "select count(*) from delivery where campaign_id = $campaign and status = 'RECALLED'")"
echo "SUMMARY recall: $accounts accounts sent and recalled through the pages; $(sql -c "select recalled || ' of ' || total from recall where id = $recall") recalled; $(sql -c "select count(*) from recall where campaign_id = $campaign") recall started for two presses at once"
