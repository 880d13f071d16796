# SPDX-License-Identifier: MIT
"""Peer for bench/match_rank: numpy.argpartition over the full score matrix.

Reads a matrix written by match_rank: magic "MIRK0001", uint64 C (cases),
uint64 M (mediators), uint64 K, then int64 key[C*M] row-major in native
byte order.  A key is score * M + (M - 1 - column) for an eligible pair
(columns are mediators in staff-number order, so a larger key is a better
candidate, ties going to the lower staff number as in libmediate) and -1
for a pair a hard filter excludes.  For every row it finds the K largest
keys (numpy.argpartition, then the K found sorted), and prints

    time=SECONDS cpu=SECONDS digest=D cases=C

time and cpu cover the selection only (best of RUNS), not reading the
file; digest = sum over rows r of (r + 1) * sum over the selected eligible
columns j of (j + 1)^2, which match_rank computes from its own answer.
"""
import sys
import time

import numpy as np


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, "rb") as f:
        if f.read(8) != b"MIRK0001":
            print("error=bad-magic")
            return 2
        c, m, k = (int(x) for x in np.fromfile(f, dtype=np.uint64, count=3))
        key = np.fromfile(f, dtype=np.int64, count=c * m).reshape(c, m)
    best = bestcpu = None
    top = None
    for _ in range(runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        part = np.argpartition(-key, k - 1, axis=1)[:, :k]
        vals = np.take_along_axis(key, part, axis=1)
        order = np.argsort(-vals, axis=1, kind="stable")
        top = np.take_along_axis(part, order, axis=1)
        topv = np.take_along_axis(vals, order, axis=1)
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        best = dt if best is None or dt < best else best
        bestcpu = dc if bestcpu is None or dc < bestcpu else bestcpu
    digest = 0
    for r in range(c):
        s = 0
        for j, v in zip(top[r].tolist(), topv[r].tolist()):
            if v >= 0:
                s += (j + 1) * (j + 1)
        digest += (r + 1) * s
    print("time=%.6f cpu=%.6f digest=%d cases=%d" % (best, bestcpu, digest, c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
