#!/usr/bin/env bash
# Start N Streamlit processes on loopback and nginx in front of them, in one command:
#   deploy/run.sh [N=4] [PORT=8500]
# Ctrl-C stops everything. Needs Debian's nginx (apt-get install nginx-light).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
processes="${1:-4}"
listen="${2:-8500}"
python="${PYTHON:-$root/.venv/bin/python}"
cd "$root"  # the app's .streamlit/config.toml and `python -m observatory.ui.launch` are found from here
run_dir="$(mktemp -d /tmp/osservatorio-deploy.XXXXXX)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$run_dir"; }
trap cleanup EXIT INT TERM

# nginx serves Streamlit's frontend files itself (a first visit fetches ~130 of them, 7 MB): from
# a copy in the run folder with each file gzipped beside it, so neither Python nor nginx spends
# CPU on them per visitor. Compressed in the background while the processes start.
static_dir="$("$python" -c 'import importlib.util, pathlib
print(pathlib.Path(importlib.util.find_spec("streamlit").origin).parent / "static")')"
mkdir -p "$run_dir/frontend"
cp -r "$static_dir/static" "$run_dir/frontend/"
chmod 711 "$run_dir"  # nginx's workers run as another user when started by root: they must reach it
chmod -R a+rX "$run_dir/frontend"
find "$run_dir/frontend" -type f \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) -print0 \
  | xargs -0 -P 2 -n 64 gzip -k -6 && chmod -R a+rX "$run_dir/frontend" &
gzip_pid=$!

upstreams=""
for i in $(seq 1 "$processes"); do
  port=$((listen + i))
  "$python" -m observatory.ui.launch run "$root/app.py" --server.port "$port" --server.address 127.0.0.1 \
    --server.headless true --browser.gatherUsageStats false --server.fileWatcherType none \
    >"$run_dir/streamlit-$port.log" 2>&1 &
  pids+=($!)
  upstreams+="        server 127.0.0.1:${port} max_fails=0;"$'\n'
done
for i in $(seq 1 "$processes"); do
  port=$((listen + i))
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
done
wait "$gzip_pid"
RUN_DIR="$run_dir" LISTEN="127.0.0.1:$listen" UPSTREAMS="$upstreams" STATIC_ROOT="$run_dir/frontend" \
  envsubst '${RUN_DIR} ${LISTEN} ${UPSTREAMS} ${STATIC_ROOT}' < "$here/nginx.conf.template" > "$run_dir/nginx.conf"
echo "Osservatorio Lecco 2.0: $processes processi dietro nginx su http://127.0.0.1:$listen"
nginx -c "$run_dir/nginx.conf" -p "$run_dir" &
pids+=($!)
wait
