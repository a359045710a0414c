#!/usr/bin/env bash
# Starts and stops the database servers the engine tests run against (issue 10): PostgreSQL 15 and
# two ClickHouse server processes (two shards), all on loopback, with their data in one temp folder.
#
#   scripts/db-servers.sh start FOLDER   installs what is missing (Debian packages), starts the
#                                        servers with their data under FOLDER, creates the
#                                        databases and writes FOLDER/env (the variables below)
#   scripts/db-servers.sh stop FOLDER    stops them (FOLDER may then be removed)
#   scripts/db-servers.sh run CMD …      starts them in a new temp folder, runs CMD with FOLDER/env
#                                        read, then stops them and removes the folder, whatever
#                                        CMD did; exits with CMD's code (make test-lager, .ci/run)
#
# FOLDER/env sets NAMND_TEST_POSTGRESQL and NAMND_TEST_CLICKHOUSE, the "lager" URIs the
# integration tests (tests/integration) read; without them those tests are skipped with a message.
# Ports: NAMND_DB_PORT (default 15432) for PostgreSQL; ClickHouse uses HTTP 18123/18124, TCP
# 19000/19001 and interserver 19009/19010 (NAMND_CH_PORT_OFFSET shifts all six).
set -euo pipefail

action="${1:-}"
if [ "$action" = run ]; then
  shift
  if [ $# -eq 0 ]; then
    echo "användning: $0 run KOMMANDO …" >&2
    exit 2
  fi
  run_folder="$(mktemp -d "${TMPDIR:-/tmp}/namnd-db.XXXXXX")"
  trap '"$0" stop "$run_folder" || true; rm -rf "$run_folder"' EXIT
  "$0" start "$run_folder"
  # shellcheck disable=SC1091
  source "$run_folder/env"
  set +e
  "$@"
  code=$?
  exit $code
fi
folder="${2:-}"
if [ -z "$action" ] || [ -z "$folder" ]; then
  echo "användning: $0 start|stop MAPP, eller $0 run KOMMANDO …" >&2
  exit 2
fi
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"

pg_port="${NAMND_DB_PORT:-15432}"
offset="${NAMND_CH_PORT_OFFSET:-0}"
ch_http=($((18123 + offset)) $((18124 + offset)))
ch_tcp=($((19000 + offset)) $((19001 + offset)))
ch_inter=($((19009 + offset)) $((19010 + offset)))
pg_bin=/usr/lib/postgresql/15/bin

# PostgreSQL refuses to run as root: the server runs as the package's own user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_missing() {
  local missing=()
  for p in postgresql-15 clickhouse-server; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installerar saknade paket: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # The packages' own services are not wanted (policy-rc.d refuses them in a container anyway).
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

clickhouse_config() {
  local shard="$1" dir="$folder/clickhouse$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/log"
  local replicas=""
  for port in "${ch_tcp[@]}"; do
    replicas+="<shard><replica><host>127.0.0.1</host><port>$port</port></replica></shard>"
  done
  cat >"$dir/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog></logger>
  <http_port>${ch_http[$shard]}</http_port>
  <tcp_port>${ch_tcp[$shard]}</tcp_port>
  <interserver_http_port>${ch_inter[$shard]}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <listen_host>127.0.0.1</listen_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers><namnd>$replicas</namnd></remote_servers>
</yandex>
EOF
  cat >"$dir/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <!-- A GROUP BY with more groups than fit in memory spills to disk instead of failing (a cube of
       tens of millions of cells, as in tests/bench/run_engines.sh). -->
  <profiles><default><max_memory_usage>8000000000</max_memory_usage>
    <max_bytes_before_external_group_by>2000000000</max_bytes_before_external_group_by>
    <distributed_aggregation_memory_efficient>1</distributed_aggregation_memory_efficient>
  </default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
EOF
}

wait_for() {
  local what="$1" tries=0
  shift
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 120 ]; then
      echo "$what startade inte inom en minut" >&2
      return 1
    fi
    sleep 0.5
  done
}

clickhouse_query() {
  local port="$1" sql="$2"
  python3 - "$port" "$sql" <<'EOF'
import sys, urllib.request
req = urllib.request.Request("http://127.0.0.1:%s/" % sys.argv[1], data=sys.argv[2].encode())
urllib.request.urlopen(req, timeout=5).read()
EOF
}

start() {
  install_missing
  # PostgreSQL: a cluster of its own, loopback only, its socket in the folder.
  local pgdata="$folder/postgresql"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"
    [ "$(id -u)" -eq 0 ] && chown postgres "$folder" "$pgdata"
    as_postgres "$pg_bin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o \
    "-p $pg_port -c listen_addresses=127.0.0.1 -k $pgdata -c fsync=off -c max_connections=60" start >/dev/null
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'namnd'" | grep -q 1 ||
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE namnd"

  # ClickHouse: two servers, each one shard of the cluster "namnd".
  for shard in 0 1; do
    clickhouse_config "$shard"
    clickhouse-server --config-file="$folder/clickhouse$shard/config.xml" --daemon \
      --pid-file="$folder/clickhouse$shard/server.pid" >/dev/null 2>&1 || true
  done
  for shard in 0 1; do
    wait_for "ClickHouse (skärva $((shard + 1)))" clickhouse_query "${ch_http[$shard]}" "SELECT 1"
    clickhouse_query "${ch_http[$shard]}" "CREATE DATABASE IF NOT EXISTS namnd"
  done

  cat >"$folder/env" <<EOF
export NAMND_TEST_POSTGRESQL='postgresql:host=127.0.0.1 port=$pg_port dbname=namnd user=postgres'
export NAMND_TEST_CLICKHOUSE='clickhouse:127.0.0.1:${ch_http[0]},127.0.0.1:${ch_http[1]}/namnd'
EOF
  echo "Databasservrar startade: PostgreSQL på port $pg_port, ClickHouse på ${ch_http[0]} och ${ch_http[1]} ($folder/env)"
}

stop() {
  if [ -f "$folder/postgresql/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$folder/postgresql" -m fast -w stop >/dev/null || true
  fi
  for shard in 0 1; do
    local pidfile="$folder/clickhouse$shard/server.pid"
    if [ -f "$pidfile" ]; then
      local pid
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *)
    echo "okänd åtgärd: $action (start eller stop)" >&2
    exit 2
    ;;
esac
