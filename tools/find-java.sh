#!/usr/bin/env bash
# Prints the path of a java binary >= 21: $JAVA_HOME's if it is new enough, else the first one under
# /usr/lib/jvm (or macOS's JavaVirtualMachines), else `java` on PATH. Exits 1 if there is none.
# Our machines default to Java 17, which cannot load the Java 21 classes this project builds.
set -euo pipefail

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 \
    | awk -F. '{ print ($1 == "1") ? $2 : $1 }' || echo 0
}

for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java \
                 /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$(command -v java || true)"; do
  [[ -x "$candidate" ]] || continue
  if (( $(java_major "$candidate") >= 21 )); then
    echo "$candidate"
    exit 0
  fi
done
echo "no JDK >= 21 found: install one (e.g. Temurin 21) or set JAVA_HOME" >&2
exit 1
