#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temporary folder (C collation,
# UTF-8, trust on loopback only), started on a free port, its URL exported as
# CHENGXIANG_TEST_POSTGRES, stopped and deleted when the command ends. Used by `make test` and CI.
#   scripts/test-postgres.sh swift test
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "找不到 PostgreSQL 服务器（apt-get install postgresql） | no PostgreSQL server found (apt-get install postgresql)" >&2
  exit 69
fi

dir=$(mktemp -d /tmp/chengxiang-pg.XXXXXX)
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U chengxiang --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# A random free port: try a few in case one is taken.
started=""
for attempt in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 40000))
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off" start >/dev/null; then
    started=yes; break
  fi
done
[[ -n "$started" ]] || { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U chengxiang chengxiang_test

export CHENGXIANG_TEST_POSTGRES="postgres://chengxiang@127.0.0.1:$port/chengxiang_test"
echo "临时 PostgreSQL 集群 throwaway PostgreSQL cluster: $CHENGXIANG_TEST_POSTGRES"
"$@"
