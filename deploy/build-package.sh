#!/bin/bash
# Builds the Debian package terminal_<version>_all.deb (SPEC §7): the host and terminalctl as
# portable, framework-dependent IL (native SQLite for linux-x64/arm64/arm inside), the hardened
# systemd units, the update and first-boot scripts, and maintainer scripts.
#
#   deploy/build-package.sh [--out DIR] [--version V] [--update-key PUBLIC.pem] [--publish-dir DIR]
#
#   --out DIR            where the .deb goes (default: ./artifacts/deb)
#   --version V          package version (default: <Version> in Directory.Build.props)
#   --update-key FILE    ECDSA P-256 public key (PEM) that terminal-update trusts; installed as
#                        /usr/share/terminal/update-key.pem (without it, updates need --key)
#   --publish-dir DIR    reuse an existing publish output instead of running dotnet publish
#
# Exit codes: 0 built (prints the path of the .deb), 1 build failed, 2 bad arguments.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out="$repo/artifacts/deb"
version=""
update_key=""
publish_dir=""

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=${2:?--out needs a directory}; shift 2 ;;
        --version) version=${2:?--version needs a value}; shift 2 ;;
        --update-key) update_key=${2:?--update-key needs a file}; shift 2 ;;
        --publish-dir) publish_dir=${2:?--publish-dir needs a directory}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build-package.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

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
root="$work/root"
release="$root/opt/terminal/releases/$version"

if [ -z "$publish_dir" ]; then
    publish_dir="$work/publish"
    # No RuntimeIdentifier: portable output, runtimes/<rid>/native/libe_sqlite3.so for each Pi.
    # No apphost: the package is Architecture: all, both programs start through /usr/bin/dotnet.
    for project in Terminal.Host Terminal.Cli; do
        dotnet publish "$repo/src/$project" -c Release -o "$publish_dir" \
            -p:UseAppHost=false -p:Version="$dotnet_version" -p:SatelliteResourceLanguages=en \
            --artifacts-path "$work/artifacts" -nodeReuse:false -nologo -v quiet >&2 || exit 1
    done
fi
for required in terminal.dll terminalctl.dll; do
    [ -f "$publish_dir/$required" ] || { echo "build-package.sh: $required missing in $publish_dir" >&2; exit 1; }
done

install -d -m 0755 "$release"
cp -r "$publish_dir/." "$release/"
"$here/voice/make-prompts.sh" "$release/voice" >&2 || exit 1  # the shipped Mandarin prompts (SPEC §3.4)
# Debug symbols and XML docs are not needed on the device.
find "$release" \( -name '*.pdb' -o -name '*.xml' \) -delete
# Only the Linux native libraries of the boards we run on.
find "$release/runtimes" -mindepth 1 -maxdepth 1 -type d \
    ! -name linux-x64 ! -name linux-arm64 ! -name linux-arm -exec rm -rf {} + 2>/dev/null || true

install -D -m 0644 "$here/terminal.service" "$root/usr/lib/systemd/system/terminal.service"
install -D -m 0644 "$here/terminal-firstboot.service" "$root/usr/lib/systemd/system/terminal-firstboot.service"
install -D -m 0644 "$here/terminal-update-request.path" "$root/usr/lib/systemd/system/terminal-update-request.path"
install -D -m 0644 "$here/terminal-update-request.service" "$root/usr/lib/systemd/system/terminal-update-request.service"
install -D -m 0755 "$here/terminalctl" "$root/usr/bin/terminalctl"
install -D -m 0755 "$here/terminal-update" "$root/usr/sbin/terminal-update"
install -D -m 0755 "$here/terminal-firstboot" "$root/usr/libexec/terminal/terminal-firstboot"
install -d -m 0755 "$root/usr/share/man/man1" "$root/usr/share/man/man8"
gzip -9n < "$here/man/terminalctl.1" > "$root/usr/share/man/man1/terminalctl.1.gz"
gzip -9n < "$here/man/terminal-update.8" > "$root/usr/share/man/man8/terminal-update.8.gz"
chmod 0644 "$root/usr/share/man/man1/terminalctl.1.gz" "$root/usr/share/man/man8/terminal-update.8.gz"
if [ -n "$update_key" ]; then
    install -D -m 0644 "$update_key" "$root/usr/share/terminal/update-key.pem"
fi

doc="$root/usr/share/doc/terminal"
install -D -m 0644 "$here/debian/copyright" "$doc/copyright"
install -D -m 0644 "$here/README.md" "$doc/README.md"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(LC_ALL=C date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")/" \
    "$here/debian/changelog" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
install -D -m 0644 "$here/debian/lintian-overrides" "$root/usr/share/lintian/overrides/terminal"

find "$root" -type d -exec chmod 0755 {} +
find "$root/opt" -type f -exec chmod 0644 {} +

install -d -m 0755 "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/debian/control.in" > "$root/DEBIAN/control"
for script in postinst prerm postrm; do
    sed "s/@VERSION@/$version/" "$here/debian/$script" > "$root/DEBIAN/$script"
    chmod 0755 "$root/DEBIAN/$script"
done
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$out"
deb="$out/terminal_${version}_all.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "$deb"
