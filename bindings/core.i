/* SPDX-License-Identifier: MIT */
/*
 * Core module: common (allocator, mediate_free), version, errors, money,
 * time, ids, UTF-8 and the load options shared by every loader.  Also the
 * small C shim that collects ALL the errors of a load (mbind_errors_*).
 */

/* ---- common ---- */

/*
 * The allocator can only be reset (NULL) or refused from a scripting
 * language: its fields are C function pointers.  Kept for completeness and
 * tested for its argument checks.
 */
%include "mediate/common.h"

/* ---- version ---- */
%include "mediate/version.h"

/* ---- errors ---- */

/* The record is read-only from the bindings; strings are UTF-8. */
%immutable mediate_error::version;
%immutable mediate_error::code;
%immutable mediate_error::line;
%immutable mediate_error::column;
%immutable mediate_error::file;
%immutable mediate_error::path;
%immutable mediate_error::text;

#if defined(SWIGPYTHON)
/* mediate_error_format() returns the text; the length it needed is dropped. */
%typemap(out) size_t mediate_error_format {
	$result = SWIG_Py_Void();
}
#endif
%include "mediate/errors.h"

/* ---- money ---- */

/*
 * mediate_money_split(int64_t *parts, int64_t total, const uint32_t *weights,
 * size_t n).  Python: money_split(total, weights) -> list of parts.  Java:
 * mediate_money_split(long[] parts, long total, long[] weights) with
 * parts.length >= weights.length.  The typemaps below look at each other's
 * arguments (arg1, plen1): parts is argument 1, weights and n are 3 and 4.
 */
#if defined(SWIGPYTHON)
%typemap(in, numinputs=0) int64_t *parts {
	$1 = NULL;
}
%typemap(in) (const uint32_t *weights, size_t n) {
	Py_ssize_t i, count;
	PyObject *seq = PySequence_Fast($input, "weights must be a sequence of integers");
	if (seq == NULL)
		SWIG_fail;
	count = PySequence_Fast_GET_SIZE(seq);
	$1 = (uint32_t *)calloc(count > 0 ? (size_t)count : 1, sizeof(uint32_t));
	arg1 = (int64_t *)calloc(count > 0 ? (size_t)count : 1, sizeof(int64_t));
	if ($1 == NULL || arg1 == NULL) {
		Py_DECREF(seq);
		PyErr_NoMemory();
		SWIG_fail;
	}
	for (i = 0; i < count; i++) {
		PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
		unsigned long long w;
		if (!PyLong_Check(item)) {
			Py_DECREF(seq);
			PyErr_SetString(PyExc_TypeError, "weights must be integers");
			SWIG_fail;
		}
		w = PyLong_AsUnsignedLongLong(item);
		if (PyErr_Occurred() || w > UINT32_MAX) {
			PyErr_Clear();
			Py_DECREF(seq);
			mbind_py_raise_text(MEDIATE_EINVAL, "a weight is out of the range 0..4294967295");
			SWIG_fail;
		}
		$1[i] = (uint32_t)w;
	}
	$2 = (size_t)count;
	Py_DECREF(seq);
}
%typemap(argout) int64_t *parts {
	size_t i;
	PyObject *list = PyList_New((Py_ssize_t)arg4);
	if (list == NULL)
		SWIG_fail;
	for (i = 0; i < arg4; i++)
		PyList_SET_ITEM(list, (Py_ssize_t)i, PyLong_FromLongLong($1[i]));
	$result = SWIG_Python_AppendOutput($result, list);
}
%typemap(freearg) int64_t *parts {
	free($1);
}
%typemap(freearg) (const uint32_t *weights, size_t n) {
	free($1);
}
#elif defined(SWIGJAVA)
%typemap(jni) int64_t *parts "jlongArray"
%typemap(jtype) int64_t *parts "long[]"
%typemap(jstype) int64_t *parts "long[]"
%typemap(javain) int64_t *parts "$javainput"
%typemap(in) int64_t *parts (jsize plen = 0) {
	$1 = NULL;
	if ($input != NULL) {
		plen = JCALL1(GetArrayLength, jenv, $input);
		$1 = (int64_t *)calloc(plen > 0 ? (size_t)plen : 1, sizeof(int64_t));
		if ($1 == NULL) {
			mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
			return $null;
		}
	}
}
%typemap(argout) int64_t *parts {
	if ($input != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jsize i;
		for (i = 0; i < plen$argnum; i++) {
			jlong v = (jlong)$1[i];
			JCALL4(SetLongArrayRegion, jenv, $input, i, 1, &v);
		}
	}
}
%typemap(freearg) int64_t *parts {
	free($1);
}
%typemap(jni) (const uint32_t *weights, size_t n) "jlongArray"
%typemap(jtype) (const uint32_t *weights, size_t n) "long[]"
%typemap(jstype) (const uint32_t *weights, size_t n) "long[]"
%typemap(javain) (const uint32_t *weights, size_t n) "$javainput"
%typemap(in) (const uint32_t *weights, size_t n) {
	jsize i, count;
	$1 = NULL;
	$2 = 0;
	if ($input != NULL) {
		count = JCALL1(GetArrayLength, jenv, $input);
		/* In Java an early return skips freearg: free parts here. */
		if (arg1 != NULL && count > plen1) {
			free(arg1);
			mbind_java_throw_text(jenv, MEDIATE_EINVAL, "parts is shorter than weights");
			return $null;
		}
		$1 = (uint32_t *)calloc(count > 0 ? (size_t)count : 1, sizeof(uint32_t));
		if ($1 == NULL) {
			free(arg1);
			mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
			return $null;
		}
		for (i = 0; i < count; i++) {
			jlong w;
			JCALL4(GetLongArrayRegion, jenv, $input, i, 1, &w);
			if (w < 0 || w > (jlong)UINT32_MAX) {
				free($1);
				free(arg1);
				mbind_java_throw_text(jenv, MEDIATE_EINVAL, "a weight is out of the range 0..4294967295");
				return $null;
			}
			$1[i] = (uint32_t)w;
		}
		$2 = (size_t)count;
	}
}
%typemap(freearg) (const uint32_t *weights, size_t n) {
	free($1);
}
#endif
%include "mediate/money.h"
/* SWIG cannot evaluate INT64_MAX in the header's macros (tests check these). */
#undef MEDIATE_MONEY_MAX
#undef MEDIATE_MONEY_MIN
%constant int64_t MEDIATE_MONEY_MAX = 9223372036854775807LL;
%constant int64_t MEDIATE_MONEY_MIN = -9223372036854775807LL;

