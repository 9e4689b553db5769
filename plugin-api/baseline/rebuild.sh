#!/usr/bin/env bash
# Rebuilds the compatibility baseline of the plugin API from the commit released as 1.0.0, so anyone can check that
# aftersales-plugin-api-1.0.0.jar holds exactly that version's classes. Run from the repository root:
#   plugin-api/baseline/rebuild.sh
# Needs a JDK 21+ and a full clone (the commit below); the build itself never runs this.
set -euo pipefail
RELEASE_COMMIT=b45cc52  # the last commit before the first 1.1 addition (dev.aftersales.api.notify)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$RELEASE_COMMIT" plugin-api/api/src/main/java | tar -x -C "$work"
./mvnw -q -B -pl plugin-api/api dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$work/classpath.txt"
find "$work/plugin-api/api/src/main/java" -name '*.java' | sort > "$work/sources.txt"
javac --release 21 -nowarn -cp "$(cat "$work/classpath.txt")" -d "$work/classes" @"$work/sources.txt"
jar --create --date=2026-01-01T00:00:00Z --file plugin-api/baseline/aftersales-plugin-api-1.0.0.jar \
  -C "$work/classes" .
echo "plugin-api/baseline/aftersales-plugin-api-1.0.0.jar rebuilt from $RELEASE_COMMIT"
