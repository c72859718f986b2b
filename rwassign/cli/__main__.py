"""``python -m rwassign.cli``: the command line without the installed script (scripts and
benchmarks run it so)."""

from rwassign.cli import run

run()
