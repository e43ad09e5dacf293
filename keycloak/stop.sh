#!/usr/bin/env bash
# Stops the Keycloak that keycloak/start.sh started (its pid is in ~/.m2/keycloak/keycloak.pid); its data (the
# realm, users and groups added since) stays in ~/.m2/keycloak/keycloak-*/data (deleted by start.sh when the realm
# file changes; delete it by hand to start afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
PID_FILE="${KEYCLOAK_HOME:-$HOME/.m2/keycloak}/keycloak.pid"
if [ ! -f "$PID_FILE" ]; then
  echo "No Keycloak started by keycloak/start.sh (no $PID_FILE)."
  exit 0
fi
pid=$(cat "$PID_FILE")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  echo "Keycloak (pid $pid) stopped."
else
  echo "Keycloak (pid $pid) was not running."
fi
rm -f "$PID_FILE"