/* ---- time ---- */

MEDIATE_STRUCT_OUT(mediate_civil)
%apply int *out { int *offset_minutes };
%include "mediate/datetime.h"

/* ---- ids ---- */

MEDIATE_STRUCT_OUT(mediate_id)
%include "mediate/id.h"

/* ---- UTF-8 ---- */

#if defined(SWIGPYTHON)
/* Python: validate() returns None or raises Utf8Error with .offset set. */
%typemap(in, numinputs=0) size_t *bad_offset (size_t temp) {
	temp = 0;
	$1 = &temp;
}
%typemap(out) mediate_status mediate_utf8_validate {
	if ($1 < 0) {
		mbind_py_raise_attr($1, "offset", PyLong_FromSize_t(temp3));
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}
#else
%apply size_t *out { size_t *bad_offset };
/* Java: the offset is stored before the exception is thrown (argout does
 * not run after a throw).  bad_offset is argument 3 (jarg3). */
%typemap(out) mediate_status mediate_utf8_validate {
	if ($1 < 0) {
		if (arg3 != NULL) {
			jlong v = (jlong)*arg3;
			JCALL4(SetLongArrayRegion, jenv, jarg3, 0, 1, &v);
		}
		mbind_java_throw(jenv, $1);
	}
	$result = (jint)$1;
}
#endif
%include "mediate/utf8.h"

/* ---- load options ---- */
%include "mediate/load.h"
/* Cast expressions SWIG cannot evaluate (tests compare with the C defaults). */
#undef MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES
#undef MEDIATE_DEFAULT_MAX_SCALAR_BYTES
#undef MEDIATE_DEFAULT_MAX_NODES
%constant size_t MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES = 1048576;
%constant size_t MEDIATE_DEFAULT_MAX_SCALAR_BYTES = 65536;
%constant size_t MEDIATE_DEFAULT_MAX_NODES = 1000000;

/*
 * All the errors of one load.  The loaders report the first error through
 * the status (an exception); to get every error, attach a list to the load
 * options: its on_error callback copies each record into the list.
 *
 *   opts = mediate_load_options(); mediate_load_options_init(opts, 1)
 *   errs = mbind_errors_new(); mbind_errors_attach(errs, opts)
 *   ... load with opts ...; mbind_errors_count(errs), mbind_errors_at(errs, i)
 *   mbind_errors_free(errs)   (after the last load that uses opts)
 *
 * The list grows with malloc; if it cannot, it stops collecting and
 * mbind_errors_truncated() says so.
 */
%{
struct mbind_errors {
	size_t count;
	size_t cap;
	int truncated;
	mediate_error *items;
};

static void
mbind_errors_collect(const mediate_error *err, void *user)
{
	struct mbind_errors *list = (struct mbind_errors *)user;
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		mediate_error *items = (mediate_error *)realloc(list->items, cap * sizeof *items);
		if (items == NULL) {
			list->truncated = 1;
			return;
		}
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = *err;
}
%}

%inline %{
typedef struct mbind_errors mbind_errors;

/* A new empty list, or NULL when out of memory. */
mbind_errors *
mbind_errors_new(void)
{
	return (mbind_errors *)calloc(1, sizeof(mbind_errors));
}

void
mbind_errors_free(mbind_errors *list)
{
	if (list != NULL) {
		free(list->items);
		free(list);
	}
}

/* Empties the list and makes opts report every error into it. */
void
mbind_errors_attach(mbind_errors *list, mediate_load_options *opts)
{
	if (list == NULL || opts == NULL)
		return;
	list->count = 0;
	list->truncated = 0;
	opts->on_error = mbind_errors_collect;
	opts->on_error_user = list;
}

size_t
mbind_errors_count(const mbind_errors *list)
{
	return list != NULL ? list->count : 0;
}

int
mbind_errors_truncated(const mbind_errors *list)
{
	return list != NULL ? list->truncated : 0;
}

/* Borrowed from the list; NULL when i is out of range. */
const mediate_error *
mbind_errors_at(const mbind_errors *list, size_t i)
{
	return list != NULL && i < list->count ? &list->items[i] : NULL;
}
%}
