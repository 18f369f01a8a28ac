#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of the reader. Extra arguments go to JMH, e.g.
#   bench/jmh/run.sh -wi 2 -i 3          fewer iterations
#   bench/jmh/run.sh -p bytes=1000000000 -p dump=/work/bench-data/jmh-1g.hprof
# The first build downloads JMH and build-helper from Maven Central; later builds work offline.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
offline=-o
[ -d "$HOME/.m2/repository/org/openjdk/jmh/jmh-core/1.37" ] || offline=
(cd "$here" && mvn $offline -q -B -Dstyle.color=never -ntp package) >&2
exec java -jar "$here/target/benchmarks.jar" "$@"
