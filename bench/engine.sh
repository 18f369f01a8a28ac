#!/usr/bin/env bash
# Times heapchain's engine (`top`), `analyze`, and the NetBeans profiler library on the same job.
#
#   bench/engine.sh [DUMP] [RUNS]   defaults: /work/bench-data/bench-1g.hprof, 5 runs
#
# 1. `top DUMP --limit 10` and `analyze DUMP --json /dev/null`, RUNS times each, interleaved (top,
#    top, analyze, analyze per round, so load that comes and goes hits all four alike), run through
#    the ./heapchain launcher as users run it: its default JVM options and its class-data sharing
#    archive (made by a first untimed run), and again with the memory target's options
#    (MEMORY_OPTS, default "-Xmx850m -XX:+UseParallelGC", given as HEAPCHAIN_JAVA_OPTS). Per run:
#    wall, CPU (user + sys) and peak RSS from GNU time; then the medians and analyze's extra wall
#    and CPU time over top.
# 2. The NetBeans comparison: bench/netbeans/ opens the dump with HeapFactory.createHeap and, for
#    every instance of CLASS, gets the retained size and walks the nearest-GC-root pointers;
#    heapchain does the same with `paths DUMP --class CLASS --limit 1000000 --json -` (the JSON
#    document alone, on stdout into a file, as NetBeans writes its table alone). Both run under
#    `nice -n 10` (the machine is shared). NetBeans gets NETBEANS_XMX of heap and NETBEANS_TIMEOUT;
#    its index (.nbcache) and temp files go to a temp dir deleted afterwards, so every run starts
#    cold. Then the two tools' path lengths and retained sizes are compared instance by instance,
#    and the ratio NetBeans wall / heapchain wall printed (a lower bound when NetBeans timed out).
#
# Environment: CLASS (org.apache.kafka.timeline.Snapshot), NETBEANS_RUNS (1; 0 skips NetBeans),
# NETBEANS_XMX (16g), NETBEANS_TIMEOUT (40m), MEMORY_OPTS, ENGINE=0 (skip part 1), PHASES=1 (also
# run bench/phases/EnginePhases.java once per configuration: time and heap by engine phase).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
dump="$(readlink -f "${1:-/work/bench-data/bench-1g.hprof}")"
runs="${2:-5}"
class="${CLASS:-org.apache.kafka.timeline.Snapshot}"
nb_runs="${NETBEANS_RUNS:-1}"
nb_xmx="${NETBEANS_XMX:-16g}"
nb_timeout="${NETBEANS_TIMEOUT:-40m}"
memory_opts="${MEMORY_OPTS:--Xmx850m -XX:+UseParallelGC}"
jar="$here/cli/target/heapchain.jar"
nb_jar="$here/bench/netbeans/target/netbeans-paths.jar"

die() { echo "engine.sh: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "needs GNU time: apt-get update && apt-get install -y time"
command -v jq > /dev/null || die "needs jq: apt-get update && apt-get install -y jq"
[ -f "$dump" ] || die "no dump at $dump (make one with bench/make-dump.sh)"
if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here"/*/pom.xml "$here"/*/src/main -newer "$jar" -print -quit)" ]; then
  echo "engine.sh: building the CLI jar" >&2
  (cd "$here" && mvn -o -q -B -Dstyle.color=never -DskipTests package -pl cli -am) >&2
fi
if [ "$nb_runs" -gt 0 ] && { [ ! -f "$nb_jar" ] || [ -n "$(find "$here/bench/netbeans/pom.xml" "$here/bench/netbeans/src" -newer "$nb_jar" -print -quit)" ]; }; then
  echo "engine.sh: building bench/netbeans" >&2
  (cd "$here/bench/netbeans" && mvn -o -q -B -Dstyle.color=never -ntp package) >&2
fi

