#!/usr/bin/env bash
# Callback benchmark (issue 13), self-contained: Herald from this build in demo mode on an embedded
# PostgreSQL in a work folder; an admin adds a Chat app with a known callback token through the app
# form; then BENCH_CALLBACKS signed after-send callbacks (default 5,000), each with its own body, are
# posted by BENCH_CONCURRENCY clients (default 8, keep-alive), followed by forged and replayed ones.
#   accepted: p50/p95 per callback and callbacks per second (every one verified, remembered
#             against replays and handed to the delivery engine)
#   refused:  p50/p95 of forged (wrong token) and replayed callbacks, all of which must be refused
# Usage: bench/callbacks.sh      Prints "RESULT name=value" lines and one SUMMARY line.
set -euo pipefail
cd "$(dirname "$0")/.."
callbacks=${BENCH_CALLBACKS:-5000}
concurrency=${BENCH_CONCURRENCY:-8}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"

# shellcheck source=bench/start-herald.sh
source bench/start-herald.sh 512m

# The admin adds the app through the form, as in a browser.
token="bench-callback-token-$RANDOM"
sdk_app_id=1400$(( RANDOM % 9000 + 1000 ))00
sign_in admin
csrf=$(curl -s -b "$jar_file" "$base/admin/apps/new" | csrf_of)
status=$(curl -s -b "$jar_file" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$csrf" \
  --data-urlencode "name=Bench callbacks" --data-urlencode "sdkAppId=$sdk_app_id" --data-urlencode "endpoint=SIMULATOR" \
  --data-urlencode "adminIdentifier=administrator" --data-urlencode "secretKey=bench-secret" \
  --data-urlencode "rateLimitPerSecond=200" --data-urlencode "messageHistoryDays=7" \
  --data-urlencode "callbackToken=$token" --data-urlencode "version=0" "$base/admin/apps")
[[ "$status" == "302" ]] || { echo "could not create the app: HTTP $status"; exit 1; }

python3 - "$http" "$sdk_app_id" "$token" "$callbacks" "$concurrency" <<'PY'
import hashlib, http.client, json, sys, threading, time

port, app, token, total, clients = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])

def query(command, secret, at):
    sign = hashlib.sha256((secret + str(at)).encode()).hexdigest()
    return (f"/callbacks/tencent?SdkAppid={app}&CallbackCommand={command}&contenttype=json"
            f"&ClientIP=127.0.0.1&OptPlatform=RESTAPI&RequestTime={at}&Sign={sign}")

def body(n):
    return json.dumps({"CallbackCommand": "OfficialAccount.CallbackAfterSendMsg",
                       "Official_Account": "@TOA#_bench_%06d" % n, "MsgKey": "%d_1_%d" % (n, int(time.time())),
                       "MsgTime": int(time.time()), "OnlineOnlyFlag": 0,
                       "MsgBody": [{"MsgType": "TIMTextElem", "MsgContent": {"Text": "bench " + "x" * 400}}],
                       "CloudCustomData": json.dumps({"herald": {"d": 900000000 + n}}), "EventTime": int(time.time() * 1000)})

def run(requests):
    """requests: list of (path, body); returns (latencies, statuses, wall seconds)."""
    latencies, statuses, lock = [], [], threading.Lock()
    chunks = [requests[i::clients] for i in range(clients)]
    def worker(chunk):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        mine = []
        for path, payload in chunk:
            start = time.perf_counter()
            conn.request("POST", path, body=payload, headers={"Content-Type": "application/json"})
            response = conn.getresponse(); response.read()
            mine.append((time.perf_counter() - start, response.status))
        with lock:
            for latency, status in mine:
                latencies.append(latency); statuses.append(status)
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    [t.start() for t in threads]; [t.join() for t in threads]
    return sorted(latencies), statuses, time.perf_counter() - started

def pct(values, p):
    return values[min(len(values) - 1, int(len(values) * p + 0.5) - 1)] * 1000

command = "OfficialAccount.CallbackAfterSendMsg"
run([(query(command, token, int(time.time())), body(n)) for n in range(300)])  # warm-up (JIT)
signed = [(query(command, token, int(time.time())), body(1000 + n)) for n in range(total)]
lat, statuses, wall = run(signed)
print(f"RESULT callbacks.accepted={statuses.count(200)}")
print(f"RESULT callbacks.accepted.p50_ms={pct(lat, 0.5):.1f}")
print(f"RESULT callbacks.accepted.p95_ms={pct(lat, 0.95):.1f}")
print(f"RESULT callbacks.accepted.per_second={total / wall:.0f}")
forged = [(query(command, "not-the-token", int(time.time())), body(1000 + n)) for n in range(total // 5)]
lat_f, statuses_f, _ = run(forged)
print(f"RESULT callbacks.forged.refused={statuses_f.count(401)}/{len(forged)}")
print(f"RESULT callbacks.forged.p95_ms={pct(lat_f, 0.95):.1f}")
replayed = signed[: total // 5]
lat_r, statuses_r, _ = run(replayed)
print(f"RESULT callbacks.replayed.refused={statuses_r.count(409)}/{len(replayed)}")
print(f"RESULT callbacks.replayed.p95_ms={pct(lat_r, 0.95):.1f}")
ok = statuses.count(200) == total and statuses_f.count(401) == len(forged) and statuses_r.count(409) == len(replayed)
print(f"SUMMARY callbacks {'PASS' if ok else 'FAIL'}: {total} signed callbacks at {total / wall:.0f}/s, "
      f"p95 {pct(lat, 0.95):.1f} ms; forged and replayed all refused")
sys.exit(0 if ok else 1)
PY
echo "RESULT callbacks.metric.refused=$(curl -s -b "$jar_file" "$base/actuator/prometheus" | grep '^herald_callbacks_total{.*outcome="refused"' | awk '{s+=$2} END {print s+0}')"
