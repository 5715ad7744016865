"""HallApp benchmarks: speed and memory figures printed, never asserted (issue #2).

Run ``python -m bench [--quick] [--only NAME...] [--keep-data DIR]`` (or ``bench/run``).
Every figure is one stdout line ``figure <name> <value> <unit>``; comments start with ``#``.
Targets are reported as ``# target missed: …`` comments; a missed target never fails the run.
"""
