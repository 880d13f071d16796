# SPDX-License-Identifier: MIT
# The `mediate` command-line tool.  A new command is one more file in
# tools_mediate_SOURCES (see tools/cli.h); its tests go in tests/cli/.
bin_PROGRAMS += tools/mediate

tools_mediate_SOURCES = \
	tools/cli.h \
	tools/cli_util.c \
	tools/mediate.c \
	tools/cmd_policy.c \
	tools/cmd_case.c \
	tools/cmd_grade.c \
	tools/cmd_match.c \
	tools/cmd_route.c \
	tools/cmd_whistle.c \
	tools/cmd_payroll.c \
	tools/cmd_roster.c \
	tools/cmd_rate.c \
	tools/demo.c
# Where `mediate demo` looks for the sample data after --data and
# $MEDIATE_DATA: this source tree, then the installed copy.
tools_mediate_CPPFLAGS = $(AM_CPPFLAGS) \
	-DMEDIATE_SRCDATADIR='"$(abs_top_srcdir)/examples/data"' \
	-DMEDIATE_PKGDATADIR='"$(pkgdatadir)"'
tools_mediate_LDADD = libmediate.la

# CLI tests: shell scripts run from the top build directory with $srcdir
# set; each finds the tool as ./tools/mediate.
TESTS += \
	tests/cli/help.sh \
	tests/cli/policy-check.sh \
	tests/cli/policy-show.sh \
	tests/cli/demo.sh \
	tests/cli/case-check.sh \
	tests/cli/case-show.sh \
	tests/cli/case-transition.sh \
	tests/cli/grade.sh \
	tests/cli/match.sh \
	tests/cli/route.sh \
	tests/cli/whistle.sh \
	tests/cli/payroll.sh \
	tests/cli/roster.sh \
	tests/cli/rate.sh
EXTRA_DIST += tests/cli

# mediate(1); man/local.mk lists the library's pages.
dist_man_MANS += man/man1/mediate.1
