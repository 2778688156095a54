#!/usr/bin/env python3
# Issue 2's figures, end to end with real processes (terminal --simulate, terminalctl, Mosquitto,
# mosquitto_sub): (1) `terminalctl sim press 5` started -> the rating at an independent subscriber,
# median of N presses; (2) the envelope's "at" -> arrival; (3) the host's VmRSS 3 s after start.
# usage (after `dotnet build Terminal.sln -c Release`):
#   python3 tests/Terminal.Benchmarks/scripts/press-latency.py [REPO_ROOT] [N]
# writes bench-results/press-latency.json
import json, os, statistics, subprocess, sys, tempfile, time, datetime, threading, socket
root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd(); n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
host = f"{root}/src/Terminal.Host/bin/Release/net10.0/terminal.dll"
ctl = f"{root}/src/Terminal.Cli/bin/Release/net10.0/terminalctl.dll"
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
work = tempfile.mkdtemp(prefix="measure-")
conf = f"{work}/m.conf"; open(conf, "w").write(f"listener {port} 127.0.0.1\nallow_anonymous true\nuser root\n")
broker = subprocess.Popen(["mosquitto", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.5)
term = subprocess.Popen(["dotnet", host, "--simulate", f"--Terminal:DataDir={work}/data", f"--Terminal:Broker:Uris:0=mqtt://127.0.0.1:{port}",
                         "--Terminal:Rating:Cooldown=00:00:00", "--Terminal:Panel:Listen=http://127.0.0.1:0"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sock = f"{work}/data/control.sock"
for _ in range(300):
    if os.path.exists(sock) and subprocess.run(["dotnet", ctl, "--socket", sock, "status"], capture_output=True).returncode == 0: break
    time.sleep(0.1)
time.sleep(3)  # settle after start, then read resident memory
rss = [l for l in open(f"/proc/{term.pid}/status") if l.startswith("VmRSS")][0].split()[1]
sub = subprocess.Popen(["mosquitto_sub", "-p", str(port), "-t", "eval/v1/DEV/SIM-0001/event/rating"], stdout=subprocess.PIPE, text=True)
arrivals = []
def reader():
    for line in sub.stdout:
        arrivals.append((time.monotonic(), time.time(), json.loads(line)))
threading.Thread(target=reader, daemon=True).start()
time.sleep(1)
press_to_arrival, commit_to_arrival = [], []
for i in range(n):
    before = len(arrivals); t0 = time.monotonic()
    subprocess.run(["dotnet", ctl, "--socket", sock, "sim", "press", "5"], capture_output=True)
    deadline = time.monotonic() + 10
    while len(arrivals) == before and time.monotonic() < deadline: time.sleep(0.0005)
    if len(arrivals) == before: print("lost press", i); continue
    mono, wall, ev = arrivals[before]
    press_to_arrival.append((mono - t0) * 1000)
    at = datetime.datetime.fromisoformat(ev["at"].replace("Z", "+00:00")).timestamp()
    commit_to_arrival.append((wall - at) * 1000)
term.terminate(); term.wait(10); broker.terminate(); sub.terminate()
out = {"presses": n, "received": len(press_to_arrival),
       "press_to_subscriber_ms_median": round(statistics.median(press_to_arrival), 1),
       "press_to_subscriber_ms_p90": round(sorted(press_to_arrival)[int(0.9 * len(press_to_arrival)) - 1], 1),
       "event_at_to_subscriber_ms_median": round(statistics.median(commit_to_arrival), 1),
       "host_vmrss_kb_after_start": int(rss)}
print(json.dumps(out, indent=1))
os.makedirs("bench-results", exist_ok=True)
json.dump(out, open("bench-results/press-latency.json", "w"), indent=1)
