#!/usr/bin/env bash
# How heapchain scales with the dump: writes realistic leaky dumps of several sizes
# (bench/realistic/RealisticDump.java) and runs `histogram`, `top --limit 10` and `analyze` on
# each, through the ./heapchain launcher with its default JVM options.
#
#   bench/scale.sh                    sizes 1 4 8 16 24 (GiB), dumps in /work/bench-data/scale
#   SIZES="1 2" bench/scale.sh        other sizes
#
# Environment:
#   SIZES     sizes in GiB (default "1 4 8 16 24"); decimals work ("0.5")
#   DIR       folder for the dumps and the results (default /work/bench-data/scale)
#   RESULTS   results file, appended to (default $DIR/results.md)
#   TMP_DIR   passed as --tmp to every command (default $DIR/tmp); the disk it takes is sampled
#   KEEP=1    keep each dump after its runs (default: delete it)
#   SEED      RealisticDump's --seed (default 1); VARIANT leaky|fixed (default leaky)
#
# Per size and command: wall time, CPU time (user + sys) and peak RSS (GNU time), the exit status,
# the load average just before, the verdict line (analyze), the object count (from histogram's
# first line) and peak RSS / objects, and the most disk the command's temporary files took in
# TMP_DIR. heapchain unlinks its temporary files right after opening them, so that is sampled
# every 0.2 s from the command's open file descriptors (/proc/PID/fd, allocated blocks); the
# growth of `df` on TMP_DIR's file system over the run is given as well, though other work on
# the same file system can move it. Each row is printed as markdown on stdout and appended to
# RESULTS, with the machine (CPU, cores, memory) in the section's heading.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
sizes="${SIZES:-1 4 8 16 24}"
dir="${DIR:-/work/bench-data/scale}"
results="${RESULTS:-$dir/results.md}"
tmp_dir="${TMP_DIR:-$dir/tmp}"
keep="${KEEP:-0}"
seed="${SEED:-1}"
variant="${VARIANT:-leaky}"
launcher="$here/heapchain"
writer="$here/bench/realistic/RealisticDump.java"

die() { echo "scale.sh: $*" >&2; exit 1; }
timebin=/usr/bin/time
if ! "$timebin" -v true > /dev/null 2>&1; then
  die "needs GNU time (/usr/bin/time -v): apt-get update && apt-get install -y time"
fi
mkdir -p "$dir" "$tmp_dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
mem_gib="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
machine="$(hostname), ${cpu_model:-unknown CPU}, $(nproc) cores, ${mem_gib} GiB memory"

# The pids under $1 (itself, its children and grandchildren): /usr/bin/time, the launcher, java.
tree() {
  local p c g
  for p in "$1"; do
    echo "$p"
    for c in $(pgrep -P "$p" 2> /dev/null || true); do
      echo "$c"
      for g in $(pgrep -P "$c" 2> /dev/null || true); do echo "$g"; done
    done
  done
}

