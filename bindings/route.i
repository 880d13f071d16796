/* SPDX-License-Identifier: MIT */
/*
 * Route module: working-time calendars and the whistle -> dispatch ->
 * report engine with its audit chain.
 *
 * mediate_route is an owned handle (_new/_free); calendars are borrowed from
 * the policy, audit entries from the engine.  Beyond the shared typemaps:
 *   - the audit key "(const unsigned char *key, size_t keylen)" is bytes
 *     (Python) / byte[] (Java);
 *   - a hash "unsigned char head[32]" is returned as bytes (Python) or
 *     filled into a byte[32] (Java); as input it is bytes / byte[];
 *   - mediate_route_tick: Python tick(route, now, cap) -> list of
 *     mediate_route_event; Java passes a mediate_route_event[] of objects
 *     to fill and a long[1] for the count;
 *   - mediate_audit_verify: the entries are a sequence / array of
 *     mediate_audit_entry objects (their fields are copied).
 *   - the infos are returned filled in Python (version set by the binding);
 *     in Java the caller passes an object with its version set;
 *   - array members are read whole: task_info.due / .done (Python tuple of
 *     3, Java long[3]), audit_entry.hash (bytes / byte[32]); in Java an enum
 *     member that is 0 until set (rating, level, step) reads as null;
 *   - a failed verify gives the first bad entry: Python TamperDetected.index,
 *     Java bad[0] (filled before the throw);
 *   - uint64_t (order numbers) is a Java long (mediate_java.i);
 *   - helpers for the idiomatic layers at the end: mbind_route_whistle,
 *     mbind_audit_new/set/verify/free.
 */
MEDIATE_HANDLE_OUT(mediate_route)
MEDIATE_ENUM_OUT(mediate_day_kind)
MEDIATE_ENUM_OUT(mediate_urgency)
MEDIATE_ENUM_OUT(mediate_return_reason)
MEDIATE_ENUM_OUT(mediate_satisfaction)
MEDIATE_STRUCT_OUT(mediate_order_info)
MEDIATE_STRUCT_OUT(mediate_task_info)
MEDIATE_STRUCT_OUT(mediate_route_metrics)
%apply uint64_t *out { uint64_t *order };
%apply size_t *out { size_t *bad };

/* Entries and events are read-only records in the bindings. */
%immutable mediate_audit_entry::actor;
%immutable mediate_audit_entry::unit;
%immutable mediate_audit_entry::department;
%immutable mediate_audit_entry::action;
%immutable mediate_audit_entry::from;
%immutable mediate_audit_entry::to;
%immutable mediate_route_event::department;
%immutable mediate_order_info::unit;
%immutable mediate_order_info::raiser;
%immutable mediate_order_info::category;
%immutable mediate_order_info::place;
%immutable mediate_order_info::description;
%immutable mediate_order_info::case_id;
%immutable mediate_task_info::department;
/* Arrays are read as a whole (Python tuple / bytes, Java long[] / byte[]). */
%immutable mediate_task_info::due;
%immutable mediate_task_info::done;
%immutable mediate_audit_entry::hash;
/* A whistle's strings are set by the caller; SWIG copies them (never freed,
 * like any const char * member it sets): fine for the few whistles a
 * program raises, and the engine copies them again. */
%warnfilter(451) mediate_whistle::unit;
%warnfilter(451) mediate_whistle::raiser;
%warnfilter(451) mediate_whistle::category;
%warnfilter(451) mediate_whistle::place;
%warnfilter(451) mediate_whistle::description;
%warnfilter(451) mediate_whistle::case_id;
/* details may be edited to show what verify catches. */
%warnfilter(451) mediate_audit_entry::details;

#if defined(SWIGPYTHON)

