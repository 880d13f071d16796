# SPDX-License-Identifier: MIT
lib_LTLIBRARIES += libmediate.la

mediateincludedir = $(includedir)/mediate
include_HEADERS = include/mediate.h
mediateinclude_HEADERS = \
	include/mediate/common.h \
	include/mediate/errors.h \
	include/mediate/money.h \
	include/mediate/datetime.h \
	include/mediate/id.h \
	include/mediate/utf8.h \
	include/mediate/load.h \
	include/mediate/policy.h \
	include/mediate/grade.h \
	include/mediate/calendar.h \
	include/mediate/route.h \
	include/mediate/route_store.h \
	include/mediate/case.h \
	include/mediate/rating.h \
	include/mediate/roster.h \
	include/mediate/match.h \
	include/mediate/pay.h
nodist_mediateinclude_HEADERS = include/mediate/version.h

# All of the library is built once as a convenience archive: libmediate.la
# wraps it with the export list, and the tests and benchmarks link it
# directly so they can reach internal functions too.
noinst_LTLIBRARIES += lib/libmediate_core.la
libmediate_la_SOURCES =
nodist_EXTRA_libmediate_la_SOURCES = lib/dummy.c
libmediate_la_LIBADD = lib/libmediate_core.la $(YAML_LIBS) $(UUID_LIBS) $(SQLITE_LIBS) $(SODIUM_LIBS) -lm

lib_libmediate_core_la_SOURCES = \
	lib/internal.h \
	lib/alloc.c \
	lib/errors.c \
	lib/version.c \
	lib/money.c \
	lib/datetime.c \
	lib/id.c \
	lib/utf8.c \
	lib/names.c \
	lib/ydoc.h \
	lib/ydoc.c \
	lib/yemit.h \
	lib/yemit.c \
	lib/policy_priv.h \
	lib/policy.c \
	lib/grade_priv.h \
	lib/grade.c \
	lib/grade_case.c \
	lib/case_priv.h \
	lib/case_enum.c \
	lib/case.c \
	lib/case_mediation.c \
	lib/case_lifecycle.c \
	lib/case_agreement.c \
	lib/case_yaml.c \
	lib/case_yaml_emit.c \
	lib/route_priv.h \
	lib/calendar.c \
	lib/route_policy.c \
	lib/route_timer.c \
	lib/route_audit.c \
	lib/route.c \
	lib/route_store.c \
	lib/pay_priv.h \
	lib/pay_policy.c \
	lib/pay.c \
	lib/pay_export.c \
	lib/rating_priv.h \
	lib/rating.c \
	lib/assign.h \
	lib/assign.c \
	lib/match_priv.h \
	lib/match_policy.c \
	lib/match.c \
	lib/roster_priv.h \
	lib/roster.c \
	lib/roster_yaml.c \
	lib/roster_policy.c

lib_libmediate_core_la_CPPFLAGS = $(AM_CPPFLAGS) -DMEDIATE_BUILDING
lib_libmediate_core_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS) $(YAML_CFLAGS) $(UUID_CFLAGS) \
	$(SQLITE_CFLAGS) $(SODIUM_CFLAGS)
lib_libmediate_core_la_LIBADD = $(YAML_LIBS) $(UUID_LIBS) $(SQLITE_LIBS) $(SODIUM_LIBS) -lm
# Libraries the core archive needs when linked into a program directly.
MEDIATE_CORE_LIBS = lib/libmediate_core.la $(YAML_LIBS) $(UUID_LIBS) $(SQLITE_LIBS) $(SODIUM_LIBS) -lm -lpthread
libmediate_la_LDFLAGS = -version-info $(MEDIATE_LT_VERSION_INFO) -no-undefined \
	-Wl,--version-script=$(top_srcdir)/lib/libmediate.map
EXTRA_libmediate_la_DEPENDENCIES = $(top_srcdir)/lib/libmediate.map
