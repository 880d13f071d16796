/* SPDX-License-Identifier: MIT */
/*
 * Python half of the shared typemaps (see the list in ../mediate.i).
 *
 * Errors: every negative mediate_status becomes an instance of the
 * mediate.Error subclass for its code, built by mediate._errors._from_c()
 * with the details of mediate_error_last() (code, file, line, column, path,
 * text).  The module is built with -threads: the GIL is released around
 * every C call, so typemaps that run "in" and "argout" hold the GIL, and
 * nothing here calls Python while the library runs.
 */

%begin %{
#define PY_SSIZE_T_CLEAN
%}

/* Signatures with C types in the docstrings of mediate.capi. */
%feature("autodoc", "1");

%{
/* Raises the mediate.Error subclass for rec->code, filled from rec. */
static void
mbind_py_raise_record(const mediate_error *rec, const char *attr, PyObject *value)
{
	PyObject *mod, *fn, *exc;

	mod = PyImport_ImportModule("mediate._errors");
	if (mod == NULL) {
		Py_XDECREF(value);
		return;
	}
	fn = PyObject_GetAttrString(mod, "_from_c");
	Py_DECREF(mod);
	if (fn == NULL) {
		Py_XDECREF(value);
		return;
	}
	exc = PyObject_CallFunction(fn, "iNkkNNN", rec->code,
	                            PyUnicode_DecodeUTF8(rec->file, (Py_ssize_t)strlen(rec->file), "replace"),
	                            rec->line, rec->column,
	                            PyUnicode_DecodeUTF8(rec->path, (Py_ssize_t)strlen(rec->path), "replace"),
	                            PyUnicode_DecodeUTF8(rec->text, (Py_ssize_t)strlen(rec->text), "replace"),
	                            PyUnicode_FromString(mediate_error_name(rec->code)));
	Py_DECREF(fn);
	if (exc == NULL) {
		Py_XDECREF(value);
		return;
	}
	if (attr != NULL && value != NULL)
		PyObject_SetAttrString(exc, attr, value);
	Py_XDECREF(value);
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
}

/*
 * Raises for a failed status.  The details come from the thread's last
 * error when it is about this failure (same code), else from the code.
 */
static void
mbind_py_raise_attr(int code, const char *attr, PyObject *value)
{
	const mediate_error *last = mediate_error_last();
	mediate_error rec;

	if (last->code == code) {
		rec = *last;
	} else {
		memset(&rec, 0, sizeof rec);
		rec.version = MEDIATE_ERROR_VERSION;
		rec.code = code;
		strncpy(rec.text, mediate_strerror(code), sizeof rec.text - 1);
	}
	mbind_py_raise_record(&rec, attr, value);
}

static void
mbind_py_raise(int code)
{
	mbind_py_raise_attr(code, NULL, NULL);
}

/* Raises for an error found by the binding itself (not by the library). */
static void
mbind_py_raise_text(int code, const char *text)
{
	mediate_error rec;

	memset(&rec, 0, sizeof rec);
	rec.version = MEDIATE_ERROR_VERSION;
	rec.code = code;
	strncpy(rec.text, text, sizeof rec.text - 1);
	mbind_py_raise_record(&rec, NULL, NULL);
}

/*
 * str -> UTF-8 (strict: a lone surrogate is refused), bytes as they are,
 * None -> NULL.  *keep receives a new reference that owns the bytes.  A NUL
 * inside the string is refused: C would silently cut the string there.
 */
static int
mbind_py_text(PyObject *obj, const char **s, Py_ssize_t *len, PyObject **keep, int allow_nul)
{
	*keep = NULL;
	if (obj == Py_None) {
		*s = NULL;
		*len = 0;
		return 0;
	}
	if (PyUnicode_Check(obj)) {
		*keep = PyUnicode_AsUTF8String(obj);
		if (*keep == NULL)
			return -1;
		obj = *keep;
	} else if (!PyBytes_Check(obj)) {
		PyErr_Format(PyExc_TypeError, "expected str, bytes or None, not %.100s", Py_TYPE(obj)->tp_name);
		return -1;
	}
	*s = PyBytes_AS_STRING(obj);
	*len = PyBytes_GET_SIZE(obj);
	if (!allow_nul && memchr(*s, '\0', (size_t)*len) != NULL) {
		Py_CLEAR(*keep);
		mbind_py_raise_text(MEDIATE_EUTF8, "the string holds a NUL character");
		return -1;
	}
	return 0;
}
%}

