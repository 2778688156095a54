#!/bin/sh
# One boot of the power-cut harness, inside the gpio-sim guest (tests/gpio-sim/run-guest.sh runs it
# chrooted into the host root, cwd = the 9p work directory). The terminal's data directory is on
# the guest-local ext4 disk /dev/vda, whose page cache dies with the VM; everything this script
# records goes to the 9p work directory (boots/$BOOT/), which survives the cut.
#
# boot.env: BOOT (this boot's number), LOAD (1: drive load until the host cuts the power,
# 0: check and stop cleanly), CTL (curl: the control socket's HTTP API directly, as terminalctl
# calls it; terminalctl: through terminalctl, far slower under TCG). Steps are logged BEFORE they
# run, so the host knows what was in flight.
set -u
. ./boot.env
B=boots/$BOOT
mkdir -p "$B/db" "$B/layers"
STEPS=$B/steps.log
. ./steps.sh
rnd() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); }
# sim press L | sim key NAME | sim badge NUMBER FACILITY: prints the events committed, once committed
# (docs/command-line.md), as terminalctl --json (an envelope per line) or the API's {"events":[…]} (curl).
sim() {
  if [ "$CTL" = terminalctl ]; then
    if [ "$1" = badge ]; then set -- badge "$2" --facility "$3"; fi
    dotnet app/terminalctl/terminalctl.dll --socket /tmp/control.sock --json sim "$@"
  else
    case "$1" in
      press) q="press?level=$2" ;;
      key) q="key?name=$2" ;;
      badge) q="badge?number=$2&facility=$3" ;;
    esac
    curl -sS --max-time 120 --unix-socket /tmp/control.sock -X POST "http://terminal/sim/$q" && echo
  fi
}
ctl_get() {
  if [ "$CTL" = terminalctl ]; then
    dotnet app/terminalctl/terminalctl.dll --socket /tmp/control.sock --json buffer "$1"
  else
    curl -sS --max-time 300 --unix-socket /tmp/control.sock "http://terminal/buffer/$1"
  fi
}

step boot
mkdir -p /tmp/disk
mount -t ext4 -o noatime /dev/vda /tmp/disk || { step mount-failed; exit 3; }
D=/tmp/disk/data
mkdir -p "$D"
# The state the cut left, before anything opens it: the host checks the database's integrity and
# counters and the layers' versions from these copies.
for f in events.db events.db-wal events.seq; do [ -f "$D/$f" ] && cp "$D/$f" "$B/db/"; done
for f in roster.json settings.json held-rating.json; do [ -f "$D/$f" ] && cp "$D/$f" "$B/layers/"; done
ls -la "$D" > "$B/layers/listing.txt"
step snapshot

# A broker on loopback and a subscriber whose log is on 9p: what was delivered survives the cut.
start_broker "$B/mosquitto.log" || { step broker-failed; exit 4; }
start_subscriber 'eval/v1/DEV/SIM-0001/event/#' "$B/delivered.jsonl" || { step subscriber-failed; exit 4; }
step broker

step terminal-start
dotnet app/terminal/terminal.dll --simulate --Terminal:DataDir="$D" --Terminal:Control:Socket=/tmp/control.sock \
  --Terminal:Broker:Uris:0=mqtt://127.0.0.1:1883 --Terminal:Rating:ReasonTimeout=00:05:00 > "$B/terminal.log" 2>&1 &
TERMINAL=$!
wait_for 600 test -S /tmp/control.sock || { step terminal-failed; kill "$TERMINAL"; exit 5; }
step terminal-ready

# The first input is processed after what start-up posted (held rating recovered, incidents):
# after it, the export shows everything the restart committed.
step "barrier invite"
sim key invite >> "$B/reported.jsonl"
step export
ctl_get export > "$B/export.part" && mv "$B/export.part" "$B/export.jsonl"
ctl_get stats > "$B/stats.json"
step exported

if [ "$LOAD" = 0 ]; then
  step clean-stop
  kill -TERM "$TERMINAL"; wait "$TERMINAL"
  echo "terminal exit $?" >> "$B/steps.log"
  umount /tmp/disk && step unmounted
  exit 0
fi

# Load until the host pulls the plug: presses (bad ones are held for a reason), reasons, invites,
# badges, roster versions and config.set, each reported line appended only after the command printed
# it. The broker is frozen most of the time (SIGSTOP: connections stay, nothing is acknowledged),
# so that the cut mostly finds recent events only in the buffer, not already delivered.
roster() {
  v=$((BOOT * 1000 + $1))
  {
    printf '{"version":%s,"staff":[' "$v"
    k=1
    while [ $k -le 40 ]; do
      [ $k -gt 1 ] && printf ','
      printf '{"staff":"S-%s","name":"Staff %s of roster v%s","title":"window","cards":["H10301:12:%s"]}' $k $k "$v" $((30000 + k))
      k=$((k + 1))
    done
    printf ']}'
  } > /tmp/roster.json
  echo "roster-sent $v" >> "$B/layers.log"
  mosquitto_pub -h 127.0.0.1 -p 1883 -r -q 1 -t eval/v1/DEV/roster -f /tmp/roster.json
  if wait_for 120 grep -q "Roster version $v cached" "$B/terminal.log"; then
    echo "roster-cached $v" >> "$B/layers.log"
  else
    echo "roster-timeout $v" >> "$B/layers.log"
  fi
}
config() {
  value=$(printf '00:00:%02d' $(( ($1 % 50) + 1 )))
  echo "config-sent $value" >> "$B/layers.log"
  reply=$(mosquitto_rr -h 127.0.0.1 -p 1883 -V 5 -q 1 -t eval/v1/DEV/SIM-0001/cmd/config.set -e pc/reply -W 120 \
    -m "{\"attendance\":{\"duplicateWindow\":\"$value\"}}")
  case "$reply" in
    *'"ok":true'*) echo "config-confirmed $value" >> "$B/layers.log" ;;
    *) echo "config-failed $value $reply" >> "$B/layers.log" ;;
  esac
}

step load
n=0
paused=0
while :; do
  n=$((n + 1))
  # The broker is frozen most of the time (at 12 % of the inputs, thawed again at 5 %): a cut then
  # mostly finds recent events only in the buffer, where a missing sync would lose them.
  if [ "$paused" = 0 ] && [ "$(rnd 100)" -lt 12 ]; then
    step "broker freeze"; kill -STOP "$BROKER"; paused=1; continue
  elif [ "$paused" = 1 ] && [ "$(rnd 100)" -lt 5 ]; then
    step "broker thaw"; kill -CONT "$BROKER"; paused=0; continue
  fi
  r=$(rnd 100)
  if [ "$r" -ge 80 ] && [ "$paused" = 1 ]; then
    r=$(rnd 80) # roster and config.set need the broker
  fi
  if [ "$r" -lt 40 ]; then
    level=$(( $(rnd 5) + 1 )); step "press $level"; sim press "$level" >> "$B/reported.jsonl"
  elif [ "$r" -lt 52 ]; then
    step reason; sim key r-attitude >> "$B/reported.jsonl"
  elif [ "$r" -lt 66 ]; then
    step invite; sim key invite >> "$B/reported.jsonl"
  elif [ "$r" -lt 80 ]; then
    card=$((30000 + $(rnd 3) + 1)); step "badge $card"; sim badge "$card" 12 >> "$B/reported.jsonl"
  elif [ "$r" -lt 90 ]; then
    step "roster $n"; roster "$n"
  else
    step "config $n"; config "$n"
  fi
done