default_opts="$(sed -n 's/^opts="\${HEAPCHAIN_JAVA_OPTS:-\(.*\)}"$/\1/p' "$here/heapchain")"
[ -n "$default_opts" ] || die "cannot find the default JVM options in ./heapchain"
launcher="$here/heapchain"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed NAME CMD...: runs CMD under GNU time, prints the run's line, appends "wall rss_kib cpu" to $tmp/NAME.
timed() {
  local name="$1"; shift
  local rc=0 wall rss user sys cpu
  /usr/bin/time -o "$tmp/time" -f '%e %M %U %S' "$@" > "$tmp/out" 2> "$tmp/err" || rc=$?
  read -r wall rss user sys < <(tail -n 1 "$tmp/time")
  if [ "$rc" != 0 ]; then
    # A failed run (an OutOfMemoryError under the memory target, say) is reported, not counted.
    printf '  %-16s FAILED (exit %d) after %.2f s, peak RSS %d MiB: %s\n' "$name" "$rc" "$wall" "$((rss / 1024))" \
      "$(grep -m1 -E 'Error|Exception' "$tmp/err" || tail -n 1 "$tmp/err")"
    echo "$rc" >> "$tmp/$name.failed"
    return 0
  fi
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  echo "$wall $rss $cpu" >> "$tmp/$name"
  printf '  %-16s wall %6.2f s, cpu %6.2f s, peak RSS %5d MiB  (load %s)\n' "$name" "$wall" "$cpu" "$((rss / 1024))" "$(load)"
}
# medians NAME: sets m_wall, m_cpu, m_rss (MiB) from $tmp/NAME.
medians() {
  if [ ! -s "$tmp/$1" ]; then m_wall=nan; m_cpu=nan; m_rss=0; return; fi
  m_wall="$(cut -d' ' -f1 "$tmp/$1" | median)"
  m_rss="$(cut -d' ' -f2 "$tmp/$1" | median | awk '{ printf "%.0f", $1 / 1024 }')"
  m_cpu="$(cut -d' ' -f3 "$tmp/$1" | median)"
}

size="$(stat -c %s "$dump")"
cat "$dump" > /dev/null
objects="$(java $default_opts -jar "$jar" histogram "$dump" --top 1 --json - 2> /dev/null | jq .dump.objects)"
# The launcher writes its class-data sharing archive on the first engine command after a build.
"$launcher" top "$dump" --limit 1 > /dev/null 2>&1 || die "heapchain top failed on $dump"
[ -f "$here/cli/target/heapchain.jsa" ] && cds="class-data sharing archive in use" || cds="no class-data sharing archive"
echo "dump: $dump ($size bytes, $objects objects)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | sed -n 2p)"
echo "load average at the start: $(load); $cds"

if [ "${ENGINE:-1}" != 0 ]; then
  echo
  echo "== engine: top $dump --limit 10, analyze $dump --json /dev/null; $runs rounds"
  echo "default JVM options (./heapchain): $default_opts"
  echo "memory-target JVM options (HEAPCHAIN_JAVA_OPTS): $memory_opts"
  for i in $(seq 1 "$runs"); do
    echo "round $i"
    # shellcheck disable=SC2086
    {
      timed top-default "$launcher" top "$dump" --limit 10
      timed top-memory env HEAPCHAIN_JAVA_OPTS="$memory_opts" "$launcher" top "$dump" --limit 10
      timed analyze-default "$launcher" analyze "$dump" --json /dev/null
      timed analyze-memory env HEAPCHAIN_JAVA_OPTS="$memory_opts" "$launcher" analyze "$dump" --json /dev/null
    }
  done
  echo "load average after the engine runs: $(load)"
  echo "medians of $runs:"
  for config in default memory; do
    for name in "top-$config" "analyze-$config"; do
      [ -f "$tmp/$name.failed" ] && echo "  $name: $(wc -l < "$tmp/$name.failed") of $runs runs failed (medians of the others)"
    done
    medians "top-$config"; tw="$m_wall"; tc="$m_cpu"
    printf '  %-16s wall %5.2f s, cpu %5.2f s, peak RSS %4d MiB (%.0f bytes per object)\n' \
      "top-$config" "$m_wall" "$m_cpu" "$m_rss" "$(awk -v r="$m_rss" -v n="$objects" 'BEGIN { print r * 1048576 / n }')"
    medians "analyze-$config"
    printf '  %-16s wall %5.2f s, cpu %5.2f s, peak RSS %4d MiB\n' "analyze-$config" "$m_wall" "$m_cpu" "$m_rss"
    awk -v tw="$tw" -v tc="$tc" -v aw="$m_wall" -v ac="$m_cpu" -v c="$config" 'BEGIN {
      printf "  analyze over top (%s): wall +%.0f%%, cpu +%.0f%% (target: wall <= +20%%)\n", c, (aw / tw - 1) * 100, (ac / tc - 1) * 100 }'
  done
