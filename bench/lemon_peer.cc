// SPDX-License-Identifier: MIT
// Peer for bench/match_assign: LEMON's NetworkSimplex on the same instance.
//
// Reads the instance file written by match_assign (magic "MIAS0001",
// uint64 N, uint64 M, int64 capacity[M], int64 score[N*M] row-major),
// builds source-less network cases -> mediators -> sink (case supply 1,
// arcs of capacity 1 and cost -score, mediator -> sink arcs of capacity
// cap[j], sink supply -N: every case must be assigned), runs
// NetworkSimplex and prints
//
//     time=SECONDS cpu=SECONDS total=SCORE assigned=COUNT
//
// The time (wall, and CPU of this process) covers building the graph and the solve (best of RUNS), not
// reading the file.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

using lemon::SmartDigraph;
typedef lemon::NetworkSimplex<SmartDigraph, int64_t, int64_t> Simplex;

int main(int argc, char **argv)
{
	if (argc < 2) {
		std::fprintf(stderr, "usage: lemon_peer INSTANCE [RUNS]\n");
		return 2;
	}
	int runs = argc > 2 ? std::atoi(argv[2]) : 1;
	if (runs < 1)
		runs = 1;
	FILE *f = std::fopen(argv[1], "rb");
	if (!f) {
		std::printf("error=cannot-open\n");
		return 2;
	}
	char magic[8];
	uint64_t hdr[2];
	if (std::fread(magic, 1, 8, f) != 8 || std::memcmp(magic, "MIAS0001", 8) != 0 ||
	    std::fread(hdr, sizeof hdr[0], 2, f) != 2) {
		std::printf("error=bad-header\n");
		return 2;
	}
	size_t n = hdr[0], m = hdr[1];
	std::vector<int64_t> cap(m), score(n * m);
	if (std::fread(cap.data(), sizeof(int64_t), m, f) != m ||
	    std::fread(score.data(), sizeof(int64_t), n * m, f) != n * m) {
		std::printf("error=short-file\n");
		return 2;
	}
	std::fclose(f);

	double best = -1, bestcpu = -1;
	int64_t total = 0, assigned = 0;
	for (int run = 0; run < runs; run++) {
		auto t0 = std::chrono::steady_clock::now();
		std::clock_t c0 = std::clock();
		SmartDigraph g;
		g.reserveNode((int)(n + m + 1));
		g.reserveArc((int)(n * m + m));
		std::vector<SmartDigraph::Node> cn(n), mn(m);
		for (size_t i = 0; i < n; i++)
			cn[i] = g.addNode();
		for (size_t j = 0; j < m; j++)
			mn[j] = g.addNode();
		SmartDigraph::Node sink = g.addNode();
		SmartDigraph::ArcMap<int64_t> upper(g), cost(g);
		SmartDigraph::NodeMap<int64_t> supply(g, 0);
		for (size_t i = 0; i < n; i++) {
			supply[cn[i]] = 1;
			for (size_t j = 0; j < m; j++) {
				SmartDigraph::Arc a = g.addArc(cn[i], mn[j]);
				upper[a] = 1;
				cost[a] = -score[i * m + j];
			}
		}
		for (size_t j = 0; j < m; j++) {
			SmartDigraph::Arc a = g.addArc(mn[j], sink);
			upper[a] = cap[j] < (int64_t)n ? cap[j] : (int64_t)n;
			cost[a] = 0;
		}
		supply[sink] = -(int64_t)n;
		Simplex ns(g);
		ns.upperMap(upper).costMap(cost).supplyMap(supply);
		Simplex::ProblemType pt = ns.run();
		double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
		double dc = (double)(std::clock() - c0) / CLOCKS_PER_SEC;
		if (pt != Simplex::OPTIMAL) {
			std::printf("error=not-optimal\n");
			return 1;
		}
		if (best < 0 || dt < best)
			best = dt;
		if (bestcpu < 0 || dc < bestcpu)
			bestcpu = dc;
		total = -ns.totalCost();
		assigned = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < m; j++)
				assigned += ns.flow(SmartDigraph::arcFromId((int)(i * m + j)));
	}
	std::printf("time=%.6f cpu=%.6f total=%lld assigned=%lld\n", best, bestcpu, (long long)total,
	            (long long)assigned);
	return 0;
}
