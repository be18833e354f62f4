#!/usr/bin/env bash
# Runs the whole Handoff service on localhost: the real handlers behind a local HTTP server, DynamoDB
# Local and ElasticMQ in-process, a dev OpenID issuer, the session worker and the expiry sweeper.
# Builds the runnable jar first if it is missing or older than the sources. Arguments go to the runner:
#   ./run-local.sh                       # http://localhost:8080, data in memory
#   ./run-local.sh --port 0 --data-dir .local-data --info-file /tmp/handoff.json
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/local/target/handoff-local.jar"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$root"/{names,embedded-aws,functions,local}/src "$root"/pom.xml -newer "$jar" -type f -print -quit)" ]]; then
  echo "Building the local runner (first run downloads dependencies)..." >&2
  (cd "$root" && ./mvnw -q -B -pl local -am package -DskipTests)
fi
exec "$("$root/tools/find-java.sh")" -jar "$jar" "$@"
