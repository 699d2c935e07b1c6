#!/usr/bin/env bash
# `./inlet.sh team-demo`: a team of two agents on one machine, all of it throw-away (docs/team.md,
# "The team demo"). A PostgreSQL cluster in a temporary directory (on 127.0.0.1, run as the user
# `postgres` when this runs as root), the sandbox (simulated Instagram with customers),
# inlet-server (bootstrap, two agents ana and ben, the sandbox's business account granted to both,
# its webhook registered with the sandbox), and two Inlet windows in team mode, one per agent,
# each with its own profile. Their passwords are in a throw-away keyring (a private D-Bus session
# with an unlocked gnome-keyring, as `./inlet.sh test` uses), stored where the app's File > Team
# puts them; the user's own keyring is not touched. Closing both windows, or Ctrl+C, stops
# everything and removes the cluster and the profiles.
#
# Usage: tools/team-demo.sh [--check] [BUILD_DIR]
#   --check  the same set-up without windows: two headless replicas (inlet --headless --team,
#            passwords from INLET_TEAM_PASSWORD, no keyring); a customer message must reach both,
#            and a reply queued as ana must be sent once and reach ben's replica as sent by ana.
#            Exit 0 when it did (ctest: team_demo_check).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=windows
if [ "${1:-}" = --check ]; then
  mode=check
  shift
fi
build="$(cd "${1:-$root/build}" && pwd)"
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { log "team-demo: $*"; exit 1; }

# The agents' passwords go into a keyring of our own: re-run inside a private D-Bus session with
# an unlocked, throw-away gnome-keyring (HOME and XDG_RUNTIME_DIR only for that keyring; the X
# display's cookie is kept).
if [ "$mode" = windows ] && [ -z "${INLET_TEAM_DEMO_KEYRING:-}" ]; then
  keyring_home="$(mktemp -d /tmp/inlet-team-keyring-XXXXXX)"
  trap 'rm -rf "$keyring_home"' EXIT
  trap : INT TERM # the inner run cleans up first, then this one
  mkdir -p "$keyring_home/runtime" && chmod 700 "$keyring_home/runtime"
  [ -z "${XAUTHORITY:-}" ] && [ -f "$HOME/.Xauthority" ] && export XAUTHORITY="$HOME/.Xauthority"
  # A Wayland socket is found in XDG_RUNTIME_DIR, which the keyring gets its own of: name it whole.
  if [ -n "${WAYLAND_DISPLAY:-}" ] && [ "${WAYLAND_DISPLAY#/}" = "$WAYLAND_DISPLAY" ]; then
    export WAYLAND_DISPLAY="${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/$WAYLAND_DISPLAY"
  fi
  status=0
  INLET_TEAM_DEMO_KEYRING=1 HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home/runtime" \
    dbus-run-session -- sh -c \
    'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh \
    bash "${BASH_SOURCE[0]}" "$build" || status=$?
  exit "$status"
fi

started_ns=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started_ns) / 1000000 )) ms"; }
server_bin="$build/src/server/inlet-server"
sandbox_bin="$build/src/sandbox/inlet-sandbox"
app_bin="$build/src/app/inlet"
for b in "$server_bin" "$sandbox_bin" "$app_bin"; do
  [ -x "$b" ] || die "$b is not built (./inlet.sh build)"
done
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$pg_bin/initdb" ] || die "PostgreSQL is not installed (./inlet.sh deps installs postgresql-15)"

work="$(mktemp -d /tmp/inlet-team-demo-XXXXXX)"
pids=()
pg_dir=""
as_pg() { "$@"; }
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  log "stopping the team demo"
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: then the cluster is the user postgres's, in a directory of its
# own (the user comes with Debian's postgresql package).
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the user postgres (apt-get install postgresql-15)"
  as_pg() { (cd "$pg_dir" && runuser -u postgres -- "$@"); }
  pg_dir="$(mktemp -d /tmp/inlet-team-pg-XXXXXX)"
  chown postgres: "$pg_dir"
else
  pg_dir="$work/pg"
  mkdir -m 700 "$pg_dir"
fi
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
write_private() { (umask 077 && printf '%s\n' "$2" >"$1"); }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

log "PostgreSQL: a throw-away cluster in $pg_dir"
admin=inlet_demo_admin
admin_password="$(secret)"
write_private "$work/admin-password" "$admin_password"
(umask 077 && printf '%s\n' "$admin_password" >"$pg_dir/pwfile")
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir/pwfile"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$admin" --pwfile="$pg_dir/pwfile" -A scram-sha-256 \
  --no-sync --locale=C.UTF-8 -E UTF8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; die "initdb failed"; }
