#!/usr/bin/env bash
# A customer message through the INSTALLED programs: /usr/bin/inlet-sandbox, then
# /usr/bin/inlet --headless on a fresh data dir, signed in to the sandbox; a message injected through
# the sandbox's control API (/__sandbox/events) must land in the data dir's SQLite database.
# Run by check-deb.sh inside a throw-away D-Bus session with an unlocked gnome-keyring.
# Usage: flow-installed.sh DATA_DIR WORK_DIR
set -euo pipefail
data="$1"
work="$2"
sandbox_pid=
inlet_pid=
cleanup() {
  [ -n "$inlet_pid" ] && kill "$inlet_pid" 2>/dev/null || true
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
}
trap cleanup EXIT
fail() {
  echo "flow: FAIL: $*" >&2
  for f in "$work"/sandbox.err "$work"/inlet.err; do
    [ -s "$f" ] && { echo "--- last lines of $f" >&2; tail -n 20 "$f" >&2; }
  done
  exit 1
}
# wait_for SECONDS COMMAND...: retries every 0.2 s.
wait_for() {
  local deadline=$(( $(date +%s) + $1 ))
  shift
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
first_line() { [ -s "$1" ] && head -n1 "$1" | grep -q "$2"; }

# Seeded demo world, simulator off: the only new message is ours.
/usr/bin/inlet-sandbox --port 0 --rate 0 --customers 3 --seed 7 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
wait_for 15 first_line "$work/sandbox.out" '^http://127\.0\.0\.1:[0-9]*$' || fail "the sandbox printed no base URL"
base="$(head -n1 "$work/sandbox.out")"
echo "flow: sandbox at $base (pid $sandbox_pid)"

QT_LOGGING_RULES='inlet.*.debug=false' /usr/bin/inlet --headless --data-dir "$data" --sandbox "$base" \
  >"$work/inlet.out" 2>"$work/inlet.err" &
inlet_pid=$!
wait_for 30 grep -q '^webhook: http://127\.0\.0\.1:[0-9]*/webhook/instagram$' "$work/inlet.out" \
  || fail "inlet --headless printed no webhook URL"
webhook="$(sed -n 's/^webhook: //p' "$work/inlet.out")"
echo "flow: inlet --headless listening at $webhook (pid $inlet_pid)"

# Signed in and subscribed through the real endpoints: the sandbox knows the callback.
subscribed() { curl -sf "$base/__sandbox/state" | grep -q "\"callback_url\":\"$webhook\""; }
wait_for 30 subscribed || fail "the webhook was never subscribed"

# A customer of the demo world: a participant of a conversation that is not the business.
business="$(curl -sf "$base/__sandbox/app" | sed -n 's/.*"business_id":"\([0-9]*\)".*/\1/p')"
token="$(curl -sf -X POST "$base/__sandbox/tokens" -d '{"long_lived":true}' \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
customer="$(curl -sf -H "Authorization: Bearer $token" \
  "$base/me/conversations?platform=instagram&fields=participants&limit=1" \
  | grep -o '"id":"[0-9]*"' | grep -o '[0-9]*' | grep -vx "$business" | head -n1)"
[ -n "$customer" ] || fail "no customer found in the sandbox"

db="$data/inlet.sqlite"
stored() {
  [ -f "$db" ] && [ "$(sqlite3 -readonly "$db" \
    "SELECT count(*) FROM messages WHERE mid = '$mid' AND text = '$text' AND outgoing = 0")" = 1 ]
}
# One message signed with the Meta app's secret (the sandbox's default), one with the Instagram
# App Secret: inlet accepts either (it read both pairs from /__sandbox/app).
for signing in meta instagram; do
  curl -sf -X POST "$base/__sandbox/webhooks/signing" -d "{\"secret\":\"$signing\"}" >/dev/null \
    || fail "switching the signing secret to $signing failed"
  text="Packaging check $$ $(date +%s) ($signing)"
  answer="$(curl -sf -X POST "$base/__sandbox/events" \
    -d "{\"kind\":\"text\",\"customer\":\"$customer\",\"text\":\"$text\"}")" || fail "injecting the event failed"
  mid="$(echo "$answer" | sed -n 's/.*"mid":"\([^"]*\)".*/\1/p')"
  [ -n "$mid" ] || fail "the sandbox returned no mid: $answer"
  echo "flow: customer $customer wrote \"$text\" ($mid)"
  wait_for 30 stored || fail "the message signed with the $signing secret never reached $db"
  echo "flow: the message is in $db"
done

kill -TERM "$inlet_pid"
status=0
wait "$inlet_pid" || status=$?
inlet_pid=
[ "$status" -eq 0 ] || fail "inlet --headless exited with $status on SIGTERM"
kill -TERM "$sandbox_pid"
status=0
wait "$sandbox_pid" || status=$?
sandbox_pid=
[ "$status" -eq 0 ] || fail "inlet-sandbox exited with $status on SIGTERM"
echo "flow: both stopped cleanly on SIGTERM"
