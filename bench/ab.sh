#!/usr/bin/env bash
# Two heapchain jars side by side on one dump: before/after figures for a change.
#
#   bench/ab.sh JAR_A JAR_B DUMP [RUNS] -- COMMAND ARGS...      e.g. -- top --limit 10
#
# Runs COMMAND DUMP ARGS with each jar RUNS times (default 5), interleaved (A, B, A, B, ...) so that
# load that comes and goes hits both alike, with the launcher's default JVM options (or
# HEAPCHAIN_JAVA_OPTS) and no class-data sharing archive for either. Per run: wall, CPU (user +
# sys) and peak RSS from GNU time; then per jar the medians, and B's median over A's.
set -euo pipefail
[ $# -ge 5 ] || { sed -n 2,9p "$0" >&2; exit 2; }
a="$1"; b="$2"; dump="$3"; shift 3
runs=5
if [ "$1" != "--" ]; then runs="$1"; shift; fi
[ "$1" = "--" ] || { echo "ab.sh: expected -- before the command" >&2; exit 2; }
shift
cmd="$1"; shift
opts="${HEAPCHAIN_JAVA_OPTS:--XX:+UseSerialGC -Xmn16m -XX:MaxRAMPercentage=25}"
[ -x /usr/bin/time ] || { echo "ab.sh: needs GNU time: apt-get install -y time" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "ab.sh: $cmd $(basename "$dump") $*, $runs runs each; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  for j in A B; do
    jar="$a"; [ "$j" = B ] && jar="$b"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -o "$out/t" java $opts -jar "$jar" "$cmd" "$dump" "$@" > /dev/null 2> "$out/err" || {
      echo "ab.sh: run $i of $j failed:" >&2; tail -5 "$out/err" >&2; exit 1; }
    read -r wall user sys rss < "$out/t"
    cpu=$(echo "$user + $sys" | bc)
    echo "$j $wall $cpu $((rss / 1024))" >> "$out/runs"
    printf '  run %d %s: wall %s s, CPU %s s, peak RSS %d MiB\n' "$i" "$j" "$wall" "$cpu" $((rss / 1024))
  done
done
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for k in 2 3 4; do
  for j in A B; do eval "m_${j}_$k=$(awk -v j="$j" -v k="$k" '$1==j {print $k}' "$out/runs" | median)"; done
done
printf 'A %s: median wall %s s, CPU %s s, peak RSS %s MiB\n' "$(basename "$a")" "$m_A_2" "$m_A_3" "$m_A_4"
printf 'B %s: median wall %s s, CPU %s s, peak RSS %s MiB\n' "$(basename "$b")" "$m_B_2" "$m_B_3" "$m_B_4"
printf 'B/A: wall %.3f, CPU %.3f, RSS %.3f\n' "$(echo "$m_B_2 / $m_A_2" | bc -l)" "$(echo "$m_B_3 / $m_A_3" | bc -l)" "$(echo "$m_B_4 / $m_A_4" | bc -l)"
