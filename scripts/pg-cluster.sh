#!/usr/bin/env bash
# A PostgreSQL cluster from Debian's packages (pg_createcluster/pg_ctlcluster), for tests and the local stack.
# Idempotent; safe to run from several processes at once (flock). Needs root (it may apt-get install postgresql
# and pg_ctlcluster runs the server as the postgres user).
#
#   pg-cluster.sh start  --name NAME [--port N | --port auto [--base N]] [--auth trust|scram-sha-256|md5]
#                        [--role USER:PASSWORD]... [--db NAME[:OWNER]]... [--recreate-db] [--durable]
#   pg-cluster.sh stop   --name NAME        # stops the server, keeps the data
#   pg-cluster.sh drop   --name NAME        # stops and deletes the cluster
#   pg-cluster.sh status --name NAME        # exit 0 online, 3 down, 4 no such cluster
#   pg-cluster.sh port   --name NAME        # prints the cluster's port
#
# start prints "port=N" as its last line. --port auto keeps an existing cluster's port, else takes the first port
# from --base (default 5432) that no other cluster is configured for and nothing listens on.
# Server settings are for throwaway data: fsync=off, synchronous_commit=off, full_page_writes=off, 127.0.0.1 only.
# --durable turns synchronous_commit back on: a commit the server has confirmed then survives the server's own crash
# or an immediate stop (fsync=off only gives up surviving a crash of the whole machine). The local stack and the chaos
# runs use it: with synchronous_commit=off an immediate stop drops the last ~0.6 s of confirmed commits, and a consumer
# that committed its Kafka offset after such a commit has lost the record (docs/reliability.md).
set -euo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }
log() { [[ -n "${PG_CLUSTER_QUIET:-}" ]] || echo "pg-cluster: $*" >&2; }

cmd="${1:-}"; [[ -n "$cmd" ]] && shift || true
name=""; port="auto"; base=5432; auth="trust"; recreate=0; durable=0; roles=(); dbs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --base) base="$2"; shift 2 ;;
    --auth) auth="$2"; shift 2 ;;
    --role) roles+=("$2"); shift 2 ;;
    --db) dbs+=("$2"); shift 2 ;;
    --recreate-db) recreate=1; shift ;;
    --durable) durable=1; shift ;;
    *) die "unknown argument: $1" ;;
  esac
done
case "$cmd" in start|stop|drop|status|port) ;; *) sed -n '2,16p' "$0" >&2; exit 2 ;; esac
[[ -n "$name" ]] || die "--name is required"
[[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || die "bad cluster name: $name"

ensure_installed() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then return; fi
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed; run as root: apt-get install -y postgresql"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get"
  log "installing PostgreSQL from Debian's packages (apt-get, about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
}

# "ver port status" of the named cluster, or nothing.
cluster_line() { pg_lsclusters -h 2>/dev/null | awk -v n="$name" '$2 == n { print $1, $3, $4 }'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_taken() {
  local p="$1"
  pg_lsclusters -h 2>/dev/null | awk -v n="$name" -v p="$p" '$2 != n && $3 == p { found=1 } END { exit !found }' && return 0
  listening "$p"
}

as_postgres() {
  if [[ $(id -un) == postgres ]]; then (cd /tmp && "$@");
  elif command -v runuser >/dev/null 2>&1; then (cd /tmp && runuser -u postgres -- "$@");
  else (cd /tmp && su postgres -s /bin/sh -c "$(printf '%q ' "$@")"); fi
}
psql_su() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$cport" -d postgres "$@"; }
sql_lit() { printf "'%s'" "${1//\'/\'\'}"; }
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }

lock() {
  exec 9>"/tmp/stafet-pg-cluster.lock"
  flock -w 300 9 || die "timed out waiting for /tmp/stafet-pg-cluster.lock"
}

if [[ "$cmd" != start ]]; then
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    case "$cmd" in status) echo "PostgreSQL is not installed"; exit 4 ;; port) die "PostgreSQL is not installed" ;; *) exit 0 ;; esac
  fi
  read -r cver cport cstatus <<<"$(cluster_line)" || true
  case "$cmd" in
    status)
      [[ -n "${cver:-}" ]] || { echo "no cluster $name"; exit 4; }
      echo "cluster $cver/$name port $cport $cstatus"; [[ "$cstatus" == online* ]] && exit 0 || exit 3 ;;
    port) [[ -n "${cver:-}" ]] || die "no cluster $name"; echo "$cport" ;;
    stop)
      lock
      if [[ -n "${cver:-}" && "$cstatus" == online* ]]; then pg_ctlcluster "$cver" "$name" stop -m fast; log "stopped $cver/$name"; fi ;;
    drop)
      lock
      if [[ -n "${cver:-}" ]]; then pg_dropcluster --stop "$cver" "$name"; log "dropped $cver/$name"; fi ;;
  esac
  exit 0
