#!/bin/sh
# /usr/bin/nightwatch: the window's and the commands' launcher. GTK probes OpenGL when it opens the display, and that
# loads Mesa and LLVM (about 45 MiB resident) which the window never uses: it draws in software (-Dprism.order=sw in
# packaging/jvm-options). Measured in docs/benchmarks.md (window idle). An operator's own GDK_GL wins.
export GDK_GL="${GDK_GL-disable}"
# glibc gives each of the JVM's ~60 threads' allocations arenas of their own (up to 16 here); two hold what the
# window allocates natively and keep ~10 MiB less resident (docs/benchmarks.md, window idle).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX-2}"
# serve, the receiver without a window, has JVM options of its own: packaging/serve-jvm-options says why.
if [ "${1-}" = serve ]; then exec /opt/nightwatch/bin/nightwatch-serve "$@"; fi
exec /opt/nightwatch/bin/nightwatch "$@"
