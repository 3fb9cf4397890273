#!/usr/bin/env bash
# Lighthouse on three pages (issue 16): Herald from this build in demo mode, signed in as the demo
# operator; Lighthouse (npm, installed into the bench's temp folder) drives Debian's Chromium with the
# desktop preset on the dashboard, the composer (a new draft) and the send history. Prints
# "RESULT lighthouse.<page>.<category>=<score>" (0-100) for performance, accessibility and
# best-practices; the JSON reports stay in $work when BENCH_WORK names a folder.
# BENCH_LIGHTHOUSE_VERSION picks another Lighthouse; HERALD_CHROMIUM another Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${BENCH_LIGHTHOUSE_VERSION:-12.8.2}
chromium=${HERALD_CHROMIUM:-/usr/bin/chromium}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"
command -v npm > /dev/null || { echo "lighthouse needs npm (Debian: apt-get install nodejs npm)"; exit 1; }
[[ -x "$chromium" ]] || { echo "lighthouse needs Chromium at $chromium (Debian: apt-get install chromium)"; exit 1; }

# Lighthouse must never fetch a browser of its own: it gets Debian's through CHROME_PATH.
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1
npm install --silent --no-audit --no-fund --prefix "$work/lighthouse" "lighthouse@$version" > /dev/null
lighthouse="$work/lighthouse/node_modules/.bin/lighthouse"

source bench/start-herald.sh 512m
# Demo mode creates its users just after start: sign in until the dashboard opens.
dashboard_opens() { [[ "$(curl -s -b "$jar_file" "$base/")" == *'id="dashboard-title"'* ]]; }
for _ in $(seq 1 60); do
  sign_in operator
  dashboard_opens && break
  sleep 1
done
dashboard_opens || { echo "signing in as the demo operator failed"; exit 1; }
session=$(awk '$6 == "SESSION" {print $7}' "$jar_file")

audit() { # name path
  CHROME_PATH="$chromium" "$lighthouse" "$base$2" --quiet --preset=desktop \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" \
    --extra-headers="{\"Cookie\":\"SESSION=$session\"}" \
    --output=json --output-path="$work/lighthouse-$1.json" > "$work/lighthouse-$1.log" 2>&1 \
    || { tail -20 "$work/lighthouse-$1.log"; exit 1; }
  node -e '
    const report = require(process.argv[1]);
    if (report.finalDisplayedUrl && report.finalDisplayedUrl.includes("/login")) {
      console.error("Lighthouse landed on the sign-in page"); process.exit(1);
    }
    for (const id of ["performance", "accessibility", "best-practices"]) {
      console.log(`RESULT lighthouse.${process.argv[2]}.${id}=${Math.round(report.categories[id].score * 100)}`);
    }' "$work/lighthouse-$1.json" "$1" | tee -a "$work/lighthouse-results"
}
: > "$work/lighthouse-results"
audit dashboard /
audit composer /drafts/new
audit history /reports/deliveries
score() { grep -m1 "^RESULT lighthouse.$1=" "$work/lighthouse-results" | cut -d= -f2; }
summary=""
for page in dashboard composer history; do
  summary+=" $page $(score "$page.performance")/$(score "$page.accessibility")/$(score "$page.best-practices");"
done
echo "SUMMARY lighthouse (performance/accessibility/best practices, desktop):${summary%;}"
