#!/bin/sh
# The USB keyboard reader through the whole terminal (issue 16), inside the gpio-sim guest
# (tests/gpio-sim/run-guest.sh runs it chrooted into the host root, cwd = the 9p work directory).
# Not --simulate, whose readers and chip are simulated: the terminal (app/terminal, the build output
# of src/Terminal.Host) runs on a board file of its own, a gpio-sim chip for its key and LED and a
# usb-hid reader whose device is a uinput keyboard (app/checks: Terminal.Hardware.KernelChecks
# "keyboard", commands on a FIFO). It types a roster card, garbage, the card again, is unplugged and
# plugged back, and types an unknown card; after each step the script waits for what the terminal
# published. The host judges run/delivered.jsonl (what a subscriber received); run/ also holds
# steps.log, terminal.log, keyboard.log and mosquitto.log.
set -u
R=run
mkdir -p "$R"
STEPS=$R/steps.log
. ./steps.sh
WD=$(pwd)
TERMINAL='' KEYBOARD='' BROKER='' SUBSCRIBER=''
failed() {
  step "FAILED $*"
  for p in $TERMINAL $KEYBOARD $SUBSCRIBER $BROKER; do kill "$p" 2>/dev/null; done
  exit 1
}
# alive PID WHAT: fails the run at once when a process it waits on has ended (not after the deadline)
alive() { kill -0 "$1" 2>/dev/null || failed "$2 exited"; }
# delivered PATTERN N: the subscriber has received at least N events containing PATTERN
delivered() { alive "$TERMINAL" terminal; [ "$(grep -c "$1" "$R/delivered.jsonl")" -ge "$2" ]; }

# The board's chip: gpio-sim through configfs (tests/gpio-sim/README.md), labelled as board.json's "chip".
step chip
G=/sys/kernel/config/gpio-sim/usb-reader
mkdir -p "$G/bank0" && printf terminal-vm > "$G/bank0/label" && printf 8 > "$G/bank0/num_lines" && printf 1 > "$G/live" \
  || failed "gpio-sim chip"

# The guest has no udev: the keyboard program makes and removes this by-id link on plug and unplug,
# named as udev names a USB keyboard's event node (docs/board-files.md#readers-usb-hid).
BYID=/dev/input/by-id/usb-terminal-vm_card_reader-event-kbd
cat > board.json <<EOF
{
  "name": "gpio-sim-usb-reader",
  "description": "The gpio-sim VM: one rating key and its LED on a gpio-sim chip, a USB keyboard reader on uinput.",
  "chip": "terminal-vm",
  "keys": [ { "name": "k5", "level": 5, "line": 0, "led": 1 } ],
  "readers": [ { "name": "usb", "type": "usb-hid", "device": "$BYID", "digits": "uid-decimal" } ]
}
EOF
# DuplicateWindow 0: the card typed again signs out instead of being a duplicate (docs/mqtt.md#attendance).
cat > terminal.json <<EOF
{
  "Terminal": {
    "TerminalId": "VM-0001", "HallId": "VM", "Window": "7",
    "Board": "$WD/board.json",
    "DataDir": "/tmp/data",
    "Broker": { "Uris": ["mqtt://127.0.0.1:1883"], "AllowInsecure": true },
    "Control": { "Socket": "/tmp/control.sock" },
    "Attendance": { "DuplicateWindow": "00:00:00" }
  }
}
EOF

# A broker on loopback, a subscriber to the terminal's events, and the roster (retained) that makes
# UID::04A1B2C3 (typed as 0077705923) a staff card.
step broker
start_broker "$R/mosquitto.log" || failed broker
start_subscriber 'eval/v1/VM/VM-0001/event/#' "$R/delivered.jsonl" || failed subscriber
mosquitto_pub -h 127.0.0.1 -p 1883 -r -q 1 -t eval/v1/VM/roster \
  -m '{"version":1,"staff":[{"staff":"S-0001","name":"张敏","title":"综合窗口","cards":["UID::04A1B2C3"]}]}' || failed roster

# The reader: plugged before the terminal starts, so its start finds it.
step keyboard-start
mkfifo /tmp/keyboard
dotnet app/checks/Terminal.Hardware.KernelChecks.dll keyboard "terminal-vm card reader" "$BYID" < /tmp/keyboard > "$R/keyboard.log" 2>&1 &
KEYBOARD=$!
exec 3> /tmp/keyboard
asked=0
answered() { alive "$KEYBOARD" keyboard; [ "$(grep -c '^done \|^fail ' "$R/keyboard.log")" -ge "$asked" ]; }
# keyboard COMMAND...: sends one command, waits for its answer, fails the run unless it is "done"
keyboard() {
  step "keyboard $*"
  asked=$((asked + 1))
  echo "$*" >&3
  wait_for 600 answered || failed "no answer to '$*'"
  grep '^done \|^fail ' "$R/keyboard.log" | sed -n "${asked}p" | grep -q '^done ' || failed "'$*' failed"
}
keyboard plug

step terminal-start
# 3>&-: the terminal must not hold the FIFO's write end, or the keyboard never sees its end of input.
dotnet app/terminal/terminal.dll --config "$WD/terminal.json" > "$R/terminal.log" 2>&1 3>&- &
TERMINAL=$!
roster_cached() { alive "$TERMINAL" terminal; grep -q 'Roster version 1 cached' "$R/terminal.log"; }
wait_for 600 roster_cached || failed "the roster was not cached"
keyboard grabbed 600

keyboard type 0077705923
wait_for 300 delivered '"type":"attendance"' 1 || failed "no attendance event for the roster card"
keyboard type 12a45
wait_for 300 delivered '"code":"reader-noise"' 1 || failed "no reader-noise for the garbage"
keyboard type 0077705923
wait_for 300 delivered '"type":"attendance"' 2 || failed "no attendance event for the card typed again"
keyboard unplug
wait_for 300 delivered '"code":"reader-offline"' 1 || failed "no reader-offline after the unplug"
keyboard plug
wait_for 300 delivered '"code":"reader-restored"' 1 || failed "no reader-restored after the replug"
keyboard grabbed 300
keyboard type 0000000042
wait_for 300 delivered '"type":"attendance"' 3 || failed "no attendance event after the replug"

# The terminal first: the keyboard unplugs itself when its input ends, which the terminal would report.
step stop
kill -TERM "$TERMINAL"
wait "$TERMINAL"
rc=$?
step "terminal-exit $rc"
[ "$rc" = 0 ] || failed "the terminal exited $rc on SIGTERM"
exec 3>&-
wait "$KEYBOARD"
kill "$SUBSCRIBER" "$BROKER"
step done
