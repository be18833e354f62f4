#!/usr/bin/env bash
# Builds the functions and the bench, then prints the cold-start and warm-latency report
# (also written to bench/target/report.txt).   bench/run.sh [rounds] [requests]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests
java="$(tools/find-java.sh)"
# events/ on the classpath, as the tests load it, so the probes use the same sample events.
classpath="bench/target/classes:$(cat bench/target/classpath.txt):$root"
exec "$java" -cp "$classpath" handoff.bench.Bench "$java" "$classpath" "${1:-5}" "${2:-300}" 2>/dev/null
