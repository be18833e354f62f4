#!/usr/bin/env bash
# The "app" command of infra/cdk.json: runs handoff.infra.HandoffApp on a JDK >= 21.
# The CDK CLI calls this with plain `java` on PATH possibly being 17, which cannot load Java 21
# classes, so pick a JDK here: $JAVA_HOME if it is >= 21, else the first JDK >= 21 under /usr/lib/jvm.
# Needs a prior `./mvnw -pl functions,infra -am package` (synth.sh does that): it writes
# infra/target/classes and infra/target/classpath.txt, and the functions jar the stack deploys.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

java_major() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 \
    | awk -F. '{ print ($1 == "1") ? $2 : $1 }' || echo 0
}

pick_java() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$(command -v java || true)"; do
    [[ -x "$candidate" ]] || continue
    if (( $(java_major "$candidate") >= 21 )); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

java_bin="$(pick_java)" || { echo "cdk-app.sh: no JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
classes="$here/target/classes"
classpath_file="$here/target/classpath.txt"
if [[ ! -d "$classes" || ! -f "$classpath_file" ]]; then
  echo "cdk-app.sh: $classes or $classpath_file missing; run ./mvnw -pl functions,infra -am package -DskipTests" >&2
  exit 1
fi
exec "$java_bin" -cp "$classes:$(cat "$classpath_file")" handoff.infra.HandoffApp "$@"