# sample PID OUT: until PID ends, the most bytes allocated to files open under $tmp_dir (unlinked
# or not) and the most growth of the file system's used space; writes "fd_bytes df_bytes" to OUT.
sample() {
  local pid="$1" out="$2" base used sum p fd target blocks max_fd=0 max_df=0
  base="$(df -B1 --output=used "$tmp_dir" | tail -n 1 | tr -d ' ')"
  while kill -0 "$pid" 2> /dev/null; do
    sum=0
    for p in $(tree "$pid"); do
      for fd in /proc/"$p"/fd/*; do
        target="$(readlink "$fd" 2> /dev/null)" || continue
        case "$target" in
          "$tmp_dir"/*)
            blocks="$(stat -L -c '%b %B' "$fd" 2> /dev/null)" || continue
            sum=$((sum + ${blocks% *} * ${blocks#* }))
            ;;
        esac
      done
    done
    [ "$sum" -gt "$max_fd" ] && max_fd="$sum"
    used="$(df -B1 --output=used "$tmp_dir" | tail -n 1 | tr -d ' ')"
    [ $((used - base)) -gt "$max_df" ] && max_df=$((used - base))
    sleep 0.2
  done
  echo "$max_fd $max_df" > "$out"
}

# GNU time -v fields: wall seconds, user + sys seconds, peak RSS in KiB, exit status.
parse_time() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time \(seconds\)/ { u = $2 }
    /System time \(seconds\)/ { s = $2 }
    /Maximum resident set size/ { r = $2 }
    /Exit status/ { x = $2 }
    END { printf "%.2f %.2f %d %d\n", w, u + s, r, x }' "$1"
}

mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

header_done=0
header() {
  [ "$header_done" = 1 ] && return
  header_done=1
  local h
  h="$(printf '%s\n\n%s\n\n%s\n%s' \
    "### $(date -u '+%Y-%m-%d %H:%M UTC'): $machine; SIZES=\"$sizes\", $variant, seed $seed; heapchain $("$launcher" --version 2> /dev/null | head -n 1 | awk '{ print $2 }') (default launcher options)" \
    "Per size the write itself (RealisticDump: wall, CPU, peak RSS; the objects column is its own count), then the three commands; --tmp $tmp_dir." \
    "| size | command | wall s | CPU s | peak RSS MiB | exit | load before | objects | RSS bytes/object | --tmp peak MiB (fds / df) | verdict |" \
    "|---|---|---|---|---|---|---|---|---|---|---|")"
  echo "$h"
  printf '\n%s\n' "$h" >> "$results"
}

row() {
  echo "$1"
  echo "$1" >> "$results"
}

# Build the jar and write the class-data sharing archive before anything is timed: the first
# run after a build is slower (it writes the archive), which is not what this measures.
echo "scale.sh: building heapchain and warming its class-data archive" >&2
"$launcher" --version > /dev/null
java "$writer" --size 16m --out "$work/warm.hprof" > /dev/null 2>&1
"$launcher" top "$work/warm.hprof" --limit 1 -q > /dev/null 2>&1 || true
rm -f "$work/warm.hprof"

for size in $sizes; do
  dump="$dir/realistic-${size}g-$variant.hprof"
  bytes="$(awk -v s="$size" 'BEGIN { printf "%.0f", s * 1073741824 }')"
  free="$(df -B1 --output=avail "$dir" | tail -n 1 | tr -d ' ')"
  if [ "$free" -lt $((bytes + (2 << 30))) ]; then
    echo "scale.sh: skipping ${size} GiB: $(mib "$free") MiB free in $dir" >&2
    continue
  fi
  header
  l="$(load)"
  rm -f "$dump"
  "$timebin" -v -o "$work/time" java "$writer" --size "${size}g" --out "$dump" --variant "$variant" --seed "$seed" \
    > "$work/write.out" 2> "$work/write.err" || true
  read -r wall cpu rss rc < <(parse_time "$work/time")
  objects_w="$(sed -n 's/^objects \([0-9,]*\) .*/\1/p' "$work/write.out" | tr -d ,)"
  rate="$(sed -n 's/.* (\([0-9.]* MB\/s\))$/\1/p' "$work/write.out" | head -n 1)"
  row "| ${size} GiB | write ($(stat -c %s "$dump" 2> /dev/null | awk '{ printf "%.2f GB", $1 / 1e9 }'), ${rate:-?} inside the writer) | $wall | $cpu | $(mib $((rss * 1024))) | $rc | $l | $(commas "${objects_w:-0}") | | | |"
  sed 's/^/    /' "$work/write.out" >> "$work/notes"

  objects=""
  for cmd in histogram "top --limit 10" analyze; do
    name="${cmd%% *}"
    l="$(load)"
    # shellcheck disable=SC2086
    "$timebin" -v -o "$work/time" "$launcher" $cmd "$dump" --tmp "$tmp_dir" > "$work/$name.out" 2> "$work/$name.err" &
    tpid=$!
    sample "$tpid" "$work/sample" &
    spid=$!
    wait "$tpid" || true
    wait "$spid" || true
    read -r wall cpu rss rc < <(parse_time "$work/time")
    read -r tmp_fd tmp_df < "$work/sample"
    if [ "$name" = histogram ]; then
      objects="$(sed -n '1s/.*id size [0-9]*, \([0-9,]*\) objects.*/\1/p' "$work/histogram.out" | tr -d ,)"
    fi
    verdict=""
    if [ "$name" = analyze ]; then
      verdict="$(grep -m1 '^VERDICT:' "$work/analyze.out" | sed 's/ because .*//; s/|/\\|/g' || true)"
    fi
    if [ "$rc" != 0 ]; then
      verdict="${verdict:+$verdict; }failed: $(grep -m1 -E 'heapchain:|Error|Exception' "$work/$name.err" | cut -c1-160 | sed 's/|/\\|/g' || true)"
    fi
    per=""
    [ -n "$objects" ] && [ "$objects" -gt 0 ] && per="$(awk -v r="$rss" -v n="$objects" 'BEGIN { printf "%.1f", r * 1024 / n }')"
    row "| ${size} GiB | $cmd | $wall | $cpu | $(mib $((rss * 1024))) | $rc | $l | $(commas "${objects:-0}") | $per | $(mib "$tmp_fd") / $(mib "$tmp_df") | $verdict |"
  done
  if [ "$keep" != 1 ]; then
    rm -f "$dump"
  fi
done
if [ -s "$work/notes" ]; then
  printf '\nWhat the writer printed:\n\n' >> "$results"
  cat "$work/notes" >> "$results"
fi
echo "scale.sh: results appended to $results" >&2
