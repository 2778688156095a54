#!/bin/bash
# Builds the Debian packages of the terminal (SPEC §7), one per architecture asked for:
#   terminal_<version>_arm64.deb, terminal_<version>_amd64.deb   self-contained: the .NET runtime is
#       inside, compiled ahead of time (ReadyToRun); only that architecture's native libraries
#   terminal_<version>_all.deb   portable IL for 32-bit armhf and anything else; needs the .NET 10
#       runtime (aspnetcore-runtime-10.0) installed; native SQLite for linux-x64/arm64/arm inside
# Each carries the hardened systemd units, the update and first-boot scripts and maintainer scripts.
#
#   deploy/build-package.sh [--arch all|arm64|amd64]... [--out DIR] [--version V]
#                           [--update-key PUBLIC.pem] [--publish-dir DIR] [--no-ready-to-run]
#
#   --arch A             a package to build; repeat for several (default: arm64, amd64 and all)
#   --out DIR            where the .debs go (default: ./artifacts/deb)
#   --version V          package version (default: <Version> in Directory.Build.props)
#   --update-key FILE    ECDSA P-256 public key (PEM) that terminal-update trusts; installed as
#                        /usr/share/terminal/update-key.pem (without it, updates need --key)
#   --publish-dir DIR    reuse an existing publish output instead of running dotnet publish
#                        (one --arch only)
#   --no-ready-to-run    self-contained packages without ReadyToRun (JIT at start): only for
#                        the start-up benchmark's comparison, never for devices
#
# Prints the path of each .deb built. Exit codes: 0 built, 1 build failed, 2 bad arguments.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out="$repo/artifacts/deb"
version=""
update_key=""
publish_dir=""
ready_to_run=true
arches=()

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --arch) arches+=("${2:?--arch needs all, arm64 or amd64}"); shift 2 ;;
        --out) out=${2:?--out needs a directory}; shift 2 ;;
        --version) version=${2:?--version needs a value}; shift 2 ;;
        --update-key) update_key=${2:?--update-key needs a file}; shift 2 ;;
        --publish-dir) publish_dir=${2:?--publish-dir needs a directory}; shift 2 ;;
        --no-ready-to-run) ready_to_run=false; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build-package.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

[ ${#arches[@]} -gt 0 ] || arches=(arm64 amd64 all)
for arch in "${arches[@]}"; do
    case "$arch" in all|arm64|amd64) ;; *) echo "build-package.sh: --arch '$arch' is not all, arm64 or amd64" >&2; exit 2 ;; esac
done
if [ -n "$publish_dir" ] && [ ${#arches[@]} -ne 1 ]; then
    echo "build-package.sh: --publish-dir goes with exactly one --arch" >&2
    exit 2
fi
if [ -z "$version" ]; then
    version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n1)
fi
if ! [[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]]; then
    echo "build-package.sh: version '$version' is not a Debian version" >&2
    exit 2
fi
if [ -n "$update_key" ] && ! grep -q "BEGIN PUBLIC KEY" "$update_key"; then
    echo "build-package.sh: --update-key $update_key is not a PEM public key" >&2
    exit 2
fi

# Debian orders 1.0~rc1 before 1.0; SemVer writes the same pre-release as 1.0-rc1.
dotnet_version=${version//\~/-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=deploy/package-layout.sh
. "$here/package-layout.sh"

for arch in "${arches[@]}"; do
    publish="$publish_dir"
    if [ -z "$publish" ]; then
        publish="$work/publish-$arch"
        publish_release "$arch" "$publish" || exit 1
    fi
    for required in terminal.dll terminalctl.dll; do
        [ -f "$publish/$required" ] || { echo "build-package.sh: $required missing in $publish" >&2; exit 1; }
    done
    root="$work/root-$arch"
    lay_out_release "$arch" "$publish" "$root/opt/terminal/releases/$version"
    lay_out_system "$arch" "$root"
    write_control "$arch" "$root"
    mkdir -p "$out"
    deb="$out/terminal_${version}_${arch}.deb"
    dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
    echo "$deb"
done