%define MBIND_PY_VERSIONED_OUT(TYPE, VERSION)
%typemap(in, numinputs=0) TYPE *out {
	$1 = (TYPE *)calloc(1, sizeof(TYPE));
	if ($1 == NULL) {
		PyErr_NoMemory();
		SWIG_fail;
	}
	$1->version = VERSION;
}
%enddef
MBIND_PY_VERSIONED_OUT(mediate_order_info, MEDIATE_ORDER_INFO_VERSION)
MBIND_PY_VERSIONED_OUT(mediate_task_info, MEDIATE_TASK_INFO_VERSION)
MBIND_PY_VERSIONED_OUT(mediate_route_metrics, MEDIATE_ROUTE_METRICS_VERSION)

%typemap(in) (const unsigned char *key, size_t keylen) {
	char *kbuf = NULL;
	Py_ssize_t klen = 0;
	if (!PyBytes_Check($input)) {
		PyErr_SetString(PyExc_TypeError, "the audit key must be bytes");
		SWIG_fail;
	}
	if (PyBytes_AsStringAndSize($input, &kbuf, &klen) != 0)
		SWIG_fail;
	$1 = (unsigned char *)kbuf;
	$2 = (size_t)klen;
}

%typemap(in, numinputs=0) unsigned char head[ANY] (unsigned char temp[$1_dim0]) {
	memset(temp, 0, sizeof temp);
	$1 = temp;
}
%typemap(argout) unsigned char head[ANY] {
	$result = SWIG_Python_AppendOutput($result, PyBytes_FromStringAndSize((const char *)$1, $1_dim0));
}
%typemap(in) const unsigned char expected_head[ANY] {
	char *hbuf = NULL;
	Py_ssize_t hlen = 0;
	if (!PyBytes_Check($input) || PyBytes_AsStringAndSize($input, &hbuf, &hlen) != 0 || hlen != $1_dim0) {
		PyErr_Clear();
		mbind_py_raise_text(MEDIATE_EINVAL, "the head must be bytes of the hash length");
		SWIG_fail;
	}
	$1 = (unsigned char *)hbuf;
}

%typemap(in) (const mediate_audit_entry *entries, size_t n) {
	Py_ssize_t i, count;
	PyObject *seq = PySequence_Fast($input, "entries must be a sequence of mediate_audit_entry");
	if (seq == NULL)
		SWIG_fail;
	count = PySequence_Fast_GET_SIZE(seq);
	$1 = (mediate_audit_entry *)calloc(count > 0 ? (size_t)count : 1, sizeof(mediate_audit_entry));
	if ($1 == NULL) {
		Py_DECREF(seq);
		PyErr_NoMemory();
		SWIG_fail;
	}
	for (i = 0; i < count; i++) {
		void *p = NULL;
		if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, $descriptor(mediate_audit_entry *), 0)) ||
		    p == NULL) {
			Py_DECREF(seq);
			PyErr_SetString(PyExc_TypeError, "entries must be mediate_audit_entry objects");
			SWIG_fail;
		}
		((mediate_audit_entry *)$1)[i] = *(const mediate_audit_entry *)p;
	}
	$2 = (size_t)count;
	Py_DECREF(seq);
}
%typemap(freearg) (const mediate_audit_entry *entries, size_t n) {
	free((void *)$1);
}

/* tick(route, now, cap) -> [events]: copies, owned by Python. */
%typemap(in) (mediate_route_event *events, size_t cap) {
	unsigned long long c = PyLong_AsUnsignedLongLong($input);
	if (PyErr_Occurred() || c > 1000000) {
		PyErr_Clear();
		mbind_py_raise_text(MEDIATE_EINVAL, "cap must be a whole number from 0 to 1000000");
		SWIG_fail;
	}
	$1 = (mediate_route_event *)calloc(c > 0 ? (size_t)c : 1, sizeof(mediate_route_event));
	if ($1 == NULL) {
		PyErr_NoMemory();
		SWIG_fail;
	}
	$2 = (size_t)c;
}
%typemap(in, numinputs=0) size_t *count (size_t temp = 0) {
	$1 = &temp;
}
%typemap(argout) (mediate_route_event *events, size_t cap) {
	size_t i;
	PyObject *list = PyList_New((Py_ssize_t)*arg5);
	if (list == NULL)
		SWIG_fail;
	for (i = 0; i < *arg5; i++) {
		mediate_route_event *e = (mediate_route_event *)malloc(sizeof *e);
		if (e == NULL) {
			Py_DECREF(list);
			PyErr_NoMemory();
			SWIG_fail;
		}
		*e = $1[i];
		PyList_SET_ITEM(list, (Py_ssize_t)i, SWIG_NewPointerObj((void *)e, $descriptor(mediate_route_event *), SWIG_POINTER_OWN));
	}
	$result = SWIG_Python_AppendOutput($result, list);
}
%typemap(freearg) (mediate_route_event *events, size_t cap) {
	free($1);
}

