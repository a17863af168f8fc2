#!/usr/bin/env bash
# bench/profile.sh RECORDING.jfr [N]: what a Java Flight Recording's CPU samples were doing, in three lists:
# - by component: each sample counted for the library whose code was running, JDK frames (String, HashMap, ...)
#   charged to the library that called them;
# - Dicta's methods on the stack (inclusive: the share of samples in which the method was running or waiting for a
#   method it called), the N (25) largest;
# - the methods that were running (self), the N largest.
# bench/run.sh writes one recording per scenario with PROFILE=1.
set -euo pipefail
recording="${1:?usage: bench/profile.sh RECORDING.jfr [N]}"
top="${2:-25}"
jfr print --events jdk.ExecutionSample --stack-depth 256 "$recording" | awk -v top="$top" '
    function component(frame) {
        if (frame ~ /^org\.h2\./) return "H2"
        if (frame ~ /^org\.postgresql\./) return "PostgreSQL driver"
        if (frame ~ /^io\.agroal\./) return "Agroal (connection pool)"
        if (frame ~ /^org\.hibernate\./) return "Hibernate"
        if (frame ~ /^org\.apache\.lucene\./) return "Lucene"
        if (frame ~ /^com\.fasterxml\.jackson\.dataformat\.yaml\.|^org\.yaml\.snakeyaml\./) return "YAML (SnakeYAML)"
        if (frame ~ /^com\.fasterxml\.jackson\./) return "Jackson"
        if (frame ~ /^io\.vertx\.|^io\.netty\./) return "Vert.x and Netty"
        if (frame ~ /^org\.jboss\.resteasy\./) return "RESTEasy"
        if (frame ~ /^io\.quarkus\.narayana\.|^com\.arjuna\.|^io\.narayana\./) return "Narayana (transactions)"
        if (frame ~ /^io\.quarkus\.|^io\.smallrye\./) return "Quarkus and SmallRye"
        if (frame ~ /^org\.dicta\./) return "Dicta"
        if (frame ~ /^com\.github\.benmanes\.caffeine\./) return "Caffeine"
        if (frame ~ /^com\.ibm\.icu\./) return "ICU4J"
        n = split(frame, part, ".")
        return n > 2 ? part[1] "." part[2] : frame
    }
    /stackTrace = \[/ { in_stack = 1; first = 1; charged = 0; delete seen; samples++; next }
    in_stack && /^[[:space:]]*\]/ {
        if (!charged) by_component["JDK"]++
        in_stack = 0; next
    }
    in_stack {
        line = $0
        sub(/^[[:space:]]+/, "", line)
        sub(/\(.*/, "", line)
        if (line == "" || line == "...") next
        if (first) { self[line]++; first = 0 }
        if (!charged && line !~ /^(java\.|jdk\.|sun\.)/) { by_component[component(line)]++; charged = 1 }
        if (line ~ /^org\.dicta\./ && !(line in seen)) { seen[line] = 1; inclusive[line]++ }
    }
    END {
        if (samples == 0) { print "no CPU samples"; exit }
        printf "%d CPU samples\n\nby component (JDK frames charged to their caller):\n", samples
        list(by_component, 100)
        printf "\nDicta'"'"'s methods on the stack (inclusive):\n"
        list(inclusive, top)
        printf "\nrunning (self):\n"
        list(self, top)
    }
    function list(count, limit,    n, i, j, t, m) { # the largest counts first (insertion sort)
        delete order; n = 0
        for (m in count) order[++n] = m
        for (i = 2; i <= n; i++) {
            t = order[i]
            for (j = i - 1; j >= 1 && count[order[j]] < count[t]; j--) order[j + 1] = order[j]
            order[j + 1] = t
        }
        for (i = 1; i <= n && i <= limit; i++) printf "%6.1f %%  %s\n", count[order[i]] * 100 / samples, order[i]
    }'
