#!/usr/bin/env bash
# Times `heapchain histogram` on a dump with a warm page cache.
#
#   bench/histogram.sh [DUMP] [RUNS]   defaults: /work/bench-data/bench-1g.hprof, 5 runs
#
# Uses the launcher's default JVM options (read from ./heapchain, so the two cannot drift) and
# runs the jar directly, so the launcher's staleness check is not timed. Prints per run the wall
# time, CPU time (user + sys) and peak RSS (MiB) from GNU time, then the medians and the throughput
# (file size / median wall, MB = 10^6 bytes). The machine has 2 cores: anything else running makes
# wall times jump (CPU time much less), so the load average is printed before and after.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
dump="${1:-/work/bench-data/bench-1g.hprof}"
runs="${2:-5}"
jar="$here/cli/target/heapchain.jar"

if [ ! -x /usr/bin/time ]; then
  echo "histogram.sh: needs GNU time: apt-get update && apt-get install -y time" >&2
  exit 1
fi
[ -f "$dump" ] || { echo "histogram.sh: no dump at $dump (make one with bench/make-dump.sh)" >&2; exit 1; }
if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here"/*/pom.xml "$here"/*/src/main -newer "$jar" -print -quit)" ]; then
  echo "histogram.sh: building the CLI jar" >&2
  (cd "$here" && mvn -o -q -B -Dstyle.color=never -DskipTests package -pl cli -am) >&2
fi

opts="$(sed -n 's/^opts="\${HEAPCHAIN_JAVA_OPTS:-\(.*\)}"$/\1/p' "$here/heapchain")"
[ -n "$opts" ] || { echo "histogram.sh: cannot find the default JVM options in ./heapchain" >&2; exit 1; }
size="$(stat -c %s "$dump")"

cat "$dump" > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dump: $dump ($size bytes)"
echo "command: java $opts -jar cli/target/heapchain.jar histogram $dump --top 5"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$runs"); do
  # shellcheck disable=SC2086
  /usr/bin/time -o "$tmp/time" -f '%e %M %U %S' java $opts -jar "$jar" histogram "$dump" --top 5 > "$tmp/out" 2> "$tmp/err" || {
    echo "run $i failed:" >&2; cat "$tmp/err" "$tmp/time" >&2; exit 1; }
  read -r wall rss user sys < "$tmp/time"
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  echo "$wall $rss $cpu" >> "$tmp/all"
  printf 'run %d: wall %s s, cpu %s s, peak RSS %d MiB\n' "$i" "$wall" "$cpu" "$((rss / 1024))"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mwall="$(cut -d' ' -f1 "$tmp/all" | median)"
mrss="$(cut -d' ' -f2 "$tmp/all" | median)"
mcpu="$(cut -d' ' -f3 "$tmp/all" | median)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v w="$mwall" -v r="$mrss" -v c="$mcpu" -v s="$size" -v n="$runs" 'BEGIN {
  printf "median of %d: wall %.2f s, cpu %.2f s, peak RSS %.0f MiB, %.0f MB/s\n", n, w, c, r / 1024, s / 1e6 / w }'