/* dispatch(..., ["YZ-ZH-CJ", ...], level): a list of unit codes. */
%typemap(in) (const char *const *assist, size_t nassist) {
	Py_ssize_t i, count;
	PyObject *seq;
	if ($input == Py_None) {
		$1 = NULL;
		$2 = 0;
	} else {
		seq = PySequence_Fast($input, "assist must be a sequence of unit codes");
		if (seq == NULL)
			SWIG_fail;
		count = PySequence_Fast_GET_SIZE(seq);
		$1 = (char **)calloc(count > 0 ? (size_t)count : 1, sizeof(char *));
		if ($1 == NULL) {
			Py_DECREF(seq);
			PyErr_NoMemory();
			SWIG_fail;
		}
		for (i = 0; i < count; i++) {
			const char *code = PyUnicode_Check(PySequence_Fast_GET_ITEM(seq, i))
			                   ? PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, i)) : NULL;
			if (code == NULL) {
				Py_DECREF(seq);
				PyErr_Clear();
				PyErr_SetString(PyExc_TypeError, "assist must be a sequence of str");
				SWIG_fail;
			}
			((const char **)$1)[i] = code;   /* alive as long as the argument */
		}
		$2 = (size_t)count;
		Py_DECREF(seq);
	}
}
%typemap(freearg) (const char *const *assist, size_t nassist) {
	free((void *)$1);
}

/* Array members: task_info.due / .done -> tuple of 3 ints, entry.hash -> bytes. */
%typemap(out) int64_t due[ANY], int64_t done[ANY] {
	Py_ssize_t i;
	$result = PyTuple_New($1_dim0);
	if ($result == NULL)
		SWIG_fail;
	for (i = 0; i < $1_dim0; i++) {
		PyObject *v = PyLong_FromLongLong((long long)$1[i]);
		if (v == NULL) {
			Py_DECREF($result);
			SWIG_fail;
		}
		PyTuple_SET_ITEM($result, i, v);
	}
}
%typemap(out) unsigned char hash[ANY] {
	$result = PyBytes_FromStringAndSize((const char *)$1, $1_dim0);
}

/* A hash given back to mbind_audit_set: bytes. */
%typemap(in) (const unsigned char *hash, size_t hashlen) {
	char *hbuf = NULL;
	Py_ssize_t hlen = 0;
	if (!PyBytes_Check($input)) {
		PyErr_SetString(PyExc_TypeError, "the hash must be bytes");
		SWIG_fail;
	}
	if (PyBytes_AsStringAndSize($input, &hbuf, &hlen) != 0)
		SWIG_fail;
	$1 = (unsigned char *)hbuf;
	$2 = (size_t)hlen;
}

/* A failed verify raises TamperDetected with .index: the first bad entry
 * (the number of entries when the trail was cut short).  bad is argument 1. */
