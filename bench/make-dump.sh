#!/usr/bin/env bash
# Writes the benchmark dump: the leaky fixture buried in ordinary heap content ("noise"), about
# 1 GB and 15+ million objects. Reuses the dump when it already exists; delete it to remake it.
#
#   bench/make-dump.sh [OUT]          default /work/bench-data/bench-1g.hprof
#   NOISE_MB=725 bench/make-dump.sh   noise size in MB (see docs/performance.md for what it gives)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-/work/bench-data/bench-1g.hprof}"
noise="${NOISE_MB:-725}"

if [ -s "$out" ]; then
  echo "make-dump: reusing $out ($(stat -c %s "$out") bytes)" >&2
  exit 0
fi
mkdir -p "$(dirname "$out")"

work="$here/bench/work"
mkdir -p "$work"
echo "make-dump: compiling the fixtures" >&2
(cd "$here" && mvn -q -B -ntp -Dstyle.color=never -DskipTests compile -pl fixtures)
(cd "$here" && mvn -q -B -ntp -Dstyle.color=never dependency:build-classpath -pl fixtures -Dmdep.outputFile="$work/fixtures.cp") >/dev/null
cp="$here/fixtures/target/classes:$(cat "$work/fixtures.cp")"

# The noise stays live until the dump is written, so the heap must hold it with room to spare.
echo "make-dump: writing $out with ${noise} MB of noise (takes a minute)" >&2
java -Xmx6g -XX:+UseParallelGC -cp "$cp" dev.heapchain.fixtures.FixtureMain \
  --variant leaky --images 2000 --catch-up 3 --noise-mb "$noise" --out "$out"
ls -l "$out" >&2
