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
run_dir="$(mktemp -d /tmp/osservatorio-deploy.XXXXXX)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$run_dir"; }
trap cleanup EXIT INT TERM

upstreams=""
for i in $(seq 1 "$processes"); do
  port=$((listen + i))
  "$python" -m streamlit run "$root/app.py" --server.port "$port" --server.address 127.0.0.1 \
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
RUN_DIR="$run_dir" LISTEN="127.0.0.1:$listen" UPSTREAMS="$upstreams" \
  envsubst '${RUN_DIR} ${LISTEN} ${UPSTREAMS}' < "$here/nginx.conf.template" > "$run_dir/nginx.conf"
echo "Osservatorio Lecco 2.0: $processes processi dietro nginx su http://127.0.0.1:$listen"
nginx -c "$run_dir/nginx.conf" -p "$run_dir" &
pids+=($!)
wait
