#!/bin/sh
# Shared by the guest scripts (sourced): the step log the host follows, polling with a deadline, and
# a broker with a subscriber whose log is on 9p. STEPS: the step log's path (9p), set before sourcing.

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
# start_broker LOG: Mosquitto (the host root's) on 127.0.0.1:1883, output to LOG; sets BROKER;
# false when it does not answer within 60 s
start_broker() {
  printf 'listener 1883 127.0.0.1\nallow_anonymous true\nuser root\n' > /tmp/mosquitto.conf
  mosquitto -c /tmp/mosquitto.conf > "$1" 2>&1 &
  BROKER=$!
  wait_for 60 mosquitto_pub -h 127.0.0.1 -p 1883 -t guest/ping -m up
}
# start_subscriber TOPIC LOG: a QoS 1 subscriber appending each payload received on TOPIC to LOG as a
# line (the log is on 9p, so what was delivered survives the guest); sets SUBSCRIBER; true once it
# has received a probe ({"probe":true}, also in LOG), false when not within 60 s
start_subscriber() {
  mosquitto_sub -h 127.0.0.1 -p 1883 -q 1 -t "$1" -t guest/probe -F '%p' >> "$2" &
  SUBSCRIBER=$!
  SUBSCRIBER_LOG=$2
  wait_for 60 probe_seen
}
probe_seen() { mosquitto_pub -h 127.0.0.1 -p 1883 -q 1 -t guest/probe -m '{"probe":true}'; grep -q probe "$SUBSCRIBER_LOG"; }
