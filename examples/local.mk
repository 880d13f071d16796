# SPDX-License-Identifier: MIT
# Examples: small programs that use the public API, and the sample county.

# The sample data is installed to $(pkgdatadir), where `mediate demo`
# finds it; later samples (cases, roster...) are added to this list.
exampledatadir = $(pkgdatadir)
dist_exampledata_DATA = \
	examples/data/county.yaml \
	examples/data/cases.yaml \
	examples/data/roster.yaml \
	examples/data/ratings.yaml
# The roster is written by this script (run by hand; the YAML is committed).
EXTRA_DIST += examples/data/gen-roster.py
# The ratings of the sample cases: scripts/gen_sample_ratings.py (run by hand).
EXTRA_DIST += scripts/gen_sample_ratings.py

# The C example is built with the library and run by `make check` on the
# sample county (tests/cli/example-c.sh).
noinst_PROGRAMS += examples/c/show_policy
examples_c_show_policy_SOURCES = examples/c/show_policy.c
examples_c_show_policy_LDADD = libmediate.la

TESTS += tests/cli/example-c.sh

# The Python and Java examples use the bindings; each is run by make check
# when its binding is enabled, and must print what the C example prints.
EXTRA_DIST += examples/python/show_policy.py examples/java/ShowPolicy.java
if ENABLE_PYTHON
TESTS += tests/cli/example-python.sh
endif
if ENABLE_JAVA
TESTS += tests/cli/example-java.sh
endif
