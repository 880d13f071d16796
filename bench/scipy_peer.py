# SPDX-License-Identifier: MIT
"""Peer for bench/match_assign: scipy.optimize.linear_sum_assignment.

Reads an instance written by match_assign (see instance format there:
magic "MIAS0001", uint64 N, uint64 M, int64 capacity[M], int64 score[N*M]
row-major, native byte order), repeats each mediator's column min(cap, N)
times (linear_sum_assignment has no capacities), maximises the total score
with every case assigned (rectangular: N rows <= columns), and prints

    time=SECONDS cpu=SECONDS total=SCORE assigned=COUNT

The time (wall, and CPU of this process) covers building the repeated matrix and the solve (best of RUNS),
not reading the file.  Totals are summed in int64 from the original
scores, so they are exact.
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, "rb") as f:
        if f.read(8) != b"MIAS0001":
            print("error=bad-magic")
            return 2
        n, m = np.fromfile(f, dtype=np.uint64, count=2)
        n, m = int(n), int(m)
        cap = np.fromfile(f, dtype=np.int64, count=m)
        score = np.fromfile(f, dtype=np.int64, count=n * m).reshape(n, m)
    reps = np.minimum(cap, n)
    if int(reps.sum()) < n:
        print("error=capacity-below-cases")
        return 2
    best = bestcpu = None
    rows = cols = None
    for _ in range(runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        colmap = np.repeat(np.arange(m), reps)
        big = score[:, colmap].astype(np.float64)
        rows, cols = linear_sum_assignment(big, maximize=True)
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        best = dt if best is None or dt < best else best
        bestcpu = dc if bestcpu is None or dc < bestcpu else bestcpu
    med = colmap[cols]
    total = int(score[rows, med].sum(dtype=np.int64))
    print("time=%.6f cpu=%.6f total=%d assigned=%d" % (best, bestcpu, total, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