fi

# ---- start
ensure_installed
lock
read -r cver cport cstatus <<<"$(cluster_line)" || true
if [[ -z "${cver:-}" ]]; then
  cver=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if [[ "$port" == auto ]]; then
    cport="$base"
    while port_taken "$cport"; do cport=$((cport + 1)); [[ $cport -lt $((base + 100)) ]] || die "no free port from $base"; done
  else
    port_taken "$port" && die "port $port is taken (another cluster or a listening process)"
    cport="$port"
  fi
  log "creating cluster $cver/$name on 127.0.0.1:$cport"
  # manual start: the cluster does not come up with the machine, only through this script.
  pg_createcluster "$cver" "$name" -p "$cport" --start-conf manual -- \
    --auth-local=peer --auth-host="$auth" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  conf="/etc/postgresql/$cver/$name/conf.d/stafet.conf"
  mkdir -p "$(dirname "$conf")"
  cat >"$conf" <<EOF
# Written by stafet scripts/pg-cluster.sh: a throwaway local/test cluster.
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
max_connections = 200
log_min_messages = warning
EOF
  cstatus=down
elif [[ "$port" != auto && "$port" != "$cport" ]]; then
  die "cluster $name already exists on port $cport (asked for $port); drop it first: $0 drop --name $name"
fi

# After stafet.conf in the include order (conf.d is read alphabetically), so it wins; written on every start so an
# existing cluster gets it too, and removed again without --durable.
durable_conf="/etc/postgresql/$cver/$name/conf.d/z-stafet-durable.conf"
if [[ $durable -eq 1 && ! -f "$durable_conf" ]]; then
  printf '# Written by stafet scripts/pg-cluster.sh --durable: confirmed commits survive a server crash.\nsynchronous_commit = on\n' >"$durable_conf"
  [[ "$cstatus" == online* ]] && pg_ctlcluster "$cver" "$name" reload 9>&-
elif [[ $durable -eq 0 && -f "$durable_conf" ]]; then
  rm -f "$durable_conf"
  [[ "$cstatus" == online* ]] && pg_ctlcluster "$cver" "$name" reload 9>&-
fi

if [[ "$cstatus" != online* ]]; then
  port_taken "$cport" && die "port $cport of cluster $name is in use by something else"
  pg_ctlcluster "$cver" "$name" start 9>&-   # the server must not inherit the lock
  log "started $cver/$name on 127.0.0.1:$cport"
fi
for _ in $(seq 1 100); do
  as_postgres pg_isready -q -p "$cport" && break
  sleep 0.1
done
as_postgres pg_isready -q -p "$cport" || die "cluster $name did not become ready; see /var/log/postgresql/postgresql-$cver-$name.log"

for r in "${roles[@]}"; do
  ru="${r%%:*}"; rp="${r#*:}"
  psql_su -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $(sql_lit "$ru")) THEN
        CREATE ROLE $(sql_ident "$ru") LOGIN PASSWORD $(sql_lit "$rp");
      ELSE ALTER ROLE $(sql_ident "$ru") LOGIN PASSWORD $(sql_lit "$rp"); END IF; END \$\$;"
done
for d in "${dbs[@]}"; do
  dn="${d%%:*}"; owner="postgres"; [[ "$d" == *:* ]] && owner="${d#*:}"
  if [[ $recreate -eq 1 ]]; then psql_su -c "DROP DATABASE IF EXISTS $(sql_ident "$dn") WITH (FORCE)"; fi
  exists=$(psql_su -tAc "SELECT 1 FROM pg_database WHERE datname = $(sql_lit "$dn")")
  if [[ "$exists" != 1 ]]; then
    psql_su -c "CREATE DATABASE $(sql_ident "$dn") OWNER $(sql_ident "$owner")"
    log "created database $dn (owner $owner)"
  fi
done
echo "port=$cport"