%typemap(out) mediate_status mediate_audit_verify, mediate_status mbind_audit_verify {
	if ($1 < 0) {
		mbind_py_raise_attr($1, "index", $1 == MEDIATE_ETAMPER ? PyLong_FromSize_t(temp1) : NULL);
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

#elif defined(SWIGJAVA)

/* Order and sequence numbers (uint64_t) are Java longs: see mediate_java.i. */

%typemap(jni) (const char *const *assist, size_t nassist) "jobjectArray"
%typemap(jtype) (const char *const *assist, size_t nassist) "String[]"
%typemap(jstype) (const char *const *assist, size_t nassist) "String[]"
%typemap(javain) (const char *const *assist, size_t nassist) "$javainput"
%typemap(in) (const char *const *assist, size_t nassist) (jsize count = 0) {
	jsize i;
	count = $input != NULL ? JCALL1(GetArrayLength, jenv, $input) : 0;
	$1 = (char **)calloc(count > 0 ? (size_t)count : 1, sizeof(char *));
	if ($1 == NULL) {
		mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
		return $null;
	}
	for (i = 0; i < count; i++) {
		jstring js = (jstring)JCALL2(GetObjectArrayElement, jenv, $input, i);
		const char *c = js != NULL ? JCALL2(GetStringUTFChars, jenv, js, NULL) : NULL;
		((char **)$1)[i] = c != NULL ? strdup(c) : NULL;
		if (c != NULL)
			JCALL2(ReleaseStringUTFChars, jenv, js, c);
		if (js != NULL)
			JCALL1(DeleteLocalRef, jenv, js);
	}
	$2 = (size_t)count;
}
%typemap(freearg) (const char *const *assist, size_t nassist) {
	jsize k;
	for (k = 0; k < count$argnum; k++)
		free(((char **)$1)[k]);
	free((void *)$1);
}

SWIG_JAVABODY_PROXY(protected, public, mediate_audit_entry, struct mediate_audit_entry)
SWIG_JAVABODY_PROXY(protected, public, mediate_route_event, struct mediate_route_event)
%typemap(javacode) mediate_audit_entry, struct mediate_audit_entry %{
  /** The native addresses of entries (for mediate_audit_verify). */
  public static long[] cPtrs(mediate_audit_entry[] a) {
    long[] p = new long[a == null ? 0 : a.length];
    for (int i = 0; i < p.length; i++)
      p[i] = getCPtr(a[i]);
    return p;
  }
%}
%typemap(javacode) mediate_route_event, struct mediate_route_event %{
  /** The native addresses of events (for mediate_route_tick). */
  public static long[] cPtrs(mediate_route_event[] a) {
    long[] p = new long[a == null ? 0 : a.length];
    for (int i = 0; i < p.length; i++)
      p[i] = getCPtr(a[i]);
    return p;
  }
%}

%typemap(jni) (const unsigned char *key, size_t keylen) "jbyteArray"
%typemap(jtype) (const unsigned char *key, size_t keylen) "byte[]"
%typemap(jstype) (const unsigned char *key, size_t keylen) "byte[]"
%typemap(javain) (const unsigned char *key, size_t keylen) "$javainput"
%typemap(in) (const unsigned char *key, size_t keylen) (int failed = 0) {
	$1 = (unsigned char *)mbind_java_copy(jenv, $input, &$2, &failed);
	if (failed)
		return $null;
}
%typemap(freearg) (const unsigned char *key, size_t keylen) {
	free((void *)$1);
}

%typemap(jni) unsigned char head[ANY], const unsigned char expected_head[ANY] "jbyteArray"
%typemap(jtype) unsigned char head[ANY], const unsigned char expected_head[ANY] "byte[]"
%typemap(jstype) unsigned char head[ANY], const unsigned char expected_head[ANY] "byte[]"
%typemap(javain) unsigned char head[ANY], const unsigned char expected_head[ANY] "$javainput"
%typemap(in) unsigned char head[ANY] (unsigned char temp[$1_dim0]) {
	memset(temp, 0, sizeof temp);
	if ($input == NULL || JCALL1(GetArrayLength, jenv, $input) < $1_dim0) {
		mbind_java_throw_text(jenv, MEDIATE_EINVAL, "the head needs a byte[] of the hash length");
		return $null;
	}
	$1 = temp;
}
%typemap(argout) unsigned char head[ANY] {
	if (!JCALL0(ExceptionCheck, jenv))
		JCALL4(SetByteArrayRegion, jenv, $input, 0, $1_dim0, (const jbyte *)$1);
}
%typemap(in) const unsigned char expected_head[ANY] (unsigned char temp[$1_dim0]) {
	if ($input == NULL || JCALL1(GetArrayLength, jenv, $input) != $1_dim0) {
		mbind_java_throw_text(jenv, MEDIATE_EINVAL, "the head must be a byte[] of the hash length");
		return $null;
	}
	JCALL4(GetByteArrayRegion, jenv, $input, 0, $1_dim0, (jbyte *)temp);
	$1 = temp;
}

%typemap(jni) (const mediate_audit_entry *entries, size_t n) "jlongArray"
%typemap(jtype) (const mediate_audit_entry *entries, size_t n) "long[]"
%typemap(jstype) (const mediate_audit_entry *entries, size_t n) "mediate_audit_entry[]"
%typemap(javain) (const mediate_audit_entry *entries, size_t n) "mediate_audit_entry.cPtrs($javainput)"
%typemap(in) (const mediate_audit_entry *entries, size_t n) {
	jsize i, count = $input != NULL ? JCALL1(GetArrayLength, jenv, $input) : 0;
	jlong *ptrs = count > 0 ? JCALL2(GetLongArrayElements, jenv, $input, NULL) : NULL;
	$1 = (mediate_audit_entry *)calloc(count > 0 ? (size_t)count : 1, sizeof(mediate_audit_entry));
	if ($1 == NULL || (count > 0 && ptrs == NULL)) {
		if (ptrs != NULL)
			JCALL3(ReleaseLongArrayElements, jenv, $input, ptrs, JNI_ABORT);
		free((void *)$1);
		mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
		return $null;
	}
	for (i = 0; i < count; i++) {
		if (ptrs[i] == 0) {
			JCALL3(ReleaseLongArrayElements, jenv, $input, ptrs, JNI_ABORT);
			free((void *)$1);
			mbind_java_throw_text(jenv, MEDIATE_EINVAL, "an entry is null");
			return $null;
		}
		((mediate_audit_entry *)$1)[i] = *(const mediate_audit_entry *)(intptr_t)ptrs[i];
	}
	if (ptrs != NULL)
		JCALL3(ReleaseLongArrayElements, jenv, $input, ptrs, JNI_ABORT);
	$2 = (size_t)count;
}
%typemap(freearg) (const mediate_audit_entry *entries, size_t n) {
	free((void *)$1);
}

%typemap(jni) (mediate_route_event *events, size_t cap) "jlongArray"
%typemap(jtype) (mediate_route_event *events, size_t cap) "long[]"
%typemap(jstype) (mediate_route_event *events, size_t cap) "mediate_route_event[]"
%typemap(javain) (mediate_route_event *events, size_t cap) "mediate_route_event.cPtrs($javainput)"
%typemap(in) (mediate_route_event *events, size_t cap) {
	jsize count = $input != NULL ? JCALL1(GetArrayLength, jenv, $input) : 0;
	$1 = (mediate_route_event *)calloc(count > 0 ? (size_t)count : 1, sizeof(mediate_route_event));
	if ($1 == NULL) {
		mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
		return $null;
	}
	$2 = (size_t)count;
}
%typemap(argout) (mediate_route_event *events, size_t cap) {
	if (!JCALL0(ExceptionCheck, jenv) && $2 > 0) {
		jlong *ptrs = JCALL2(GetLongArrayElements, jenv, $input, NULL);
		size_t i;
		if (ptrs != NULL) {
			for (i = 0; i < $2; i++)
				if (ptrs[i] != 0)
					*(mediate_route_event *)(intptr_t)ptrs[i] = $1[i];
			JCALL3(ReleaseLongArrayElements, jenv, $input, ptrs, JNI_ABORT);
		}
	}
}
%typemap(freearg) (mediate_route_event *events, size_t cap) {
	free($1);
}
%apply size_t *out { size_t *count };

/* Array members: task_info.getDue() / getDone() -> long[3], entry.getHash() -> byte[32]. */
%typemap(jni) int64_t due[ANY], int64_t done[ANY] "jlongArray"
%typemap(jtype) int64_t due[ANY], int64_t done[ANY] "long[]"
%typemap(jstype) int64_t due[ANY], int64_t done[ANY] "long[]"
%typemap(javaout) int64_t due[ANY], int64_t done[ANY] {
    return $jnicall;
  }
%typemap(out) int64_t due[ANY], int64_t done[ANY] {
	jlong tmp[$1_dim0];
	jsize i;
	for (i = 0; i < $1_dim0; i++)
		tmp[i] = (jlong)$1[i];
	$result = JCALL1(NewLongArray, jenv, $1_dim0);
	if ($result != NULL)
		JCALL4(SetLongArrayRegion, jenv, $result, 0, $1_dim0, tmp);
}
%typemap(jni) unsigned char hash[ANY] "jbyteArray"
%typemap(jtype) unsigned char hash[ANY] "byte[]"
%typemap(jstype) unsigned char hash[ANY] "byte[]"
%typemap(javaout) unsigned char hash[ANY] {
    return $jnicall;
  }
%typemap(out) unsigned char hash[ANY] {
	$result = JCALL1(NewByteArray, jenv, $1_dim0);
	if ($result != NULL)
		JCALL4(SetByteArrayRegion, jenv, $result, 0, $1_dim0, (const jbyte *)$1);
}

/* Enum members that are 0 when unset (a task not rated, an order not yet
 * dispatched, an event that is not an escalation) read as null, not as an
 * IllegalArgumentException from swigToEnum(0).  javaout only applies to the
 * getters: parameters of the same name are untouched. */
%typemap(javaout) mediate_satisfaction rating, mediate_dispatch_level level, mediate_escalation step {
    int v = $jnicall;
    return v == 0 ? null : $javaclassname.swigToEnum(v);
  }

/* A hash given back to mbind_audit_set: byte[]. */
%apply (const unsigned char *key, size_t keylen) { (const unsigned char *hash, size_t hashlen) };

/* A failed verify stores the first bad entry in bad[0] before throwing (an
 * argout does not run after a throw).  bad is argument 1 (jarg1). */
%typemap(out) mediate_status mediate_audit_verify, mediate_status mbind_audit_verify {
	if ($1 < 0) {
		if ($1 == MEDIATE_ETAMPER && arg1 != NULL) {
			jlong v = (jlong)*arg1;
			JCALL4(SetLongArrayRegion, jenv, jarg1, 0, 1, &v);
		}
		mbind_java_throw(jenv, $1);
	}
	$result = (jint)$1;
}

#endif

%include "mediate/calendar.h"
%include "mediate/route.h"

/*
 * Helpers of the idiomatic layers (compiled into the wrapper, not exported
 * by libmediate):
 *   - mbind_route_whistle: raises a whistle from its fields, so that no
 *     mediate_whistle with SWIG-copied strings is left behind;
 *   - mbind_audit_*: a trail of audit entries owned by the binding (strings
 *     copied), built from values -- entries kept by the application, read
 *     back from its storage or edited -- and verified with
 *     mediate_audit_verify().
 * They return mediate_status like the library; errors they find themselves
 * clear the thread's last error first, so the message is the code's.
 */
%{
struct mbind_audit {
	size_t n;
	mediate_audit_entry *entries;
};
typedef struct mbind_audit mbind_audit;

static mediate_status
mbind_route_whistle(uint64_t *order, mediate_route *route, const char *unit, const char *raiser,
                    const char *category, mediate_urgency urgency, const char *place,
                    const char *description, const char *case_id, int64_t time)
{
	mediate_whistle w = MEDIATE_WHISTLE_INIT;

	w.unit = unit;
	w.raiser = raiser;
	w.category = category;
	w.urgency = urgency;
	w.place = place;
	w.description = description;
	w.case_id = case_id;
	w.time = time;
	return mediate_route_whistle(order, route, &w);
}

/* A trail of n empty entries (set each with mbind_audit_set), or NULL when
 * memory runs out.  Free with mbind_audit_free. */
static mbind_audit *
mbind_audit_new(size_t n)
{
	mbind_audit *a;

	if (n > ((size_t)-1) / sizeof(mediate_audit_entry) - 1)
		return NULL;
	a = (mbind_audit *)calloc(1, sizeof *a);
	if (a == NULL)
		return NULL;
	a->entries = (mediate_audit_entry *)calloc(n > 0 ? n : 1, sizeof(mediate_audit_entry));
	if (a->entries == NULL) {
		free(a);
		return NULL;
	}
	a->n = n;
	return a;
}

static void
mbind_audit_clear(mediate_audit_entry *e)
{
	free((char *)e->actor);
	free((char *)e->unit);
	free((char *)e->department);
	free((char *)e->action);
	free((char *)e->from);
	free((char *)e->to);
	free((char *)e->details);
	memset(e, 0, sizeof *e);
}

static void
mbind_audit_free(mbind_audit *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++)
		mbind_audit_clear(&a->entries[i]);
	free(a->entries);
	free(a);
}

static char *
mbind_audit_str(const char *s)
{
	char *c;
	size_t n = s != NULL ? strlen(s) : 0;

	c = (char *)malloc(n + 1);
	if (c != NULL) {
		if (n > 0)
			memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

/* Sets entry index (NULL strings are ""); hash must have the hash length. */
static mediate_status
mbind_audit_set(mbind_audit *a, size_t index, uint64_t seq, int64_t time, uint64_t order,
                const char *actor, const char *unit, const char *department, const char *action,
                const char *from_state, const char *to_state, const char *details, int64_t due,
                const unsigned char *hash, size_t hashlen)
{
	mediate_audit_entry e;

	mediate_error_clear();
	if (a == NULL || hash == NULL || hashlen != MEDIATE_AUDIT_HASH_BYTES)
		return MEDIATE_EINVAL;
	if (index >= a->n)
		return MEDIATE_ERANGE;
	memset(&e, 0, sizeof e);
	e.seq = seq;
	e.time = time;
	e.order = order;
	e.due = due;
	memcpy(e.hash, hash, MEDIATE_AUDIT_HASH_BYTES);
	e.actor = mbind_audit_str(actor);
	e.unit = mbind_audit_str(unit);
	e.department = mbind_audit_str(department);
	e.action = mbind_audit_str(action);
	e.from = mbind_audit_str(from_state);
	e.to = mbind_audit_str(to_state);
	e.details = mbind_audit_str(details);
	if (e.actor == NULL || e.unit == NULL || e.department == NULL || e.action == NULL ||
	    e.from == NULL || e.to == NULL || e.details == NULL) {
		mbind_audit_clear(&e);
		return MEDIATE_ENOMEM;
	}
	mbind_audit_clear(&a->entries[index]);
	a->entries[index] = e;
	return MEDIATE_OK;
}

/* mediate_audit_verify() over the trail; *bad as there. */
static mediate_status
mbind_audit_verify(size_t *bad, const mbind_audit *a,
                   const unsigned char expected_head[MEDIATE_AUDIT_HASH_BYTES],
                   const unsigned char *key, size_t keylen)
{
	if (a == NULL) {
		mediate_error_clear();
		return MEDIATE_EINVAL;
	}
	return mediate_audit_verify(bad, a->entries, a->n, expected_head, key, keylen);
}
%}
/* What the languages see (the struct is opaque). */
typedef struct mbind_audit mbind_audit;
mediate_status mbind_route_whistle(uint64_t *order, mediate_route *route, const char *unit, const char *raiser,
                                   const char *category, mediate_urgency urgency, const char *place,
                                   const char *description, const char *case_id, int64_t time);
mbind_audit *mbind_audit_new(size_t n);
void mbind_audit_free(mbind_audit *a);
mediate_status mbind_audit_set(mbind_audit *a, size_t index, uint64_t seq, int64_t time, uint64_t order,
                               const char *actor, const char *unit, const char *department, const char *action,
                               const char *from_state, const char *to_state, const char *details, int64_t due,
                               const unsigned char *hash, size_t hashlen);
mediate_status mbind_audit_verify(size_t *bad, const mbind_audit *a,
                                  const unsigned char expected_head[MEDIATE_AUDIT_HASH_BYTES],
                                  const unsigned char *key, size_t keylen);

