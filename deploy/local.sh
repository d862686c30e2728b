#!/bin/sh
# Several replicas of the workbook behind Debian's nginx, on this machine's loopback only.
#
#   deploy/local.sh up [--replicas N] [--port PORT] [--rooms-url URL]
#       starts a private PostgreSQL for the workshop rooms (scripts/pg-test-server.sh; or uses
#       --rooms-url), N `streamlit run app.py` replicas on 127.0.0.1:PORT+1..PORT+N, and nginx on
#       127.0.0.1:PORT with sticky sessions (deploy/nginx.conf). Defaults: 2 replicas, port 8600.
#       Running it again while everything is up changes nothing; leftovers of an earlier run that
#       died are stopped first (and with other settings, everything is started anew).
#   deploy/local.sh down      stops everything `up` started and deletes the private database
#   deploy/local.sh status    says what is running (exit status 0 only when all of it is)
#   deploy/local.sh reload    renders deploy/nginx.conf again and reloads nginx (no one is dropped)
#
# State lives in deploy/.run/ (or $WORKBOOK_DEPLOY_RUN): nginx.conf, url, replicas ("pid port"
# lines), logs/. The app runs with $PYTHON (default .venv/bin/python: `make run` creates it);
# nginx is $NGINX (default /usr/sbin/nginx), its template $NGINX_TEMPLATE (deploy/nginx.conf).
# Exit status: 0 done; 3 a system package is missing (`make system-deps` installs nginx and
# postgresql); anything else a failure, with the reason on stderr.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
RUN=${WORKBOOK_DEPLOY_RUN:-$HERE/.run}
PYTHON=${PYTHON:-$REPO/.venv/bin/python}
NGINX=${NGINX:-/usr/sbin/nginx}
TEMPLATE=${NGINX_TEMPLATE:-$HERE/nginx.conf}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-90}
# nginx never needs root here (its port is above 1024): when we are root it runs as this user.
NGINX_USER=${NGINX_USER:-nobody}

die() { echo "deploy/local.sh: $*" >&2; exit 1; }
missing() { echo "deploy/local.sh: $*" >&2; exit 3; }
say() { echo "$*"; }

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --------------------------------------------------------------------------- helpers

# A process that has exited but not been reaped (a zombie: our daemons' parent may be an init
# that does not reap) counts as gone.
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]
}