fi

if [ "${PHASES:-0}" = 1 ]; then
  for opts in "$default_opts" "$memory_opts"; do
    echo
    echo "== phases, java $opts (load $(load))"
    # shellcheck disable=SC2086
    java $opts -cp "$jar" "$here/bench/phases/EnginePhases.java" "$dump" || echo "  (the harness failed, exit $?)"
  done
fi

if [ "$nb_runs" -gt 0 ]; then
  echo
  echo "== NetBeans comparison: retained size and nearest-GC-root path of every $class"
  echo "heapchain: nice -n 10 ./heapchain paths DUMP --class $class --limit 1000000 --json - > FILE"
  echo "NetBeans:  nice -n 10 java -Xmx$nb_xmx -XX:+UseParallelGC -jar netbeans-paths.jar DUMP $class OUT (timeout $nb_timeout)"
  for i in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    timed paths nice -n 10 "$launcher" paths "$dump" --class "$class" --limit 1000000 --json -
    cp "$tmp/out" "$tmp/paths.json"
  done
  medians paths; hw="$m_wall"
  printf '  heapchain paths median of %d: wall %.2f s, cpu %.2f s, peak RSS %d MiB\n' "$runs" "$m_wall" "$m_cpu" "$m_rss"

  for i in $(seq 1 "$nb_runs"); do
    work="$tmp/netbeans"
    mkdir -p "$work/tmp"
    ln -s "$dump" "$work/dump.hprof"
    rc=0
    /usr/bin/time -o "$tmp/time" -f '%e %M %U %S' timeout "$nb_timeout" nice -n 10 \
      java "-Xmx$nb_xmx" -XX:+UseParallelGC "-Djava.io.tmpdir=$work/tmp" -jar "$nb_jar" \
      "$work/dump.hprof" "$class" "$tmp/netbeans.tsv" > "$tmp/nb.out" 2> "$tmp/nb.err" || rc=$?
    sed 's/^/  | /' "$tmp/nb.out"
    read -r wall rss user sys < <(tail -n 1 "$tmp/time")
    printf '  NetBeans run %d: exit %d, wall %.1f s, cpu %.1f s, peak RSS %d MiB, cache %s (load %s)\n' "$i" "$rc" \
      "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))" \
      "$(du -sh "$work" 2>/dev/null | cut -f1)" "$(load)"
    rm -rf "$work"
    if [ "$rc" = 124 ]; then
      awk -v n="$wall" -v h="$hw" 'BEGIN { printf "  ratio NetBeans / heapchain >= %.1fx (NetBeans timed out; target >= 15x)\n", n / h }'
      continue
    elif [ "$rc" != 0 ]; then
      tail -n 20 "$tmp/nb.err" | sed 's/^/  ! /'
      continue
    fi
    awk -v n="$wall" -v h="$hw" 'BEGIN { printf "  ratio NetBeans / heapchain = %.1fx (target >= 15x)\n", n / h }'

    # Agreement, instance by instance: path length in references (heapchain.paths/2 gives each
    # target's depth in its merged tree, null when unreachable) and retained bytes (the size
    # models differ, so those may not match).
    jq -r '.targets[] | [.objectId, .retainedBytes, (.depth // -1)] | @tsv' \
      "$tmp/paths.json" > "$tmp/heapchain.tsv"
    awk -F'\t' 'NR == FNR { r[$1] = $2; d[$1] = $3; next }
      { n++; if (!($1 in d)) { missing++; next }
        if (d[$1] == $3) same++; else if (shown++ < 5) printf "  path length differs: %s heapchain %s NetBeans %s\n", $1, d[$1], $3
        if (r[$1] == $2) equal++; else { q = $2 / r[$1]; if (q < lo || lo == "") lo = q; if (q > hi) hi = q } }
      END { printf "  agreement on %d instances: path length equal %d, retained size equal %d, missing in heapchain %d;\n", n, same, equal, missing
            printf "  NetBeans retained / heapchain retained between %.3f and %.3f\n", lo, hi }' \
      "$tmp/heapchain.tsv" "$tmp/netbeans.tsv"
  done
fi
echo
echo "load average at the end: $(load)"
