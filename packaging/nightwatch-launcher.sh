#!/bin/sh
# /usr/bin/nightwatch: the window's and the commands' launcher. GTK probes OpenGL when it opens the display, and that
# loads Mesa and LLVM (about 45 MiB resident) which the window never uses: it draws in software (-Dprism.order=sw in
# packaging/jvm-options). Measured in docs/benchmarks.md (window idle). An operator's own GDK_GL wins.
export GDK_GL="${GDK_GL-disable}"
exec /opt/nightwatch/bin/nightwatch "$@"
