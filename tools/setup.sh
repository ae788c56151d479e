#!/usr/bin/env bash
# One-command set-up on a fresh machine: the system browser for the browser tests (Debian's chromium, never a
# downloaded one), then the npm workspace from the lockfile (which also builds every package).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "== installing Debian chromium for the browser tests"
    (apt-get install -y --no-install-recommends chromium || (apt-get update && apt-get install -y --no-install-recommends chromium)) >/dev/null
  else
    echo "note: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); browser tests will skip." >&2
  fi
fi
if [ ! -x /usr/bin/redis-server ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "== installing Debian redis-server for the server's shared rate-limit test"
    (apt-get install -y --no-install-recommends redis-server || (apt-get update && apt-get install -y --no-install-recommends redis-server)) >/dev/null
  else
    echo "note: /usr/bin/redis-server is missing and cannot be installed here (needs root and apt-get); the Redis rate-limit test will skip." >&2
  fi
fi
echo "== npm ci"
npm ci
