#!/usr/bin/env bash
# Starts a local Keycloak for the profile keycloak: the distribution org.keycloak:keycloak-quarkus-dist from Maven
# Central (through Maven, so it is cached in ~/.m2), dev mode on port 8180, the realm skills-henan imported from
# keycloak/skills-henan-realm.json. Idempotent: a Keycloak already answering for the realm is left as it is.
# Stop it with keycloak/stop.sh. Environment: KEYCLOAK_VERSION (26.5.6), KEYCLOAK_PORT (8180),
# KEYCLOAK_HOME (~/.m2/keycloak: the unpacked and built distribution is kept beside Maven's cache, so a fresh clone,
# `mvn clean` and CI start it without unpacking and re-building it), KEYCLOAK_WAIT seconds to wait for it (300).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="${KEYCLOAK_VERSION:-26.5.6}"
PORT="${KEYCLOAK_PORT:-8180}"
BASE="${KEYCLOAK_HOME:-$HOME/.m2/keycloak}"
HOME_DIR="$BASE/keycloak-$VERSION"
REALM_URL="http://localhost:$PORT/realms/skills-henan/.well-known/openid-configuration"
ADMIN_CONSOLE="http://localhost:$PORT/admin/master/console/#/skills-henan"
started=$(date +%s)

ready() { curl -fsS -o /dev/null --max-time 3 "$REALM_URL" 2>/dev/null; }

if ready; then
  echo "Keycloak already running on port $PORT with the realm skills-henan."
  echo "Admin console: $ADMIN_CONSOLE (admin / admin)"
  exit 0
fi
if curl -s -o /dev/null --max-time 3 "http://localhost:$PORT/" 2>/dev/null; then
  echo "Port $PORT answers, but not with the realm skills-henan: another Keycloak or program is there." >&2
  echo "Stop it (keycloak/stop.sh stops one this script started) or set KEYCLOAK_PORT." >&2
  exit 1
fi

if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
  echo "Fetching org.keycloak:keycloak-quarkus-dist:$VERSION through Maven (cached in ~/.m2 after the first time)..."
  mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$BASE" \
    -Dmdep.overWriteReleases=true
fi

mkdir -p "$HOME_DIR/data/import"
IMPORTED="$HOME_DIR/data/import/skills-henan-realm.json"
if [ -f "$IMPORTED" ] && ! cmp -s keycloak/skills-henan-realm.json "$IMPORTED"; then
  # Keycloak imports a realm only when it does not exist yet: a changed realm file starts Keycloak's data afresh
  # (the groups of schools registered since are created again by the app when it starts)
  echo "keycloak/skills-henan-realm.json changed since the last import: Keycloak's data starts afresh."
  rm -rf "$HOME_DIR/data/h2"
fi
cp keycloak/skills-henan-realm.json "$IMPORTED"
LOG="$BASE/keycloak.log"
echo "Starting Keycloak $VERSION on port $PORT (dev mode; log in $LOG)..."
# the master realm's administrator, created on the first start only
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
  nohup "$HOME_DIR/bin/kc.sh" start-dev --http-port "$PORT" --import-realm >"$LOG" 2>&1 &
pid=$!
echo "$pid" > "$BASE/keycloak.pid"

wait_for="${KEYCLOAK_WAIT:-300}"
until ready; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Keycloak stopped while starting; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -ge "$wait_for" ]; then
    echo "Keycloak did not answer within $wait_for s; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "Keycloak ready in $(( $(date +%s) - started )) s (pid $pid): realm http://localhost:$PORT/realms/skills-henan"
echo "Admin console: $ADMIN_CONSOLE (admin / admin)"
