#!/usr/bin/env bash
# Builds target/dist/nightwatch_<version>_<arch>.deb from target/nightwatch.jar (run `./mvnw -DskipTests package` first).
# jpackage makes the .deb (bundled Java runtime under /opt/nightwatch); JDK 17's jpackage cannot place files outside
# /opt, so the desktop entry, icons, user unit, completions and man pages are added to its tree and the .deb rebuilt.
# Needs: a JDK with jpackage, fakeroot, dpkg-deb, asciidoctor (man pages from picocli's ManPageGenerator).
#
# NIGHTWATCH_JAVA_OPTIONS: JVM options baked into the launcher (default: packaging/jvm-options, measured in
# docs/benchmarks.md — a small heap, the serial GC, C2 only for hot code, for a window that idles all night).
# NIGHTWATCH_SERVE_JAVA_OPTIONS: those of the nightwatch-serve launcher, which /usr/bin/nightwatch starts for `serve`
# (default: packaging/serve-jvm-options — the same cap and collector, the JIT's own thresholds, for a webhook storm).
# Metadata: packaging/deb-metadata.env.
# NIGHTWATCH_DEB_COMPRESSION: xz (default, smallest) or gzip (faster; the package test uses it).
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
. packaging/deb-metadata.env
JAVA_OPTIONS=${NIGHTWATCH_JAVA_OPTIONS:-$(grep -v '^#' packaging/jvm-options | tr '\n' ' ')}
SERVE_JAVA_OPTIONS=${NIGHTWATCH_SERVE_JAVA_OPTIONS:-$(grep -v '^#' packaging/serve-jvm-options | tr '\n' ' ')}
JAR=target/nightwatch.jar
CODEGEN=target/packaging-tools/picocli-codegen.jar
WORK=target/deb-work
DIST=${NIGHTWATCH_DEB_DIST:-target/dist}

for f in "$JAR" "$CODEGEN"; do
  [ -f "$f" ] || { echo "build-deb: $f is missing: run ./mvnw -DskipTests package" >&2; exit 1; }
done
for tool in jpackage fakeroot dpkg-deb asciidoctor gzip; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (Debian: apt-get install fakeroot asciidoctor; jpackage comes with the JDK)" >&2; exit 1; }
done

