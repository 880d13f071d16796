# SPDX-License-Identifier: MIT
# Benchmarks.  `make bench` builds and runs every program listed in
# BENCH_PROGS at its default sizes; `make bench BENCH_ARGS=--full` passes
# --full (the large sizes too).  They are EXTRA_PROGRAMS: never built by
# `make all` or `make check`, never installed.  Each prints lines in the
# DESIGN.md format (bench/bench.h has the helpers); see bench/README.md.
#
# To add a benchmark: append it to BENCH_PROGS, then give it
#   bench_NAME_SOURCES = bench/NAME.c bench/bench.h
#   bench_NAME_CPPFLAGS = $(BENCH_CPPFLAGS)
#   bench_NAME_LDADD = $(MEDIATE_CORE_LIBS)
# Peer programs it runs go to BENCH_HELPERS (built first, not run).
BENCH_PROGS = bench/match_assign
BENCH_PROGS += bench/route_tick
BENCH_HELPERS =
BENCH_ARGS =
BENCH_CPPFLAGS = $(AM_CPPFLAGS) \
	-DBENCH_SRCDIR='"$(abs_top_srcdir)/bench"' \
	-DBENCH_PEER_PYTHON='"$(PEER_PYTHON)"'

if HAVE_LEMON
BENCH_HELPERS += bench/lemon_peer
BENCH_LEMON_PEER_PATH = $(abs_top_builddir)/bench/lemon_peer
else
BENCH_LEMON_PEER_PATH =
endif

EXTRA_PROGRAMS = $(BENCH_PROGS) bench/lemon_peer

bench_match_assign_SOURCES = bench/match_assign.c bench/bench.h
bench_match_assign_CPPFLAGS = $(BENCH_CPPFLAGS) -DBENCH_LEMON_PEER='"$(BENCH_LEMON_PEER_PATH)"'
bench_match_assign_LDADD = $(MEDIATE_CORE_LIBS)

# Cases to and from YAML against libyaml's bare event parse (issue 3).
BENCH_PROGS += bench/case_yaml
bench_case_yaml_SOURCES = bench/case_yaml.c bench/bench.h
bench_case_yaml_CPPFLAGS = $(BENCH_CPPFLAGS) $(YAML_CFLAGS)
bench_case_yaml_CFLAGS = $(AM_CFLAGS) -O2
bench_case_yaml_LDADD = $(MEDIATE_CORE_LIBS)

# Grading against one SQLite UPDATE ... CASE (issue 4).
BENCH_PROGS += bench/grade_batch
bench_grade_batch_SOURCES = bench/grade_batch.c bench/bench.h
bench_grade_batch_CPPFLAGS = $(BENCH_CPPFLAGS) $(SQLITE_CFLAGS)
bench_grade_batch_CFLAGS = $(AM_CFLAGS) -O2
bench_grade_batch_LDADD = $(MEDIATE_CORE_LIBS)

# A month's payroll against the same computation in SQLite SQL (issue 6).
BENCH_PROGS += bench/pay_payroll
bench_pay_payroll_SOURCES = bench/pay_payroll.c bench/bench.h
bench_pay_payroll_CPPFLAGS = $(BENCH_CPPFLAGS) $(SQLITE_CFLAGS)
bench_pay_payroll_CFLAGS = $(AM_CFLAGS) -O2
bench_pay_payroll_LDADD = $(MEDIATE_CORE_LIBS)

bench_route_tick_SOURCES = bench/route_tick.c bench/bench.h
bench_route_tick_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_route_tick_LDADD = $(MEDIATE_CORE_LIBS)

bench_lemon_peer_SOURCES = bench/lemon_peer.cc
bench_lemon_peer_CXXFLAGS = -O2
bench_lemon_peer_LDADD = -llemon

# rank: the top 10 of 50,000 mediators per case against numpy.argpartition (issue 5).
BENCH_PROGS += bench/match_rank
bench_match_rank_SOURCES = bench/match_rank.c bench/bench.h
bench_match_rank_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_match_rank_CFLAGS = $(AM_CFLAGS) -O2
bench_match_rank_LDADD = $(MEDIATE_CORE_LIBS)

EXTRA_DIST += bench/README.md bench/scipy_peer.py
EXTRA_DIST += bench/numpy_rank_peer.py
CLEANFILES += $(EXTRA_PROGRAMS)

bench: $(BENCH_PROGS) $(BENCH_HELPERS)
	@fail=0; for p in $(BENCH_PROGS); do \
	  echo "# $$p $(BENCH_ARGS)"; \
	  ./$$p $(BENCH_ARGS) || fail=1; \
	done; exit $$fail
.PHONY: bench
