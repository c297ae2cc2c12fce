#!/bin/sh
# Microbenchmarks (JMH) of the hot stages, one article at a time, warm: front-matter, Markdown,
# an article's whole parse, an article's page render. See src/test/java/dev/sourced/bench/.
#
# usage: bench/stages.sh SITE [JMH options]     e.g. bench/stages.sh /dev/shm/c1k -f 1 -i 3
# SITE is any site folder; for the benchmark corpus: ../shared/bench/gen-corpus 1000 DIR, and a
# sourced.yaml in DIR (bench/build-speed.py writes one). Prints JMH's table (microseconds/call).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname "$here")
[ $# -ge 1 ] || { sed -n 2,7p "$0" >&2; exit 2; }
site=$(CDPATH= cd -- "$1" && pwd); shift
mvn -q -B -f "$root/pom.xml" -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/target/test-classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/test-classpath.txt")"
exec java -Dorg.freemarker.loggerLibrary=JUL -cp "$cp" org.openjdk.jmh.Main StagesBenchmark -p corpus="$site" "$@"
