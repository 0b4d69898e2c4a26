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
# With -am the common modules come from this tree (their target/classes), not from whatever an
# earlier `mvn install` left in ~/.m2; each module writes the file, lead-service (built last) wins.
mvn -B -q -ntp -pl lead-service -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/test.cp" >/dev/null
mvn -B -q -ntp -pl lead-service -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/runtime.cp" >/dev/null
service_cp="$PWD/lead-service/target/classes:$(cat "$work/runtime.cp")"
bench_cp="$PWD/lead-service/target/test-classes:$PWD/lead-service/target/classes:$(cat "$work/test.cp")"
java -Xmx2g -Dbench.service.classpath="$service_cp" -cp "$bench_cp" \
  "com.chosencrm.lead.bench.$main" "$@"
