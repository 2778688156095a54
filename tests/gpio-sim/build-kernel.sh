#!/bin/sh
# Builds the gpio-sim test kernel once and caches it OUTSIDE the checkout.
# usage: build-kernel.sh            prints the path of the cached bzImage on stdout (last line)
# env:   GPIO_SIM_CACHE (default /var/cache/terminal-gpio-sim)
# The cache key is the hash of kernel.config and RECIPE (bump it when the build steps change);
# a build costs ~3.5 min on 2 cores (Linux 6.1 tinyconfig + kernel.config), a cache hit ~0 s.
# Debian's stock kernels lack CONFIG_GPIO_SIM, hence our own tiny kernel.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${GPIO_SIM_CACHE:-/var/cache/terminal-gpio-sim}
RECIPE=1
KEY=$( (cat "$HERE/kernel.config"; echo "recipe=$RECIPE") | sha256sum | cut -c1-16)
OUT="$CACHE/$KEY"
if [ -f "$OUT/bzImage" ]; then echo "$OUT/bzImage"; exit 0; fi

# apt packages the harness needs (the build runs as root on CI and dev machines).
PKGS="linux-source-6.1 build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils qemu-system-x86 busybox-static"
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
fi

mkdir -p "$CACHE"
# One builder at a time; a second caller waits and then finds the cached image.
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$OUT/bzImage" ]; then echo "$OUT/bzImage"; exit 0; fi

WORK="$CACHE/build-$KEY"
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK"
echo "building gpio-sim kernel in $WORK (~3.5 min on 2 cores)" >&2
tar xf /usr/src/linux-source-6.1.tar.xz
cd linux-source-6.1
make -s tinyconfig >&2
./scripts/kconfig/merge_config.sh -m .config "$HERE/kernel.config" >/dev/null
make -s olddefconfig >&2
for o in $(sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=y$/\1/p' "$HERE/kernel.config"); do
  grep -q "^$o=y" .config || { echo "kernel config option $o did not stick" >&2; exit 1; }
done
make -s -j"$(nproc)" bzImage >&2
mkdir -p "$OUT.tmp"
cp arch/x86/boot/bzImage "$OUT.tmp/bzImage"
cp .config "$OUT.tmp/config"
rm -rf "$OUT"; mv "$OUT.tmp" "$OUT"
cd "$CACHE"; rm -rf "$WORK"
echo "$OUT/bzImage"
