#!/usr/bin/env bash
# Runs every test of the solution, as CI does, and ends with one line:
#   N passed, N failed, N skipped
# Installs the Debian packages the tests need when they are missing (run as root), or says
# exactly which to install. The kernel-in-the-loop GPIO tests need a small gpio-sim kernel that is
# built once (~4 min on 2 cores) and cached in /var/cache/terminal-gpio-sim.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Real peers of the tests: Mosquitto and its clients, openssl (test CAs), gcc (the GPIO ABI probe),
# lintian/dpkg/fakeroot/systemd-analyze (the package and unit), the voice prompts and the ALSA tap that
# hears them (espeak-ng, libasound2, sox, alsa-utils' aplay for the benchmark baseline), and the
# gpio-sim kernel's build and qemu, and the browser that shows the front panel (Chromium; the CJK fonts
# make the screenshots readable). The arm64 package runs under qemu user-mode emulation with arm64
# libraries from multiarch, and the GPIO ABI probe is cross-compiled for aarch64 and armhf
# (Terminal.Deploy.Tests, Emulated/). mkfs.ext4 (e2fsprogs) and curl: the power-cut harness (its
# guest disk, its load).
PACKAGES="mosquitto mosquitto-clients openssl gcc libc6-dev lintian dpkg-dev fakeroot systemd
  espeak-ng libasound2 sox alsa-utils chromium fonts-noto-cjk
  linux-source-6.1 build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils qemu-system-x86 busybox-static
  qemu-user-static gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf libc6:arm64 libstdc++6:arm64 libssl3:arm64
  e2fsprogs curl"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    case "$missing" in
      *:arm64*) dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64 || exit 2 ;;
    esac
    apt-get -o DPkg::Lock::Timeout=600 update -qq || exit 2
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null || exit 2
  else
    echo "test.sh: missing Debian packages. Run this script as root, or first:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 2
  fi
fi

echo "== gpio-sim kernel (cached after the first build)"
tests/gpio-sim/build-kernel.sh >/dev/null || { echo "test.sh: building the gpio-sim kernel failed" >&2; exit 2; }

echo "== build"
dotnet build Terminal.sln -c Release -nologo -clp:NoSummary -v:q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

echo "== test"
log=$(mktemp)
# One test assembly at a time (-m:1): the end-to-end, broker-restart and qemu tests are timing-
# sensitive real-peer tests, and 2 cores shared by seven assemblies make them flaky for no gain.
dotnet test Terminal.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly, e.g. "Passed!  - Failed: 0, Passed: 22, Skipped: 0, Total: 22".
sum() { grep -E '^(Passed|Failed)!' "$log" | sed -E "s/.*$1: +([0-9]+).*/\1/" | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
assemblies=$(ls tests/*.Tests/*.csproj | wc -l)
reported=$(grep -cE '^(Passed|Failed)!' "$log")
if [ "$reported" -lt "$assemblies" ]; then
  echo "test.sh: only $reported of $assemblies test assemblies reported a result (a test host crashed or aborted)" >&2
  failed=$((failed + assemblies - reported))
fi
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