rm -f "$pg_dir/pwfile"
pg_port="$(free_port)"
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories='$pg_dir' -c fsync=off" \
  start >/dev/null || { cat "$pg_dir/postgres.log"; die "PostgreSQL did not start"; }
log "PostgreSQL listens on 127.0.0.1:$pg_port ($(elapsed))"

# The first line a child prints on stdout (its URL), within 30 s.
first_line() { # file pid
  for _ in $(seq 1 300); do
    [ -s "$1" ] && { head -n 1 "$1"; return 0; }
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

log "the sandbox"
# Its simulator off: the demo's customers write text only (a replica does not carry attachments yet).
"$sandbox_bin" --port 0 --rate 0 >"$work/sandbox.out" 2>"$work/sandbox.log" &
pids+=($!)
sandbox="$(first_line "$work/sandbox.out" "${pids[-1]}")" || { cat "$work/sandbox.log"; die "the sandbox did not start"; }
json_field() { sed -n "s/.*\"$1\" *: *\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n 1; }
app_json="$(curl -sf "$sandbox/__sandbox/app")"
business="$(json_field business_id <<<"$app_json")"
meta_app_id="$(json_field meta_app_id <<<"$app_json")"
meta_app_secret="$(json_field meta_app_secret <<<"$app_json")"
token="$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"long_lived":true}' \
  "$sandbox/__sandbox/tokens" | json_field access_token)"
[ -n "$business" ] && [ -n "$token" ] || die "the sandbox gave no business id or token"
username="$(curl -sf "$sandbox/me?fields=username&access_token=$token" | json_field username)"

log "inlet-server: bootstrap, agents, the account"
creds="$work/credentials"
mkdir -m 700 "$creds"
write_private "$creds/db-password" "$(secret)"
write_private "$creds/meta-app-secret" "$meta_app_secret"
write_private "$creds/webhook-verify-token" "$(secret)"
server_args=(--db-port "$pg_port" --db-name inlet --credentials-dir "$creds")
server() { "$server_bin" "${server_args[@]}" "$@"; }
"$server_bin" --db-port "$pg_port" --db-name inlet --db-user "$admin" \
  --db-password-file "$work/admin-password" bootstrap <"$creds/db-password" >/dev/null
server account add "$business" "$username" <<<"$token" >/dev/null
declare -A agent_password
for agent in ana ben; do
  agent_password[$agent]="$(secret)"
done
server agent add ana "Ana" <<<"${agent_password[ana]}" >/dev/null
server agent add ben "Ben" <<<"${agent_password[ben]}" >/dev/null
server agent grant ana "$business" >/dev/null
server agent grant ben "$business" >/dev/null
"$server_bin" "${server_args[@]}" --port 0 --graph-base "$sandbox" --poll-ms 500 \
  >"$work/server.out" 2>"$work/server.log" &
pids+=($!)
webhook="$(first_line "$work/server.out" "${pids[-1]}" | sed 's/^webhook: //')" \
  || { cat "$work/server.log"; die "inlet-server did not start"; }

# Like on Meta: the app's callback (the sandbox checks it with the verify token), then the account
# installs the app. From then on customer messages reach inlet-server.
fields=messages,message_reactions,messaging_seen,message_edit
curl -sf -X POST "$sandbox/$meta_app_id/subscriptions" -d object=instagram \
  --data-urlencode "callback_url=$webhook" -d "fields=$fields" \
  --data-urlencode "verify_token=$(cat "$creds/webhook-verify-token")" \
  --data-urlencode "access_token=$meta_app_id|$meta_app_secret" >/dev/null \
  || die "the sandbox did not accept inlet-server's webhook"
curl -sf -X POST "$sandbox/me/subscribed_apps?subscribed_fields=$fields&access_token=$token" >/dev/null \
  || die "the account could not subscribe"
log "inlet-server: $webhook ($(elapsed))"

# Each agent's profile: its own data directory and XDG directories, team mode in its inlet.ini
# (the keys File > Team writes), its password in the keyring under the key File > Team uses
# (TokenVault: service "inlet", key team/ROLE@HOST:PORT/DATABASE; QtKeychain's libsecret schema).
profile() { echo "$work/profile-$1"; }
for agent in ana ben; do
  dir="$(profile "$agent")"
  mkdir -p -m 700 "$dir/data" "$dir/config" "$dir/cache" "$dir/share"
  (umask 077 && cat >"$dir/data/inlet.ini" <<EOF
[team]
host=127.0.0.1
port=$pg_port
database=inlet
role=$agent
sslMode=disable
EOF
  )
  [ "$mode" = check ] && continue
  printf '%s' "${agent_password[$agent]}" | secret-tool store --label="Inlet team $agent" \
    user "team/$agent@127.0.0.1:$pg_port/inlet" server inlet type plaintext \
    || die "cannot store $agent's password in the keyring"
done

customer_says() { # N text: the Nth customer of the sandbox's conversations writes text
  local customer
  customer="$(curl -sf "$sandbox/me/conversations?platform=instagram&fields=participants&access_token=$token" \
    | grep -o '"id" *: *"[0-9]*"' | sed 's/.*"\([0-9]*\)"/\1/' | grep -vx "$business" | sed -n "$1p")"
  [ -n "$customer" ] || die "the sandbox has no customer"
  curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"kind\":\"text\",\"customer\":\"$customer\",\"text\":\"$2\"}" "$sandbox/__sandbox/events" >/dev/null
}

if [ "$mode" = check ]; then
  # Two headless replicas (the windows' core without windows), then the message, then a reply.
  for agent in ana ben; do
    dir="$(profile "$agent")"
    INLET_TEAM_PASSWORD="${agent_password[$agent]}" "$app_bin" --headless --data-dir "$dir/data" \
      --team "postgresql://$agent@127.0.0.1:$pg_port/inlet?sslmode=disable" >"$dir/out" 2>"$dir/log" &
    pids+=($!)
  done
  count() { # agent sql
    sqlite3 -readonly "$(profile "$1")/data/inlet.sqlite" "$2" 2>/dev/null || echo 0
  }
  wait_for() { # what agent sql
    for _ in $(seq 1 300); do
      [ "$(count "$2" "$3")" -ge 1 ] && { log "ok: $1 ($(elapsed))"; return 0; }
      sleep 0.1
    done
    log "FAIL: $1"
    tail -n 20 "$(profile "$2")/log" "$work/server.log" >&2
    return 1
  }
  text="Hello team, do you ship to Vienna? $(secret)"
  customer_says 1 "$text"
  wait_for "the customer's message is in ana's replica" ana "SELECT count(*) FROM messages WHERE text = '$text'"
  wait_for "the customer's message is in ben's replica" ben "SELECT count(*) FROM messages WHERE text = '$text'"
  # Ana's reply as her desktop hands it over (TeamReplyHandOff): inlet.enqueue as her role.
  reply="Yes, we do! ($(secret))"
  PGPASSWORD="${agent_password[ana]}" "$pg_bin/psql" -qAt -h 127.0.0.1 -p "$pg_port" -U ana -d inlet \
    -v ON_ERROR_STOP=1 -c "SELECT inlet.enqueue(gen_random_uuid(), a.ig_user_id, k.igsid, 'text',
        jsonb_build_object('text', '$reply'))
      FROM inlet.conversations c JOIN inlet.messages m ON m.conversation_id = c.id
      JOIN inlet.accounts a ON a.id = c.account_id JOIN inlet.contacts k ON k.id = c.contact_id
      WHERE m.text = '$text'" >/dev/null
  wait_for "ana's reply is in ben's replica, sent by ana" ben \
    "SELECT count(*) FROM messages WHERE text = '$reply' AND outgoing = 1 AND json_extract(meta_json, '$.sent_by') = 'ana'"
  wait_for "the sandbox received the reply" ana "SELECT count(*) FROM messages WHERE text = '$reply'"
  sent="$(curl -sf "$sandbox/__sandbox/sent" | grep -o "$reply" | wc -l)"
  [ "$sent" -eq 1 ] || die "the sandbox received the reply $sent times"
  log "team demo check passed in $(elapsed)"
  exit 0
fi

log "two windows: ana and ben"
for agent in ana ben; do
  dir="$(profile "$agent")"
  XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/share" \
    "$app_bin" --data-dir "$dir/data" >"$dir/out" 2>"$dir/log" &
  pids+=($!)
done
window_pids=("${pids[-2]}" "${pids[-1]}")
log "windows started ($(elapsed)); a customer writes in a few seconds"
(
  sleep 6 && customer_says 1 "Hi! Do you ship to Vienna?"
  sleep 40 && customer_says 2 "Is the oat milk latte vegan?"
  sleep 60 && customer_says 3 "Are you open on Sunday?"
) &
pids+=($!)
log "answer in one window and watch the other; close both windows (or Ctrl+C) to stop"
for pid in "${window_pids[@]}"; do wait "$pid" || true; done
