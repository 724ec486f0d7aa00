# Shared by deploy/bench/run, fault-test and replay-dlq: the bench stack, tokens, pids.
#
# The bench runs its own copy of the stack (PostgreSQL, Kafka and the four services on their own ports, data under
# deploy/.local/bench/root/deploy/.local), so killing and restarting components never disturbs a deploy/up or the
# tests of others on the same machine. Keycloak is shared: the one on 8180 is reused when it answers.
# BENCH_STACK=shared uses the default stack (ports 5432/9092/8080-8083) instead; then nothing is restarted by run.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
bench_dir=$repo/deploy/bench
out_dir=${BENCH_OUT:-$repo/deploy/.local/bench}
version=0.1.0-SNAPSHOT
stack_jar=$repo/deploy/stack/target/liudong-stack-$version.jar
kafka_libs=$repo/deploy/stack/target/kafka/libs
BENCH_STACK=${BENCH_STACK:-isolated}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:8180}
token_url=$keycloak/realms/liudong/protocol/openid-connect/token

if [ "$BENCH_STACK" = isolated ]; then
    stack_root=$out_dir/root
    export LIUDONG_STACK_ROOT=$stack_root
    export LIUDONG_PG_PORT=${LIUDONG_PG_PORT:-55432}
    export LIUDONG_KAFKA_PORT=${LIUDONG_KAFKA_PORT:-19092}
    export LIUDONG_KAFKA_CONTROLLER_PORT=${LIUDONG_KAFKA_CONTROLLER_PORT:-19093}
    export LIUDONG_STACK_GATEWAY_PORT=${LIUDONG_STACK_GATEWAY_PORT:-18080}
    export LIUDONG_STACK_REGISTRY_PORT=${LIUDONG_STACK_REGISTRY_PORT:-18081}
    export LIUDONG_STACK_MIGRATION_PORT=${LIUDONG_STACK_MIGRATION_PORT:-18082}
    export LIUDONG_STACK_ASSESSMENT_PORT=${LIUDONG_STACK_ASSESSMENT_PORT:-18083}
else
    stack_root=$repo
fi
export LIUDONG_STACK_SEED=false
pg_port=${LIUDONG_PG_PORT:-5432}
kafka_bootstrap=127.0.0.1:${LIUDONG_KAFKA_PORT:-9092}
gateway=http://127.0.0.1:${LIUDONG_STACK_GATEWAY_PORT:-8080}
declare -A service_port=(
    [registry]=${LIUDONG_STACK_REGISTRY_PORT:-8081} [migration]=${LIUDONG_STACK_MIGRATION_PORT:-8082}
    [assessment]=${LIUDONG_STACK_ASSESSMENT_PORT:-8083} [gateway]=${LIUDONG_STACK_GATEWAY_PORT:-8080})
services=(registry migration assessment gateway)

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The bench root: links to the realm and the stack's build, its own deploy/.local, and a copy of each service's
# packaged application, so that a rebuild in the repository during a run cannot pull the jars from under it.
prepare_root() {
    [ "$BENCH_STACK" = isolated ] || return 0
    mkdir -p "$stack_root/deploy"
    for part in deploy/keycloak deploy/stack; do
        [ -e "$stack_root/$part" ] || ln -s "$repo/$part" "$stack_root/$part"
    done
}

# Copies the packaged services into the bench root (only while none of the bench's services runs), keeping the
# files' times: the launcher knows a build, and its class-data archive, by them.
snapshot_services() {
    [ "$BENCH_STACK" = isolated ] || return 0
    prepare_root
    local module attempt
    for module in registry-service migration-service assessment-service gateway; do
        for attempt in 1 2 3; do
            rm -rf "$stack_root/$module"
            mkdir -p "$stack_root/$module/target"
            if cp -rp "$repo/$module/target/quarkus-app" "$stack_root/$module/target/" 2>/dev/null \
                && [ -f "$stack_root/$module/target/quarkus-app/quarkus-run.jar" ]; then
                break
            fi
            log "copying $module/target/quarkus-app failed (a rebuild in progress?); again in 10 s"
            sleep 10
        done
    done
}

stack() {
    prepare_root
    (cd "$stack_root" && java -cp "$stack_jar:$repo/deploy/stack/target/lib/*" org.liudong.stack.Stack "$@" </dev/null)
}

# Starts the bench stack's PostgreSQL, Kafka (and Keycloak) with no data: every run measures the same empty
# databases and topics, not what earlier runs left (the bench county grew with each run, and its indicator reads
# with it). BENCH_KEEP_DATA=true keeps the data.
fresh_infra() {
    if [ "$BENCH_STACK" = isolated ] && [ "${BENCH_KEEP_DATA:-false}" != true ]; then
        stack down >/dev/null 2>&1 || true
        rm -rf "${stack_root:?}/deploy/.local/postgres" "${stack_root:?}/deploy/.local/kafka"
    fi
    stack infra
}

check_built() {
    local missing=()
    [ -f "$stack_jar" ] || missing+=(deploy/stack)
    for module in registry-service migration-service assessment-service gateway; do
        [ -f "$repo/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Not built: ${missing[*]}; build with ./mvnw -DskipTests install" >&2
        exit 1
    fi
}

pid_of() { # component -> pid from the stack's pid file, empty when none
    sed -n 's/^pid=//p' "$stack_root/deploy/.local/pids/$1.pid" 2>/dev/null || true
}

token() { # user, or integrator-<county> for the machine client -> access token
    case $1 in
        integrator-*) curl -sf --max-time 20 -d grant_type=client_credentials -d client_id="$1" -d client_secret=demo \
            "$token_url" ;;
        *) curl -sf --max-time 20 -d grant_type=password -d client_id=liudong-cli -d username="$1" -d password=demo \
            "$token_url" ;;
    esac | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

ready_ms() { # url timeout_s -> prints ms until /q/health/ready answers 200, fails on timeout
    local url=$1 limit=$2 begin now
    begin=$(date +%s%3N)
    while :; do
        curl -sf -o /dev/null --max-time 2 "$url/q/health/ready" && break
        now=$(date +%s%3N)
        [ $(( now - begin )) -lt $(( limit * 1000 )) ] || return 1
        sleep 0.05
    done
    echo $(( $(date +%s%3N) - begin ))
}
