/* SPDX-License-Identifier: MIT */
/*
 * Roster module: the roster of mediators, its YAML form and the published
 * menu.
 *
 * mediate_roster and mediate_menu are owned handles (_free); mediators are
 * borrowed from their roster (a menu's from the roster it was made from), so
 * the idiomatic layers keep the roster alive while a mediator or a menu is
 * reachable.  Enumerations cross as ints (Python) or SWIG enum classes
 * (Java); the *_name / *_parse functions give their YAML names.
 */
MEDIATE_HANDLE_OUT(mediate_roster)
MEDIATE_HANDLE_OUT(mediate_menu)
MEDIATE_ENUM_OUT(mediate_post_type)
MEDIATE_ENUM_OUT(mediate_duty)

/* Out-parameters not named "out". */
%apply int64_t *out { int64_t *from, int64_t *until };
%apply size_t *out { size_t *recusal_index };

/*
 * "const mediate_mediator **out" of mediate_roster_add (the borrowed new
 * mediator) and the borrowed strings of mediate_mediator_leave_at and
 * mediate_mediator_recusal_at ("const char **reason" ...): Python returns
 * the pointer and the texts (None for NULL); Java fills a long[1] with the
 * pointer (SWIGTYPE_p_mediate_mediator.wrap) and a byte[][1] with each
 * text's UTF-8 bytes (null for NULL; NativeStrings.decode).  The string
 * typemaps are cleared after the header.
 */
#if defined(SWIGPYTHON)
%typemap(in, numinputs=0) const mediate_mediator **out (const mediate_mediator *temp = NULL) {
	$1 = ($1_ltype)&temp;
}
%typemap(argout) const mediate_mediator **out {
	$result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)*$1, $*1_descriptor, 0));
}
%typemap(in, numinputs=0) const char **reason (const char *temp = NULL),
                          const char **party_id (const char *temp = NULL),
                          const char **name (const char *temp = NULL),
                          const char **relationship (const char *temp = NULL) {
	$1 = ($1_ltype)&temp;
}
%typemap(argout) const char **reason, const char **party_id, const char **name, const char **relationship {
	PyObject *s;
	if (*$1 != NULL) {
		s = PyUnicode_DecodeUTF8(*$1, (Py_ssize_t)strlen(*$1), "strict");
		if (s == NULL)
			SWIG_fail;
	} else {
		Py_INCREF(Py_None);
		s = Py_None;
	}
	$result = SWIG_Python_AppendOutput($result, s);
}
/* The three texts of a recusal as one tuple: SWIG would drop a leading None
 * (it stands for "no result yet" when appending outputs). */
%typemap(in, numinputs=0) (const char **party_id, const char **name, const char **relationship)
		(const char *t1 = NULL, const char *t2 = NULL, const char *t3 = NULL) {
	$1 = ($1_ltype)&t1;
	$2 = ($2_ltype)&t2;
	$3 = ($3_ltype)&t3;
}
%typemap(argout) (const char **party_id, const char **name, const char **relationship) {
	const char *parts[3];
	PyObject *t = PyTuple_New(3);
	int i;
	parts[0] = *$1;
	parts[1] = *$2;
	parts[2] = *$3;
	if (t == NULL)
		SWIG_fail;
	for (i = 0; i < 3; i++) {
		PyObject *s;
		if (parts[i] != NULL) {
			s = PyUnicode_DecodeUTF8(parts[i], (Py_ssize_t)strlen(parts[i]), "strict");
			if (s == NULL) {
				Py_DECREF(t);
				SWIG_fail;
			}
		} else {
			Py_INCREF(Py_None);
			s = Py_None;
		}
		PyTuple_SET_ITEM(t, i, s);
	}
	$result = SWIG_Python_AppendOutput($result, t);
}
#elif defined(SWIGJAVA)
%typemap(jni) const mediate_mediator **out "jlongArray"
%typemap(jtype) const mediate_mediator **out "long[]"
%typemap(jstype) const mediate_mediator **out "long[]"
%typemap(javain) const mediate_mediator **out "$javainput"
%typemap(in) const mediate_mediator **out (const mediate_mediator *temp = NULL) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = ($1_ltype)&temp;
}
%typemap(argout) const mediate_mediator **out {
	if ($1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jlong v = 0;
		*(const mediate_mediator **)&v = *$1;
		JCALL4(SetLongArrayRegion, jenv, $input, 0, 1, &v);
	}
}
%typemap(jni) const char **reason, const char **party_id, const char **name, const char **relationship "jobjectArray"
%typemap(jtype) const char **reason, const char **party_id, const char **name, const char **relationship "byte[][]"
%typemap(jstype) const char **reason, const char **party_id, const char **name, const char **relationship "byte[][]"
%typemap(javain) const char **reason, const char **party_id, const char **name, const char **relationship "$javainput"
%typemap(in) const char **reason (const char *temp = NULL), const char **party_id (const char *temp = NULL),
             const char **name (const char *temp = NULL), const char **relationship (const char *temp = NULL) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = ($1_ltype)&temp;
}
%typemap(argout) const char **reason, const char **party_id, const char **name, const char **relationship {
	if ($1 != NULL && *$1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jsize n = (jsize)strlen(*$1);
		jbyteArray bytes = JCALL1(NewByteArray, jenv, n);
		if (bytes != NULL) {
			JCALL4(SetByteArrayRegion, jenv, bytes, 0, n, (const jbyte *)*$1);
			JCALL3(SetObjectArrayElement, jenv, $input, 0, bytes);
			JCALL1(DeleteLocalRef, jenv, bytes);
		}
	}
}

/* Getters return 0 for a NULL mediator: Java sees null, not an exception. */
%define MEDIATE_ROSTER_JAVA_ENUM_OR_NULL(TYPE)
%typemap(javaout) TYPE {
    int v = $jnicall;
    return v == 0 ? null : $javaclassname.swigToEnum(v);
  }
%enddef
MEDIATE_ROSTER_JAVA_ENUM_OR_NULL(mediate_post_type)
MEDIATE_ROSTER_JAVA_ENUM_OR_NULL(mediate_duty)
/* mediate_roster_menu: a null mode is 0, "any mode". */
%typemap(javain) mediate_case_mode mode "($javainput == null ? 0 : $javainput.swigValue())"
#endif

%include "mediate/roster.h"

%clear const char **reason;
%clear const char **party_id;
%clear const char **name;
%clear const char **relationship;
#if defined(SWIGJAVA)
%typemap(javain) mediate_case_mode mode "$javainput.swigValue()"
#endif
#if defined(SWIGPYTHON)
%clear (const char **party_id, const char **name, const char **relationship);
#endif
