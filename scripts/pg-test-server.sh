#!/bin/sh
# A throw-away PostgreSQL server for the tests, from Debian's `postgresql` package.
#
#   scripts/pg-test-server.sh start DIR   creates a private cluster in DIR (which must not exist or be
#                                        empty), starts it on 127.0.0.1 and a free port, and prints
#                                        two lines: the SQLAlchemy URL, then the command that stops it
#   scripts/pg-test-server.sh stop DIR    stops that server and deletes DIR
#
# It listens on loopback TCP only (no Unix socket), and its single user has a random password, so
# other local users cannot read or write the test data. PostgreSQL refuses to run as root: when run
# as root the cluster belongs to the `postgres` user that Debian's package creates.
#
# Exit status: 0 started or stopped; 3 impossible here (no binaries, or root without a `postgres`
# user), the tests then skip the PostgreSQL variants; anything else is a real failure.
set -eu

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# Debian keeps the server binaries outside PATH; pick the newest installed major version.
bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && bindir=$d
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "PostgreSQL server binaries not found (install Debian's postgresql package)" >&2
  exit 3
fi

# Run a command as the cluster's owner: ourselves, or `postgres` when we are root.
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "running as root and there is no 'postgres' user to own the cluster" >&2
    exit 3
  fi
  if command -v runuser >/dev/null 2>&1; then
    as_owner() { runuser -u postgres -- "$@"; }
  else
    as_owner() { su postgres -s /bin/sh -c '"$0" "$@"' -- "$@"; }
  fi
  owner=postgres
else
  as_owner() { "$@"; }
  owner=$(id -un)
fi

case "$action" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -n "$(ls -A "$dir")" ]; then
    echo "$dir is not empty" >&2
    exit 1
  fi
  chmod 700 "$dir"
  [ "$owner" = "$(id -un)" ] || chown "$owner" "$dir"
  if ! as_owner test -w "$dir"; then
    echo "$owner cannot write $dir (is a parent folder private?)" >&2
    exit 1
  fi
  password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pwfile="$dir/.pw"
  umask 077
  printf '%s\n' "$password" > "$pwfile"
  [ "$owner" = "$(id -un)" ] || chown "$owner" "$pwfile"
  as_owner "$bindir/initdb" -D "$dir/data" -U workbook --pwfile="$pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  touch "$dir/.workbook-pg-test"
  # Loopback TCP only, no Unix socket, no fsync (the data is thrown away anyway).
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1 || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql+psycopg://workbook:$password@127.0.0.1:$port/postgres"
  echo "$0 stop $dir"
  ;;
stop)
  [ -f "$dir/.workbook-pg-test" ] || { echo "$dir is not a test cluster" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  usage
  ;;
esac
