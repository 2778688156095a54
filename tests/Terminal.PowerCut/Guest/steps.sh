#!/bin/sh
# Shared by the guest scripts (sourced): the step log the host follows, and polling with a deadline.
# STEPS: the step log's path (9p), set before sourcing.

# step TEXT...: logs a step with the guest's uptime, BEFORE it runs, so the host knows what was in flight
step() { echo "$(cut -d' ' -f1 /proc/uptime) $*" >> "$STEPS"; }
# wait_for SECONDS COMMAND...: polls the condition every 0.2 s until it holds or the deadline passes
wait_for() {
  limit=$(($1 * 5)); shift; tries=0
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1)); [ "$tries" -gt "$limit" ] && return 1
    sleep 0.2
  done
}
