# A throwaway PostgreSQL cluster from the Debian binaries, for the benchmarks (sourced by bench/web/run.sh and
# bench/crash/run.sh). Default durability (fsync and synchronous_commit on); started as the postgres OS user when run
# as root. Needs $work (a scratch folder) and $PORT (the cluster listens on PORT + 1000).
#   start_postgres   initdb, start, CREATE DATABASE alliance; sets pg_url (a JDBC URL)
#   stop_postgres    stops the cluster, if one is running

pg_bin=""
pg_data=""
pg_url=""

as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    local dir="$work/pg"
    mkdir -p "$dir"
    [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
    pg_data="$dir/data"
    as_postgres "$pg_bin/initdb" -D "$pg_data" -U alliance -A trust -E UTF8 >/dev/null
    local pg_port=$((PORT + 1000))
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$dir/server.log" -w \
        -o "-p $pg_port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U alliance -d postgres -qc "CREATE DATABASE alliance"
    pg_url="jdbc:postgresql://127.0.0.1:$pg_port/alliance?user=alliance"
}

stop_postgres() {
    if [[ -n "$pg_data" ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
        pg_data=""
    fi
}
