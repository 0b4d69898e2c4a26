#!/usr/bin/env bash
# Runs one of lead-service's benchmark mains (lead-service/src/test/java/com/chosencrm/lead/bench):
# compiles the module and its test classes, then starts the harness, which starts embedded
# PostgreSQL 17 and Redis and lead-service itself as a separate JVM (-Xmx256m) on free ports.
# The mains are not tests (surefire runs *Test/*Tests classes only), so bin/test never runs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/lib/jdk.sh

main=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Building lead-service ..."
mvn -B -q -ntp -pl lead-service test-compile -Dspotless.check.skip=true
mvn -B -q -ntp -pl lead-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null
mvn -B -q -ntp -pl lead-service dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/runtime.cp" >/dev/null
service_cp="$PWD/lead-service/target/classes:$(cat "$work/runtime.cp")"
bench_cp="$PWD/lead-service/target/test-classes:$PWD/lead-service/target/classes:$(cat "$work/test.cp")"
java -Xmx2g -Dbench.service.classpath="$service_cp" -cp "$bench_cp" \
  "com.chosencrm.lead.bench.$main" "$@"
