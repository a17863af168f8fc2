#!/usr/bin/env bash
# bench/profile.sh RECORDING.jfr [N]: what a Java Flight Recording's CPU samples were doing, as two lists of N (30):
# the methods that were running (self), and the methods on the stack (inclusive: the share of samples in which the
# method was running or waiting for a method it called; the JDK's, Netty's and the thread pool's own frames left out).
# bench/run.sh writes one recording per scenario with PROFILE=1.
set -euo pipefail
recording="${1:?usage: bench/profile.sh RECORDING.jfr [N]}"
top="${2:-30}"
jfr print --events jdk.ExecutionSample --stack-depth 256 "$recording" | awk -v top="$top" '
    /stackTrace = \[/ { in_stack = 1; first = 1; delete seen; samples++; next }
    in_stack && /^[[:space:]]*\]/ { in_stack = 0; next }
    in_stack {
        line = $0
        sub(/^[[:space:]]+/, "", line)
        sub(/\(.*/, "", line)
        if (line == "" || line == "...") next
        if (first) { self[line]++; first = 0 }
        if (!(line in seen) && line !~ /^(java\.|jdk\.|sun\.|io\.netty\.|org\.jboss\.threads\.)/) { seen[line] = 1; inclusive[line]++ }
    }
    END {
        if (samples == 0) { print "no CPU samples"; exit }
        printf "%d CPU samples\n\nrunning (self):\n", samples
        n = 0; for (m in self) order[++n] = m
        sort_by(self, n)
        for (i = 1; i <= n && i <= top; i++) printf "%6.1f %%  %s\n", self[order[i]] * 100 / samples, order[i]
        printf "\non the stack (inclusive):\n"
        delete order; n = 0; for (m in inclusive) order[++n] = m
        sort_by(inclusive, n)
        for (i = 1; i <= n && i <= top; i++) printf "%6.1f %%  %s\n", inclusive[order[i]] * 100 / samples, order[i]
    }
    function sort_by(count, n,    i, j, t) { # insertion sort of order[1..n] by count, largest first
        for (i = 2; i <= n; i++) {
            t = order[i]
            for (j = i - 1; j >= 1 && count[order[j]] < count[t]; j--) order[j + 1] = order[j]
            order[j + 1] = t
        }
    }'