# Whether pid $1 is still the process we started (not a reused pid): its command line holds $2.
is_ours() {
  alive "$1" || return 1
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

healthy() {
  "$PYTHON" - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        sys.exit(0 if r.read().strip() == b"ok" else 1)
except OSError:
    sys.exit(1)
EOF
}

port_free() {
  "$PYTHON" - "$1" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as streamlit and nginx bind
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

# Stop pid $1 (if it is still ours, see is_ours $2): TERM, then KILL after 10 s.
stop_pid() {
  is_ours "$1" "$2" || return 0
  kill -TERM "$1" 2>/dev/null || return 0
  k=0
  while alive "$1" && [ $k -lt 100 ]; do sleep 0.1; k=$((k + 1)); done
  if alive "$1"; then kill -KILL "$1" 2>/dev/null || true; fi
}

# nginx runs unprivileged: as ourselves, or as $NGINX_USER when we are root.
as_nginx() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$NGINX_USER" -- "$@"; else "$@"; fi
}

# Fill in deploy/nginx.conf for nginx on 127.0.0.1:$1 and the replicas in $RUN/replicas, write it
# to $RUN/nginx.conf and have nginx check it.
render_nginx() {
  "$PYTHON" - "$TEMPLATE" "$RUN/nginx.conf" "$RUN/nginx" "127.0.0.1:$1" "$RUN/replicas" <<'EOF' || die "could not render $RUN/nginx.conf from $TEMPLATE"
import re, sys
template, target, nginx_dir, listen, replicas = sys.argv[1:]
ports = [line.split()[1] for line in open(replicas) if line.strip()]
text = open(template).read()
values = {
    "@NGINX_DIR@": nginx_dir,
    "@LISTEN@": listen,
    "@SERVERS@": "\n".join(f"        server 127.0.0.1:{p};" for p in ports),
    "@REPLICA_MAP@": "\n".join(f"        127.0.0.1:{p} {n};" for n, p in enumerate(ports, 1)),
    "@POOL_MAP@": "\n".join(f'        "{n}" workbook_{n};' for n in range(1, len(ports) + 1)),
    "@REPLICA_UPSTREAMS@": "\n".join(
        f"    upstream workbook_{n} {{\n"
        f"        server 127.0.0.1:{p};\n"
        + "".join(f"        server 127.0.0.1:{q} backup;\n" for q in ports if q != p)
        + "    }"
        for n, p in enumerate(ports, 1)
    ),
}
for name, value in values.items():
    text = text.replace(name, value)
left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
if left:
    sys.exit(f"unfilled placeholders in the nginx template: {left}")
open(target, "w").write(text)
EOF
  chmod 644 "$RUN/nginx.conf"
  as_nginx "$NGINX" -q -t -p "$RUN/nginx/" -e "$RUN/nginx/error.log" -c "$RUN/nginx.conf" \
    >"$RUN/logs/nginx-check.log" 2>&1 || die "nginx rejected $RUN/nginx.conf: $(cat "$RUN/logs/nginx-check.log")"
}

nginx_pid() { cat "$RUN/nginx/nginx.pid" 2>/dev/null || true; }

# --------------------------------------------------------------------------- down

down() {
  stopped=0
  d_pid=$(nginx_pid)
  if is_ours "$d_pid" "$RUN/nginx.conf"; then
    stop_pid "$d_pid" "$RUN/nginx.conf"
    stopped=1
  fi
  if [ -f "$RUN/replicas" ]; then
    while read -r d_pid d_port; do
      if is_ours "$d_pid" "--server.port $d_port"; then
        kill -TERM "$d_pid" 2>/dev/null || true  # all at once; stop_pid below waits for each
        stopped=1
      fi
    done <"$RUN/replicas"
    while read -r d_pid d_port; do stop_pid "$d_pid" "--server.port $d_port"; done <"$RUN/replicas"
  fi
  if [ -d "$RUN/pg" ]; then
    sh "$REPO/scripts/pg-test-server.sh" stop "$RUN/pg" || true
    stopped=1
  fi
  rm -rf "$RUN/nginx" "$RUN/pg"
  rm -f "$RUN/replicas" "$RUN/url" "$RUN/rooms-url" "$RUN/settings" "$RUN/nginx.conf"
  if [ "$stopped" = 1 ]; then say "stopped"; else say "nothing was running"; fi
}

# --------------------------------------------------------------------------- status

status() {
  ok=0
  if [ ! -f "$RUN/url" ]; then
    say "not running"
    return 1
  fi
  say "url: $(cat "$RUN/url")"
  s_pid=$(nginx_pid)
  if is_ours "$s_pid" "$RUN/nginx.conf"; then say "nginx: pid $s_pid"; else say "nginx: NOT RUNNING"; ok=1; fi
  while read -r s_pid s_port; do
    if ! is_ours "$s_pid" "--server.port $s_port"; then
      say "replica 127.0.0.1:$s_port: NOT RUNNING"
      ok=1
    elif healthy "http://127.0.0.1:$s_port/_stcore/health"; then
      say "replica 127.0.0.1:$s_port: pid $s_pid, healthy"
    else
      say "replica 127.0.0.1:$s_port: pid $s_pid, NOT HEALTHY"
      ok=1
    fi
  done <"$RUN/replicas"
  if [ -d "$RUN/pg" ]; then say "rooms: private PostgreSQL in $RUN/pg"; else say "rooms: --rooms-url"; fi
  return $ok
}

# --------------------------------------------------------------------------- up

up() {
  replicas=2
  port=8600
  rooms_url=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --replicas) [ $# -ge 2 ] || usage; replicas=$2; shift 2 ;;
      --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
      --rooms-url) [ $# -ge 2 ] || usage; rooms_url=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  case "$replicas" in '' | *[!0-9]*) die "--replicas must be a number" ;; esac
  case "$port" in '' | *[!0-9]*) die "--port must be a number" ;; esac
  [ "$replicas" -ge 1 ] && [ "$replicas" -le 16 ] || die "--replicas must be between 1 and 16"
  [ "$port" -ge 1025 ] && [ $((port + replicas)) -le 65535 ] || die "--port must be 1025..65535"

  # Fail before starting anything when a piece is missing.
  [ -x "$NGINX" ] || missing "nginx is not installed ($NGINX not found): run \`make system-deps\` (it installs Debian's nginx) or \`apt-get install nginx\`"
  [ -x "$PYTHON" ] || die "$PYTHON not found: run \`make run\` once (it creates .venv) or set PYTHON"

  # (the rooms URL only as a checksum: it may hold a password)
  settings="replicas=$replicas port=$port rooms=$(printf '%s' "$rooms_url" | cksum | cut -d' ' -f1)"
  if [ -f "$RUN/settings" ] && [ "$(cat "$RUN/settings")" = "$settings" ] && status >/dev/null 2>&1; then
    say "already running: $(cat "$RUN/url")"
    return 0
  fi
  if [ -f "$RUN/url" ] || [ -f "$RUN/replicas" ] || [ -d "$RUN/pg" ] || [ -d "$RUN/nginx" ]; then
    say "stopping the earlier run first (other settings, or a part of it is down)"
    down >/dev/null
  fi

  i=0
  while [ $i -le "$replicas" ]; do
    port_free $((port + i)) || die "port $((port + i)) on 127.0.0.1 is taken: choose another with --port"
    i=$((i + 1))
  done

  rm -rf "$RUN/logs"  # the logs of the last run stay until the next `up`
  mkdir -p "$RUN/logs"
  # nginx may run as $NGINX_USER: it must be able to reach (not read) the run folder.
  chmod 755 "$RUN"
  : >"$RUN/replicas"
  # If anything below fails (or is interrupted), stop what was started so far.
  trap 'exit 130' INT TERM
  trap 'rc=$?; if [ $rc -ne 0 ]; then echo "deploy/local.sh: start-up failed, stopping what was started (logs in $RUN/logs)" >&2; down >/dev/null 2>&1 || true; fi' EXIT

  # The workshop rooms: one database every replica shares.
  if [ -z "$rooms_url" ]; then
    started=0
    out=$(sh "$REPO/scripts/pg-test-server.sh" start "$RUN/pg" 2>"$RUN/logs/postgresql.err") || started=$?
    if [ "$started" = 3 ]; then
      rm -rf "$RUN/pg"
      missing "cannot start PostgreSQL for the workshop rooms: $(cat "$RUN/logs/postgresql.err") — run \`make system-deps\` (it installs Debian's postgresql) or pass --rooms-url"
    fi
    [ "$started" = 0 ] || die "PostgreSQL did not start: $(cat "$RUN/logs/postgresql.err")"
    rooms_url=$(printf '%s\n' "$out" | head -n 1)
  fi
  (umask 077 && printf '%s\n' "$rooms_url" >"$RUN/rooms-url")

  # The replicas, each in its own process group, on loopback only.
  i=1
  while [ $i -le "$replicas" ]; do
    p=$((port + i))
    (cd "$REPO" && WORKBOOK_ROOMS_URL=$rooms_url exec setsid "$PYTHON" -m streamlit run app.py \
      --server.address 127.0.0.1 --server.port "$p" --server.headless true \
      </dev/null >"$RUN/logs/replica-$i.log" 2>&1) &
    echo "$! $p" >>"$RUN/replicas"
    i=$((i + 1))
  done
  deadline=$(($(date +%s) + HEALTH_TIMEOUT))
  while read -r pid p; do
    until healthy "http://127.0.0.1:$p/_stcore/health"; do
      is_ours "$pid" "--server.port $p" || die "the replica on port $p exited: $(tail -n 20 "$RUN/logs/replica-$(( p - port )).log")"
      [ "$(date +%s)" -lt "$deadline" ] || die "the replica on port $p was not healthy within ${HEALTH_TIMEOUT} s"
      sleep 0.2
    done
  done <"$RUN/replicas"

  # nginx: the template filled in, checked, then started from its private prefix.
  mkdir -p "$RUN/nginx"
  [ "$(id -u)" != 0 ] || chown "$NGINX_USER" "$RUN/nginx"
  render_nginx "$port"
  as_nginx "$NGINX" -p "$RUN/nginx/" -e "$RUN/nginx/error.log" -c "$RUN/nginx.conf" \
    >"$RUN/logs/nginx.log" 2>&1 || die "nginx did not start: $(cat "$RUN/logs/nginx.log" "$RUN/nginx/error.log" 2>/dev/null)"
  url="http://127.0.0.1:$port"
  deadline=$(($(date +%s) + 20))
  until healthy "$url/_stcore/health"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "nginx on $url does not answer: $(cat "$RUN/nginx/error.log" 2>/dev/null)"
    sleep 0.2
  done

  echo "$url" >"$RUN/url"
  echo "$settings" >"$RUN/settings"
  trap - EXIT INT TERM
  say "$replicas replica(s) behind nginx: $url"
}

# --------------------------------------------------------------------------- reload

# Render deploy/nginx.conf again (after an edit) and have nginx switch to it without dropping
# anyone: new connections use the new configuration at once; the old worker's websockets close
# after worker_shutdown_timeout and the browsers reconnect, to the same replica.
reload() {
  [ -f "$RUN/url" ] || die "not running (deploy/local.sh up starts it)"
  pid=$(nginx_pid)
  is_ours "$pid" "$RUN/nginx.conf" || die "nginx is not running: deploy/local.sh up starts it again"
  url=$(cat "$RUN/url")
  render_nginx "${url##*:}"
  kill -HUP "$pid"
  say "nginx reloaded: $url"
}

# --------------------------------------------------------------------------- main

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
  up) up "$@" ;;
  down) [ $# -eq 0 ] || usage; down ;;
  status) [ $# -eq 0 ] || usage; status ;;
  reload) [ $# -eq 0 ] || usage; reload ;;
  *) usage ;;
esac
