# `./alliance demo` on a SQLite file of its own, for the benchmarks (sourced by bench/export/run.sh and
# bench/analysis/run.sh), with the application's default database settings (WAL, busy_timeout). Needs $root (the
# checkout), $work (a scratch folder), $db (the database file) and $PORT.
#   start_demo   starts the server (building it first when its sources changed), waits for /login; sets
#                server_pid, java_pid and base
#   stop_demo    stops java itself (the launcher runs it as a child of the subshell), then the subshell
#   demo_cleanup stop_demo, then removes $work (KEEP=1 keeps it); the benchmarks trap it on EXIT
#   sign_in USER signs in as a demo account (password demo); the session cookie is in $jar

server_pid=""
java_pid=""
base="http://127.0.0.1:$PORT"

start_demo() {
    if curl -s -o /dev/null "$base/login"; then echo "port $PORT is taken: set PORT"; exit 1; fi
    (cd "$root" && ./alliance demo "--server.port=$PORT" --db-url "jdbc:sqlite:$db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE" >"$work/server.log" 2>&1) &
    server_pid=$!
    # A build (sources changed) can take minutes on a loaded machine.
    for _ in $(seq 1 1200); do
        curl -sf -o /dev/null "$base/login" && break
        sleep 0.5
    done
    curl -sf -o /dev/null "$base/login" || { echo "server did not start"; cat "$work/server.log"; exit 1; }
    java_pid="$(pgrep -P "$server_pid" java || echo "$server_pid")"
    [[ "$(ps -o comm= -p "$java_pid")" == java ]] || java_pid="$(pgrep -n -f "server.port=$PORT")"
}

stop_demo() {
    [[ -n "$java_pid" ]] && kill "$java_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
}

demo_cleanup() {
    stop_demo
    if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}

jar="$work/cookies"
csrf_of() { grep -o 'name="_csrf"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }

sign_in() {
    curl -s -c "$jar" -b "$jar" -o "$work/login.html" "$base/login"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf_of "$work/login.html")" \
        -d "username=$1&password=demo" "$base/login"
}