# Version as the jar reports it; Debian orders 0.1.0~SNAPSHOT before 0.1.0. jpackage wants digits only.
VERSION=$(java -jar "$JAR" --version | sed -n 's/^nightwatch \([0-9][^[:space:]]*\)$/\1/p')
[ -n "$VERSION" ] || { echo "build-deb: $JAR does not say its version (nightwatch --version)" >&2; exit 1; }
NUMERIC=${VERSION%%-*}
DEB_VERSION=${VERSION/-/\~}
MAINTAINER_ADDRESS=${NIGHTWATCH_MAINTAINER##*<}
MAINTAINER_ADDRESS=${MAINTAINER_ADDRESS%>}

rm -rf "$WORK"
mkdir -p "$WORK/input" "$WORK/jpackage" "$WORK/adoc" "$WORK/man" "$DIST"
cp "$JAR" "$WORK/input/"
read -r -a java_option_words <<<"$JAVA_OPTIONS"
java_options=()
for w in "${java_option_words[@]}"; do java_options+=(--java-options "$w"); done
# A second launcher, bin/nightwatch-serve: the same program; its options replace the main launcher's.
read -r -a serve_option_words <<<"$SERVE_JAVA_OPTIONS"
printf 'java-options=%s\n' "${serve_option_words[*]}" >"$WORK/nightwatch-serve.properties"

echo "build-deb: jpackage (a few minutes on two cores)"
jpackage --type deb --name nightwatch --app-version "$NUMERIC" \
  --input "$WORK/input" --main-jar nightwatch.jar --main-class io.nightwatch.Nightwatch \
  --icon packaging/icons/nightwatch.png --dest "$WORK/jpackage" \
  --description "Operations console for a Docker-run observability stack" \
  --vendor "$NIGHTWATCH_VENDOR" --copyright "$NIGHTWATCH_LICENSE" --about-url "$NIGHTWATCH_HOMEPAGE" \
  --linux-package-name nightwatch --linux-deb-maintainer "$MAINTAINER_ADDRESS" \
  --linux-app-category admin \
  --add-launcher nightwatch-serve="$WORK/nightwatch-serve.properties" \
  "${java_options[@]}"

ROOT="$WORK/root"
dpkg-deb -R "$WORK"/jpackage/nightwatch_*.deb "$ROOT"

echo "build-deb: completion and man pages (picocli)"
mkdir -p "$ROOT/usr/bin" "$ROOT/usr/share/bash-completion/completions" "$ROOT/usr/share/zsh/vendor-completions" \
  "$ROOT/usr/share/man/man1" "$ROOT/usr/share/applications" "$ROOT/usr/lib/systemd/user" \
  "$ROOT/usr/share/icons/hicolor/256x256/apps" "$ROOT/usr/share/icons/hicolor/scalable/apps"
java -cp "$JAR" picocli.AutoComplete --force --name nightwatch \
  --completionScript "$ROOT/usr/share/bash-completion/completions/nightwatch" io.nightwatch.cli.NightwatchCommand
# A wide usage width keeps picocli from wrapping the synopsis inside a label (HOST:PORT); groff reflows it.
java -Dpicocli.usage.width=400 -cp "$JAR:$CODEGEN" picocli.codegen.docgen.manpage.ManPageGenerator --outdir "$WORK/adoc" io.nightwatch.cli.NightwatchCommand
asciidoctor --backend manpage --destination-dir "$WORK/man" "$WORK"/adoc/*.adoc
for page in "$WORK"/man/*.1; do gzip -9n <"$page" >"$ROOT/usr/share/man/man1/$(basename "$page").gz"; done

# jpackage's own menu entry (installed by maintainer scripts through xdg-utils) gives way to ours; dpkg's triggers
# refresh the menu, icon and man caches, so the package needs no maintainer scripts at all.
# The receiver's launcher is no menu entry at all.
rm -f "$ROOT"/DEBIAN/preinst "$ROOT"/DEBIAN/postinst "$ROOT"/DEBIAN/prerm "$ROOT"/DEBIAN/postrm \
  "$ROOT/opt/nightwatch/lib/nightwatch-nightwatch.desktop" "$ROOT/opt/nightwatch/lib/nightwatch-nightwatch-serve.desktop" \
  "$ROOT/opt/nightwatch/lib/nightwatch-serve.png"
mkdir -p "$ROOT/usr/share/doc/nightwatch"
printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: nightwatch\nSource: %s\n\nFiles: *\nCopyright: %s\nLicense: %s\n' \
  "$NIGHTWATCH_HOMEPAGE" "$NIGHTWATCH_VENDOR" "$NIGHTWATCH_LICENSE" >"$ROOT/usr/share/doc/nightwatch/copyright"
install -m 0755 packaging/nightwatch-launcher.sh "$ROOT/usr/bin/nightwatch"
install -m 0644 packaging/_nightwatch "$ROOT/usr/share/zsh/vendor-completions/_nightwatch"
install -m 0644 packaging/nightwatch.desktop "$ROOT/usr/share/applications/nightwatch.desktop"
install -m 0644 packaging/nightwatch-serve.service "$ROOT/usr/lib/systemd/user/nightwatch-serve.service"
install -m 0644 packaging/icons/nightwatch.png "$ROOT/usr/share/icons/hicolor/256x256/apps/nightwatch.png"
install -m 0644 packaging/icons/nightwatch.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/nightwatch.svg"

# Control: jpackage's Depends (from the runtime's libraries) stay; the window needs GTK 3, the CLI does not.
CONTROL="$ROOT/DEBIAN/control"
installed_kb=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -i -e "s/^Version:.*/Version: $DEB_VERSION/" -e "s/^Installed-Size:.*/Installed-Size: $installed_kb/" \
  -e "s|^Maintainer:.*|Maintainer: $NIGHTWATCH_MAINTAINER|" -e '/^Homepage:/d' -e '/^Recommends:/d' -e '/^Suggests:/d' \
  -e 's/, xdg-utils//; s/xdg-utils, //' "$CONTROL"
sed -i "/^Depends:/a Recommends: libgtk-3-0\nSuggests: docker.io\nHomepage: $NIGHTWATCH_HOMEPAGE" "$CONTROL"
rm -f "$ROOT/DEBIAN/md5sums"
(cd "$ROOT" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$ROOT/DEBIAN/md5sums"

DEB="$DIST/nightwatch_${DEB_VERSION}_$(dpkg --print-architecture).deb"
rm -f "$DEB"
dpkg-deb --root-owner-group "-Z${NIGHTWATCH_DEB_COMPRESSION:-xz}" --build "$ROOT" "$DEB" >/dev/null
echo "build-deb: built $DEB"
