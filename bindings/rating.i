/* SPDX-License-Identifier: MIT */
/*
 * Rating module: the ratings parties give mediators after a case ended,
 * the outcome record, exclusion on appeal, the aggregates of a mediator
 * (mediate_rating_summary) and the YAML form (mediate-ratings(5)).
 *
 * mediate_ratings is an owned handle (_free); a mediate_rating is borrowed
 * from its store, so the idiomatic layers keep the store alive while a
 * rating is reachable.  mediate_ratings_add's "const mediate_rating **out"
 * is returned like a handle (Python: the pointer; Java: a long[1], wrap it
 * with SWIGTYPE_p_mediate_rating.wrap).  The summary is a plain struct the
 * call fills (Python: a new object; Java: pass a new
 * mediate_rating_summary()); its stars[5] member reads whole: a tuple of 5
 * ints in Python, a long[5] in Java.  mediate_ratings_to_yaml uses the
 * "char **out, size_t *len" typemaps of case.i.
 */
MEDIATE_HANDLE_OUT(mediate_ratings)
MEDIATE_STRUCT_OUT(mediate_rating_summary)

/* The borrowed new rating of mediate_ratings_add. */
#if defined(SWIGPYTHON)
%typemap(in, numinputs=0) const mediate_rating **out (const mediate_rating *temp = NULL) {
	$1 = ($1_ltype)&temp;
}
%typemap(argout) const mediate_rating **out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)*$1, $*1_descriptor, 0));
}
#elif defined(SWIGJAVA)
%typemap(jni) const mediate_rating **out "jlongArray"
%typemap(jtype) const mediate_rating **out "long[]"
%typemap(jstype) const mediate_rating **out "long[]"
%typemap(javain) const mediate_rating **out "$javainput"
%typemap(in) const mediate_rating **out (const mediate_rating *temp = NULL) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = ($1_ltype)&temp;
}
%typemap(argout) const mediate_rating **out {
	if ($1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jlong v = 0;
		*(const mediate_rating **)&v = *$1;
		JCALL4(SetLongArrayRegion, jenv, $input, 0, 1, &v);
	}
}
#endif

/* The summary is filled by the library: read-only in the bindings. */
%immutable mediate_rating_summary::count;
%immutable mediate_rating_summary::excluded;
%immutable mediate_rating_summary::stars;
%immutable mediate_rating_summary::mean_milli;
%immutable mediate_rating_summary::bayes_milli;
%immutable mediate_rating_summary::ended;
%immutable mediate_rating_summary::agreements;
%immutable mediate_rating_summary::success_milli;
%immutable mediate_rating_summary::wilson_milli;

#if defined(SWIGPYTHON)
%typemap(out) uint32_t stars[ANY] {
	Py_ssize_t i;
	$result = PyTuple_New($1_dim0);
	if ($result == NULL)
		SWIG_fail;
	for (i = 0; i < $1_dim0; i++) {
		PyObject *v = PyLong_FromUnsignedLong((unsigned long)$1[i]);
		if (v == NULL) {
			Py_DECREF($result);
			SWIG_fail;
		}
		PyTuple_SET_ITEM($result, i, v);
	}
}
#elif defined(SWIGJAVA)
%typemap(jni) uint32_t stars[ANY] "jlongArray"
%typemap(jtype) uint32_t stars[ANY] "long[]"
%typemap(jstype) uint32_t stars[ANY] "long[]"
%typemap(javaout) uint32_t stars[ANY] {
    return $jnicall;
  }
%typemap(out) uint32_t stars[ANY] {
	jlong tmp[$1_dim0];
	jsize i;
	for (i = 0; i < $1_dim0; i++)
		tmp[i] = (jlong)$1[i];
	$result = JCALL1(NewLongArray, jenv, $1_dim0);
	if ($result != NULL)
		JCALL4(SetLongArrayRegion, jenv, $result, 0, $1_dim0, tmp);
}
#endif

%include "mediate/rating.h"
