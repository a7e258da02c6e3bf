#!/usr/bin/env bash
# Builds a self-contained Linux package (app image, or a .deb with TYPE=deb) from target/nightwatch.jar.
# Needs a JDK with jpackage (17+); run `./mvnw -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${TYPE:-app-image}
VERSION=${VERSION:-0.1.0}
[ -f target/nightwatch.jar ] || { echo "target/nightwatch.jar is missing: run ./mvnw -DskipTests package" >&2; exit 1; }
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp target/nightwatch.jar target/jpackage-input/
jpackage --type "$TYPE" --name Nightwatch --app-version "$VERSION" \
  --input target/jpackage-input --main-jar nightwatch.jar --main-class io.nightwatch.Nightwatch \
  --icon packaging/icons/nightwatch.png --dest target/dist \
  --description "Operations console for a Docker-run observability stack" \
  $(grep -v '^#' packaging/jvm-options | sed 's/^/--java-options /') \
  $( [ "$TYPE" = deb ] && echo --linux-shortcut --linux-menu-group System --linux-app-category admin )
echo "built $(ls target/dist)"
