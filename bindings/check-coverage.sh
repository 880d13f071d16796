#!/bin/sh
# SPDX-License-Identifier: MIT
# Every function exported by libmediate.so must be
#   1. wrapped by SWIG for Python and for Java (read from the generated
#      wrappers: _wrap_mediate_x in mediate_wrap.c,
#      Java_org_libmediate_MediateNativeJNI_mediate_1x in mediate_jwrap.c), and
#   2. named in at least one Python test (bindings/python/tests/*.py) and one
#      Java test (bindings/java/tests/*.java): the call itself
#      (capi.mediate_x / MediateNative.mediate_x) or a marker next to the
#      idiomatic call: "# covers: mediate_x" / "// covers: mediate_x".
# A language that is not built is skipped.  Also: every source file under
# bindings/ is listed for `make dist` in bindings/local.mk.  Run by `make check` from the top
# build directory.
. ./bindings/env.sh || exit 99

lib="$MEDIATE_TOP_BUILDDIR/.libs/libmediate.so"
if test ! -f "$lib"; then
	echo "check-coverage: $lib not found (shared library disabled?): skipped"
	exit 77
fi
if test "$MEDIATE_HAVE_PYTHON" != yes && test "$MEDIATE_HAVE_JAVA" != yes; then
	echo "check-coverage: no binding is built: skipped"
	exit 77
fi

syms=`$NM -D --defined-only "$lib" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | grep '^mediate_' | sort -u`
if test -z "$syms"; then
	echo "check-coverage: no mediate_* symbol exported by $lib" >&2
	exit 1
fi
total=`echo "$syms" | wc -l`
fail=0

# named_in SYMBOL FILE...: the symbol appears as a whole word in a file.
named_in() {
	sym=$1
	shift
	for f in "$@"; do
		test -f "$f" && grep -qw -- "$sym" "$f" && return 0
	done
	return 1
}

pywrap="$MEDIATE_TOP_BUILDDIR/bindings/python/mediate_wrap.c"
jwrap="$MEDIATE_TOP_BUILDDIR/bindings/java/mediate_jwrap.c"
if test "$MEDIATE_HAVE_PYTHON" = yes && test ! -f "$pywrap"; then
	echo "check-coverage: $pywrap missing" >&2
	exit 1
fi
if test "$MEDIATE_HAVE_JAVA" = yes && test ! -f "$jwrap"; then
	echo "check-coverage: $jwrap missing" >&2
	exit 1
fi

# One line per incomplete function, saying what it lacks.
missing=0
for s in $syms; do
	lacks=
	if test "$MEDIATE_HAVE_PYTHON" = yes; then
		grep -q "_wrap_$s(" "$pywrap" || lacks="$lacks python-wrapper"
		named_in "$s" "$MEDIATE_TOP_SRCDIR"/bindings/python/tests/*.py || lacks="$lacks python-test"
	fi
	if test "$MEDIATE_HAVE_JAVA" = yes; then
		jni="Java_org_libmediate_MediateNativeJNI_`echo "$s" | sed 's/_/_1/g'`("
		grep -q "$jni" "$jwrap" || lacks="$lacks java-wrapper"
		named_in "$s" "$MEDIATE_TOP_SRCDIR"/bindings/java/tests/*.java || lacks="$lacks java-test"
	fi
	if test -n "$lacks"; then
		echo "check-coverage: $s lacks:$lacks" >&2
		missing=`expr $missing + 1`
		fail=1
	fi
done

# Every source file under bindings/ must be in a list of bindings/local.mk,
# or `make dist` leaves it out (build products are not looked at).
undist=0
for f in `cd "$MEDIATE_TOP_SRCDIR" && find bindings -type d \( -name pkg -o -name gen -o -name classes \
		-o -name .libs -o -name .deps -o -name __pycache__ \) -prune -o -type f \( -name '*.i' \
		-o -name '*.py' -o -name '*.java' -o -name '*.yaml' -o -name '*.yml' -o -name '*.sh' \
		-o -name '*.md' -o -name '*.in' -o -name '*.json' -o -name '*.txt' \) -print | sort`; do
	test "$f" = bindings/env.sh && continue
	case " $MEDIATE_BINDINGS_DIST " in
	*" $f "*) ;;
	*)
		echo "check-coverage: $f is not distributed: add it to a list at the top of bindings/local.mk" >&2
		undist=1
		fail=1
		;;
	esac
done

if test $missing -ne 0; then
	echo "check-coverage: FAIL: $missing of $total exported functions lack a binding or a binding test." >&2
	echo "  wrapper: add the module's bindings/<module>.i to bindings/mediate.i;" >&2
	echo "  test: call capi.mediate_x / MediateNative.mediate_x in a test, or write" >&2
	echo "  '# covers: mediate_x' / '// covers: mediate_x' next to the call that exercises it." >&2
fi
test $fail -eq 0 || exit 1
echo "check-coverage: all $total exported functions are wrapped and tested (python=$MEDIATE_HAVE_PYTHON java=$MEDIATE_HAVE_JAVA)"
exit 0
