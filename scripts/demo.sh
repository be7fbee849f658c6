#!/usr/bin/env bash
# Demo traffic against a running Stafet: synthetic courses of Central Denmark Region through the real front door.
# ./stafet up runs this in the background (log .stafet/logs/demo.log) unless --no-demo; it can also be run by hand
# against a stack that is up:
#
#   scripts/demo.sh                         # until Ctrl-C
#   DEMO_RATE=5 DEMO_PATIENTS=100 DEMO_SEED=42 scripts/demo.sh
#
# Environment (all optional):
#   REFERRAL_URL, RESPONSIBILITY_URL, NOTIFICATION_URL   default http://127.0.0.1:8081, :8082, :8083
#   DEMO_RATE            requests per second, bad messages included (default 2)
#   DEMO_PATIENTS        size of the synthetic population (default 40)
#   DEMO_SEED            random seed for a reproducible population and course mix (default: random)
#   DEMO_BAD_SHARE       share of deliberately bad MedCom messages for the quarantine (default 0.03)
#   DEMO_HISTORY_DAYS    how far back the first courses start (default 21)
#   DEMO_MAX_REQUESTS    stop after this many requests (default 0: run until stopped)
#   DEMO_READY_TIMEOUT_SECONDS   give up if the services are not ready by then (default 0: wait for ever)
#   DEMO_JAVA_OPTS       JVM options (default -Xmx256m -XX:+UseSerialGC)
# See docs/local-stack.md, "Demo traffic".
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAR="$ROOT/tools/target/stafet-tools-0.1.0-SNAPSHOT.jar"
LIB="$ROOT/tools/target/lib"

export REFERRAL_URL="${REFERRAL_URL:-http://127.0.0.1:8081}"
export RESPONSIBILITY_URL="${RESPONSIBILITY_URL:-http://127.0.0.1:8082}"
export NOTIFICATION_URL="${NOTIFICATION_URL:-http://127.0.0.1:8083}"

# Build the tools jar (and contracts) when it is missing or older than its sources.
stale() {
  [[ -f "$JAR" && -d "$LIB" ]] || return 0
  [[ -n "$(find "$ROOT/tools/src" "$ROOT/tools/pom.xml" "$ROOT/contracts/src/main" "$ROOT/contracts/pom.xml" \
      -newer "$JAR" -type f -print -quit 2>/dev/null)" ]]
}
if stale; then
  echo "demo: building the tools jar: ./mvnw -B -q -pl tools -am -DskipTests package"
  if ! (cd "$ROOT" && ./mvnw -B -q -pl tools -am -DskipTests package); then
    if [[ -f "$JAR" && -d "$LIB" ]]; then
      echo "demo: the build failed; running the jar that is there" >&2
    else
      echo "demo: the build failed and there is no tools jar; no demo traffic" >&2
      exit 1
    fi
  fi
fi

# exec: the JVM gets SIGTERM/SIGINT itself (./stafet down signals the process group) and stops cleanly.
# shellcheck disable=SC2086
exec java ${DEMO_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -cp "$JAR:$LIB/*" dk.stafet.tools.demo.DemoTraffic
