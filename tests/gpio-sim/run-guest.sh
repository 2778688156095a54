#!/bin/sh
# Boots the gpio-sim test kernel under qemu and runs WORKDIR/guest-cmd.sh inside it, chrooted into
# the host's root filesystem (read-only) with WORKDIR mounted read-write at the same path.
# usage: run-guest.sh BZIMAGE WORKDIR     exit status: the guest command's (125: no status came back)
# env:   GUEST_TIMEOUT seconds (default 600), SMP (1), MEM (2048), QEMU_ACCEL (tcg: no KVM on CI VMs)
#        GUEST_DISK: a raw disk image attached as /dev/vda (virtio-blk, cache=unsafe: see power-cut/README.md)
#        QEMU_PIDFILE: where qemu writes its pid (the power-cut harness kills it with SIGKILL)
# Cost: ~2 s boot + the command (~5 s for a small .NET program under TCG).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
KERNEL=$1
WD=$(cd "$2" && pwd)
rm -f "$WD/guest-rc"

# The initramfs is tiny (busybox + init): rebuilt per run, so init changes never need a kernel build.
R=$(mktemp -d)
trap 'rm -rf "$R"' EXIT
mkdir -p "$R/bin" "$R/proc" "$R/sys" "$R/dev" "$R/host"
cp /bin/busybox "$R/bin/"
for a in sh mount mkdir cat echo chroot grep cut tr reboot ifconfig sync; do ln -s busybox "$R/bin/$a"; done
install -m 755 "$HERE/init" "$R/init"
(cd "$R" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$R.cpio.gz"
mv "$R.cpio.gz" "$R/initramfs.cpio.gz"

set --
[ -n "${GUEST_DISK:-}" ] && set -- "$@" -drive "file=$GUEST_DISK,format=raw,if=virtio,cache=unsafe"
[ -n "${QEMU_PIDFILE:-}" ] && set -- "$@" -pidfile "$QEMU_PIDFILE"
timeout "${GUEST_TIMEOUT:-600}" qemu-system-x86_64 "$@" -accel "${QEMU_ACCEL:-tcg}" -cpu max -smp "${SMP:-1}" -m "${MEM:-2048}" \
  -nic none -nographic -no-reboot -kernel "$KERNEL" -initrd "$R/initramfs.cpio.gz" \
  -append "console=ttyS0 panic=-1 quiet gpiosim.workdir=$WD" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$WD",mount_tag=work,security_model=none,multidevs=remap </dev/null || true
exit "$(cat "$WD/guest-rc" 2>/dev/null || echo 125)"
