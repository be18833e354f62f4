#!/usr/bin/env bash
# Builds the functions jar and the CDK app, installs the pinned CDK CLI into infra/node_modules
# (gitignored) and synthesizes the stack into infra/cdk.out. Works offline apart from Maven Central
# and the npm registry, needs no AWS account, and works when the default `java` is 17.
#   infra/synth.sh                      # stage "dev"
#   infra/synth.sh -c stage=prod -c alarmEmail=ops@example.com
# Set SKIP_BUILD=1 to reuse what the last Maven build produced.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# aws-cdk-lib 2.263.0 writes cloud-assembly schema 54, which needs CLI >= 2.1134.0. npm's "latest"
# tag points at 3.0.0, an older release (schema <= 43) that refuses this assembly.
CDK_CLI_VERSION="${CDK_CLI_VERSION:-2.1148.1}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && ./mvnw -q -pl functions,infra -am package -DskipTests)
fi

cli="$here/node_modules/.bin/cdk"
if [[ ! -x "$cli" ]] || [[ "$("$cli" --version 2>/dev/null | awk '{print $1}')" != "$CDK_CLI_VERSION" ]]; then
  npm install --prefix "$here" --no-save --no-audit --no-fund --loglevel=error "aws-cdk@$CDK_CLI_VERSION"
fi

cd "$here"
# No account or region lookups, no notices, no telemetry: synth must not need the network or AWS.
export AWS_EC2_METADATA_DISABLED=true CDK_DISABLE_CLI_TELEMETRY=true
exec "$cli" synth --quiet --no-notices "$@"
