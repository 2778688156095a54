#!/bin/sh
# Bytes written per press, inside the gpio-sim guest (tests/Terminal.PowerCut `wear`): every phase
# runs on the same fresh ext4 disk /dev/vda, and is measured from its write counters
# (/sys/block/vda/stat) between two syncs, so writes the kernel defers (shared memory, inode
# times, the ext4 journal) are counted with the presses that caused them. Results: wear.out (9p).
#
# boot.env: PRESSES, INTERVAL_MS (a press every INTERVAL_MS in every phase).
set -u
. ./boot.env
OUT=wear.out
STEPS=steps.log
. ./steps.sh
HARNESS="dotnet app/harness/Terminal.PowerCut.dll guest-wear"
# The disk's stat line plus the ext4 journal's commit count (see Wear/BlockDeviceCounters.cs), after a sync.
counters() { sync; echo "$(cat /sys/block/vda/stat) $(head -n 1 /proc/fs/jbd2/vda-*/info | cut -d' ' -f1)" | tr -s ' ' | sed 's/^ //' | tr ' ' ,; }

step boot
mkdir -p /tmp/disk
mount -t ext4 -o noatime /dev/vda /tmp/disk || { step mount-failed; exit 3; }

# The raw SQLite floor and the buffer itself, before (counters row with every commit) and after.
for phase in raw buffer-every-commit buffer; do
  step "$phase"
  $HARNESS "$phase" "/tmp/disk/$phase" "$PRESSES" "$INTERVAL_MS" >> "$OUT" 2>> wear.err || { step "$phase-failed"; exit 4; }
done

# Whole presses through the terminal (simulated board, terminalctl), for each staged build, with the
# root file system's times as each provisioning leaves them: lazytime since terminal-firstboot adds
# it (after), not before; and the baseline build under lazytime too, to tell the two changes apart.
for run in "terminal terminal lazytime" "baseline-terminal baseline-terminal nolazytime" \
           "baseline-terminal-lazytime baseline-terminal lazytime"; do
  set -- $run; phase=$1 build=$2 times=$3
  [ -f "app/$build/terminal.dll" ] || continue
  mount -o "remount,$times" /tmp/disk || { step "$phase-remount-failed"; exit 3; }
  grep " /tmp/disk " /proc/mounts >> wear.err
  D=/tmp/disk/data-$phase
  step "$phase prefill"
  # Past one WAL cycle, left unclosed as a power cut leaves it: the terminal then writes in steady state.
  $HARNESS prefill "$D" 1200 0 > prefill.out 2>> wear.err
  grep -q "^prefilled 1200" prefill.out || { step "$phase-prefill-failed"; exit 4; }
  step "$phase start"
  rm -f /tmp/control.sock
  dotnet "app/$build/terminal.dll" --simulate --Terminal:DataDir="$D" --Terminal:Control:Socket=/tmp/control.sock \
    --Terminal:Rating:Cooldown=00:00:00 > "$phase.log" 2>&1 &
  TERMINAL=$!
  wait_for 600 test -S /tmp/control.sock || { step "$phase-failed"; exit 5; }
  # The control socket's API, as terminalctl calls it (a .NET start per press would take minutes under TCG).
  press() { curl -sS --max-time 120 --unix-socket /tmp/control.sock -X POST "http://terminal/sim/press?level=5"; }
  for i in 1 2 3; do press > /dev/null; done
  before=$(counters); started=$(cut -d' ' -f1 /proc/uptime)
  events=0; i=0
  while [ $i -lt "$PRESSES" ]; do
    # Paced like the buffer phases: a press every INTERVAL_MS (or as fast as they go, when slower).
    due=$(awk -v s="$started" -v n="$i" -v ms="$INTERVAL_MS" 'BEGIN { print s + n * ms / 1000 }')
    wait_for 3600 awk -v due="$due" '{ exit !($1 >= due) }' /proc/uptime
    events=$((events + $(press | grep -o '"seq"' | wc -l))); i=$((i + 1))
  done
  after=$(counters); ended=$(cut -d' ' -f1 /proc/uptime)
  echo "WEAR $phase presses=$PRESSES events=$events seconds=$(echo "$ended $started" | awk '{print $1 - $2}') before=$before after=$after" >> "$OUT"
  kill -TERM "$TERMINAL"; wait "$TERMINAL"
done
step done
umount /tmp/disk
