#!/usr/bin/env bash
# The "app" command of infra/cdk.json: runs handoff.infra.HandoffApp on a JDK >= 21.
# The CDK CLI calls this with plain `java` on PATH possibly being 17, which cannot load Java 21
# classes, so tools/find-java.sh picks a JDK >= 21.
# Needs a prior `./mvnw -pl functions,infra -am package` (synth.sh does that): it writes
# infra/target/classes and infra/target/classpath.txt, and the functions jar the stack deploys.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

java_bin="$("$here/../tools/find-java.sh")"
classes="$here/target/classes"
classpath_file="$here/target/classpath.txt"
if [[ ! -d "$classes" || ! -f "$classpath_file" ]]; then
  echo "cdk-app.sh: $classes or $classpath_file missing; run ./mvnw -pl functions,infra -am package -DskipTests" >&2
  exit 1
fi
exec "$java_bin" -cp "$classes:$(cat "$classpath_file")" handoff.infra.HandoffApp "$@"