/* ---- mediate_status: the one error mapping ---- */

%typemap(out) mediate_status {
	if ($1 < 0) {
		mbind_py_raise($1);
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

/* ---- strings ---- */

%typemap(in) const char * (PyObject *keep = NULL, Py_ssize_t slen = 0) {
	if (mbind_py_text($input, (const char **)&$1, &slen, &keep, 0) != 0)
		SWIG_fail;
}
%typemap(freearg) const char * {
	Py_XDECREF(keep$argnum);
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
	$1 = $input == Py_None || PyUnicode_Check($input) || PyBytes_Check($input);
}

/* Bytes with a length: NUL bytes and bad UTF-8 reach the library. */
%typemap(in) (const char *data, size_t len) (PyObject *keep = NULL, Py_ssize_t slen = 0),
             (const char *s, size_t len) (PyObject *keep = NULL, Py_ssize_t slen = 0) {
	if (mbind_py_text($input, (const char **)&$1, &slen, &keep, 1) != 0)
		SWIG_fail;
	$2 = (size_t)slen;
}
%typemap(freearg) (const char *data, size_t len), (const char *s, size_t len) {
	Py_XDECREF(keep$argnum);
}

/* A caller's buffer for text output: hidden, the text is returned. */
%typemap(in, numinputs=0) (char *buf, size_t size) (char tmpbuf[2048]) {
	tmpbuf[0] = '\0';
	$1 = tmpbuf;
	$2 = sizeof tmpbuf;
}
%typemap(argout) (char *buf, size_t size) {
	$result = SWIG_Python_AppendOutput($result, PyUnicode_DecodeUTF8($1, (Py_ssize_t)strlen($1), "replace"));
}

/* ---- out-parameters ---- */

%define MEDIATE_PY_SCALAR_OUT(TYPE, CONV)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) {
	temp = (TYPE)0;
	$1 = &temp;
}
%typemap(argout) TYPE *out {
	$result = SWIG_Python_AppendOutput($result, CONV(*$1));
}
%enddef

MEDIATE_PY_SCALAR_OUT(int64_t, PyLong_FromLongLong)
MEDIATE_PY_SCALAR_OUT(uint64_t, PyLong_FromUnsignedLongLong)
MEDIATE_PY_SCALAR_OUT(int, PyLong_FromLong)
MEDIATE_PY_SCALAR_OUT(unsigned int, PyLong_FromUnsignedLong)
MEDIATE_PY_SCALAR_OUT(uint32_t, PyLong_FromUnsignedLong)
MEDIATE_PY_SCALAR_OUT(size_t, PyLong_FromSize_t)
MEDIATE_PY_SCALAR_OUT(double, PyFloat_FromDouble)

/* An enum out-parameter comes back as its int value. */
%define MEDIATE_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) {
	temp = (TYPE)0;
	$1 = &temp;
}
%typemap(argout) TYPE *out {
	$result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%enddef

/*
 * A handle created by the call ("T **out"): returned as a SWIG pointer that
 * the caller frees with the module's _free (the idiomatic layer does).
 */
%define MEDIATE_HANDLE_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
	$1 = &temp;
}
%typemap(argout) TYPE **out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)*$1, $*1_descriptor, 0));
}
%enddef

/* A struct the call fills ("T *out"): returned as a new, Python-owned object. */
%define MEDIATE_STRUCT_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out {
	$1 = (TYPE *)calloc(1, sizeof(TYPE));
	if ($1 == NULL) {
		PyErr_NoMemory();
		SWIG_fail;
	}
}
%typemap(argout) TYPE *out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)$1, $1_descriptor, SWIG_POINTER_OWN));
	$1 = NULL;
}
%typemap(freearg) TYPE *out {
	free($1);
}
%enddef

/* Loaders' error records are hidden: the exception carries the first error. */
%typemap(in, numinputs=0) mediate_error *err {
	$1 = NULL;
}
/* ... but a const record passed in (mediate_error_format) stays a parameter. */
%apply SWIGTYPE * { const mediate_error *err };
