#!/usr/bin/env bash
# Builds a tiny image without a registry: a rootfs with BINARY (and any EXTRA_PATH, each with the
# shared libraries ldd lists), a static busybox for sh/wget/..., and minimal /etc files, then
# `docker import`s it as local/NAME:TAG. The engine is the one DOCKER_HOST points at.
#
# usage: make-image.sh NAME TAG BINARY [EXTRA_PATH...]
#   EXTRA_PATH: files or directories copied to the same path inside the image.
#   IMAGE_CHANGES (env, optional): extra Dockerfile instructions for `docker import -c`, one a line
#   (e.g. ENTRYPOINT ["/usr/bin/prometheus"]).
#   SHELL_TOOLS (env, optional): all (default: busybox with every applet linked), sh (lean: busybox as
#   /bin/busybox with the single link /bin/sh; no rm, df, chown binaries) or none (no shell at all).
#   OWNED_DIRS (env, optional): space-separated PATH:UID:GID directories created with that owner
#   (a data directory a non-root service writes; a new named volume copies it).
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "usage: $0 NAME TAG BINARY [EXTRA_PATH...]" >&2
  exit 2
fi
name=$1; tag=$2; binary=$3; shift 3
docker_cli=${DOCKER_CLI:-/usr/bin/docker}
busybox_bin=${BUSYBOX:-/bin/busybox}

work=$(mktemp -d "${TMPDIR:-/tmp}/nw-image-XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{bin,usr/bin,etc,dev,proc,sys,root,run,var/tmp}
install -d -m 1777 "$root/tmp"

# Copy one path to the same place in the rootfs, following symlinks (redis-server is a symlink
# to redis-check-rdb on Debian, and argv[0] decides what it does, so the name must stay).
copy_path() {
  local src=$1
  if [ -d "$src" ]; then
    mkdir -p "$root$src"
    cp -a "$src/." "$root$src/"
  else
    mkdir -p "$root$(dirname "$src")"
    cp -L "$src" "$root$src"
  fi
}

# Copy a file plus every library ldd resolves for it (also the loader), keeping their paths.
copy_with_libs() {
  local file=$1
  copy_path "$file"
  [ -f "$file" ] || return 0
  # ldd exits non-zero for static binaries and non-ELF files: nothing to add then.
  local libs
  libs=$(ldd "$file" 2>/dev/null | grep -oE '/[^ ]+' || true)
  local lib
  for lib in $libs; do
    [ -e "$lib" ] || continue
    [ -e "$root$lib" ] || copy_path "$lib"
  done
}

copy_with_libs "$binary"
for extra in "$@"; do
  if [ -d "$extra" ]; then copy_path "$extra"; else copy_with_libs "$extra"; fi
done

# busybox-static gives the shell and the tools healthchecks and `docker exec` probes need.
# Link every applet, but never over a real file we copied.
shell_tools=${SHELL_TOOLS:-all}
case "$shell_tools" in
  all)
    copy_with_libs "$busybox_bin"   # the static build has no libraries; a dynamic one brings its own
    [ "$busybox_bin" = /bin/busybox ] || cp -L "$busybox_bin" "$root/bin/busybox"
    # Debian's busybox (1.35) segfaults on `wget -T N` (exit 139), unlike the busybox of the real images.
    # It is left as it is on purpose: Nightwatch's exec probe must cope with such images.
    for applet in $("$busybox_bin" --list); do
      case "$applet" in busybox|*/*) continue ;; esac
      [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
    done
    for required in sh wget cat ls sleep ps kill; do
      [ -e "$root/bin/$required" ] || { echo "busybox lacks $required" >&2; exit 1; }
    done
    ;;
  sh)
    # As lean images meet us: a shell, no tool binaries (Debian's static busybox still runs its applets from sh).
    cp -L "$busybox_bin" "$root/bin/busybox"
    ln -s busybox "$root/bin/sh"
    ;;
  none) ;;
  *) echo "SHELL_TOOLS must be all, sh or none" >&2; exit 2 ;;
esac

for owned in ${OWNED_DIRS:-}; do
  dir=${owned%%:*}; ids=${owned#*:}
  mkdir -p "$root$dir"
  chown "$ids" "$root$dir"
done

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
nobody:x:65534:
nogroup:x:65534:
GROUP
cat > "$root/etc/hosts" <<'HOSTS'
127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
HOSTS
cat > "$root/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS

changes=(-c 'ENV PATH=/bin:/usr/bin')
if [ -n "${IMAGE_CHANGES:-}" ]; then
  while IFS= read -r line; do
    [ -n "$line" ] && changes+=(-c "$line")
  done <<<"$IMAGE_CHANGES"
fi

tar --numeric-owner -C "$root" -c . | "$docker_cli" import "${changes[@]}" - "local/$name:$tag" >/dev/null
echo "local/$name:$tag"
