#!/usr/bin/env bash
# Runs a command (e.g. the side_by_side.py driver) with the CPU before everything else on the machine, for
# comparisons on a shared machine. Linux cgroup v1 cpu controller, as root:
#   benchmarks/SideBySide/priority.sh /usr/bin/python3 benchmarks/SideBySide/side_by_side.py --shapes 1k_x_10
# The command runs in cgroup cpu/bench (cpu.shares 262144); a background loop keeps moving every other process into
# cpu/low (cpu.shares 2), so builds and tests started by others still run, but only on cycles the benchmark leaves.
# Plain `nice` is not enough: with autogroup scheduling each terminal session gets an equal share whatever its nice
# value. Memory bandwidth and caches stay shared, so say in the table what else was running.
set -euo pipefail
root=/sys/fs/cgroup/cpu
mkdir -p "$root/bench" "$root/low"
echo 262144 > "$root/bench/cpu.shares"
echo 2 > "$root/low/cpu.shares"
(
  while true; do
    for pid in $(cat "$root/cgroup.procs"); do
      [[ "$pid" == 1 ]] && continue
      echo "$pid" > "$root/low/cgroup.procs" 2>/dev/null || true
    done
    sleep 1
  done
) &
mover=$!
echo "$mover" > "$root/bench/cgroup.procs" 2>/dev/null || true
trap 'kill $mover 2>/dev/null' EXIT
echo $$ > "$root/bench/cgroup.procs"
"$@"
