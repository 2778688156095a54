# Sourced by build-package.sh: how each package's tree is made. Uses $repo, $here, $work,
# $version, $dotnet_version, $update_key and $ready_to_run from the caller.

# .NET runtime identifier of a Debian architecture (self-contained packages only).
rid_of() { case "$1" in arm64) echo linux-arm64 ;; amd64) echo linux-x64 ;; esac; }

# dotnet publish of terminalctl, then the host, into one directory: they share the runtime files.
# The host last: in the self-contained packages its publish is one composite image of the runtime,
# ASP.NET Core and our assemblies (src/Terminal.Host/ReadyToRunComposite.targets), whose framework
# files point into that image; terminalctl runs on them too, its own assemblies compiled apart.
publish_release() {
    local arch=$1 dir=$2 project mode
    if [ "$arch" = all ]; then
        # No RuntimeIdentifier: portable output, runtimes/<rid>/native/libe_sqlite3.so for each Pi.
        # No apphost: both programs start through /usr/bin/dotnet (launchers below).
        mode=(-p:UseAppHost=false)
    else
        # The runtime and ASP.NET Core come from NuGet's runtime packs; ReadyToRun compiles them
        # with our assemblies so a Pi Zero 2 W does not JIT at start.
        mode=(-r "$(rid_of "$arch")" --self-contained -p:PublishReadyToRun="$ready_to_run")
    fi
    for project in Terminal.Cli Terminal.Host; do
        dotnet publish "$repo/src/$project" -c Release -o "$dir" "${mode[@]}" \
            -p:Version="$dotnet_version" -p:SatelliteResourceLanguages=en \
            --artifacts-path "$work/artifacts-$arch" -nodeReuse:false -nologo -v quiet >&2 || return 1
    done
}

# /opt/terminal/releases/<version>: the published programs, without what a device never uses.
lay_out_release() {
    local arch=$1 publish=$2 release=$3
    install -d -m 0755 "$release"
    cp -r "$publish/." "$release/"
    "$here/voice/make-prompts.sh" "$release/voice" >&2 || return 1  # the shipped Mandarin prompts (docs/configuration.md#voice)
    # Debug symbols and XML docs are not needed on the device.
    find "$release" \( -name '*.pdb' -o -name '*.xml' \) -delete
    # System.IO.Ports comes with Iot.Device.Bindings; no reader here is serial (SPI, I2C, evdev), so
    # its native part (one .so per architecture) would be dead weight. A serial reader must keep it.
    find "$release" -name 'libSystem.IO.Ports.Native.so' -delete
    find "$release" -type d -exec chmod 0755 {} +
    find "$release" -type f -exec chmod 0644 {} +
    if [ "$arch" = all ]; then
        # Only the Linux native libraries of the boards we run on.
        find "$release/runtimes" -mindepth 1 -maxdepth 1 -type d \
            ! -name linux-x64 ! -name linux-arm64 ! -name linux-arm -exec rm -rf {} + 2>/dev/null || true
        # The unit and /usr/bin/terminalctl start <release>/terminal and <release>/terminalctl in
        # every package; here they hand over to the installed runtime, pinned to this release.
        for program in terminal terminalctl; do
            printf '#!/bin/sh\n# Portable release: run by the installed .NET runtime (aspnetcore-runtime-10.0).\nexec /usr/bin/dotnet "$(dirname "$(readlink -f "$0")")/%s.dll" "$@"\n' \
                "$program" > "$release/$program"
        done
    else
        # Left out (3.3 MB on arm64 before compression): the debugger and dump support
        # (createdump, libmscordaccore, libmscordbi), LTTng tracing (libcoreclrtraceptprovider,
        # which needs liblttng-ust), and the standalone GCs picked only by DOTNET_GCName.
        rm -f "$release/createdump" "$release/libmscordaccore.so" "$release/libmscordbi.so" \
            "$release/libcoreclrtraceptprovider.so" "$release/libclrgc.so" "$release/libclrgcexp.so"
    fi
    chmod 0755 "$release/terminal" "$release/terminalctl"
}

# Everything outside /opt: units, scripts, manuals, documentation.
lay_out_system() {
    local arch=$1 root=$2 doc="$2/usr/share/doc/terminal"
    install -D -m 0644 "$here/terminal.service" "$root/usr/lib/systemd/system/terminal.service"
    install -D -m 0644 "$here/terminal-firstboot.service" "$root/usr/lib/systemd/system/terminal-firstboot.service"
    install -D -m 0644 "$here/terminal-update-request.path" "$root/usr/lib/systemd/system/terminal-update-request.path"
    install -D -m 0644 "$here/terminal-update-request.service" "$root/usr/lib/systemd/system/terminal-update-request.service"
    # Optional, not enabled: the front panel in Chromium on the device's screen (deploy/README.md).
    install -D -m 0644 "$here/terminal-kiosk.service" "$root/usr/lib/systemd/system/terminal-kiosk.service"
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
    install -D -m 0644 "$here/debian/copyright" "$doc/copyright"
    install -D -m 0644 "$here/README.md" "$doc/README.md"
    sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(LC_ALL=C date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")/" \
        "$here/debian/changelog" | gzip -9n > "$doc/changelog.gz"
    chmod 0644 "$doc/changelog.gz"
    local kind=self-contained
    [ "$arch" != all ] || kind=all
    install -d -m 0755 "$root/usr/share/lintian/overrides"
    cat "$here/debian/lintian-overrides" "$here/debian/lintian-overrides.$kind" > "$root/usr/share/lintian/overrides/terminal"
    chmod 0644 "$root/usr/share/lintian/overrides/terminal"
    find "$root" -type d -exec chmod 0755 {} +
}

# What the package needs from the system besides itself.
depends_of() {
    # libasound: the voice (Audio/AlsaVoicePlayer loads it at run time, so no NEEDED entry shows it).
    local common="adduser, openssl, init-system-helpers (>= 1.54), libasound2 | libasound2t64"
    if [ "$1" = all ]; then
        echo "aspnetcore-runtime-10.0, $common"
    else
        # The NEEDED entries of the runtime's ELF files (libc, libstdc++, libgcc_s) and what it
        # loads with dlopen for TLS (libssl; libssl3t64 on Debian 13). No libicu: the programs
        # run with InvariantGlobalization (Directory.Build.props).
        echo "libc6, libgcc-s1, libstdc++6, libssl3 | libssl3t64, $common"
    fi
}

# DEBIAN/: control, maintainer scripts, md5sums.
write_control() {
    local arch=$1 root=$2 size script
    install -d -m 0755 "$root/DEBIAN"
    size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
    sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$(depends_of "$arch")/" \
        "$here/debian/control.in" > "$root/DEBIAN/control"
    for script in postinst prerm postrm; do
        sed "s/@VERSION@/$version/" "$here/debian/$script" > "$root/DEBIAN/$script"
        chmod 0755 "$root/DEBIAN/$script"
    done
    (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
    chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
}
