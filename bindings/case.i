/* SPDX-License-Identifier: MIT */
/*
 * Case module: the case record, its parties, mediators, sessions, written
 * agreement, follow-ups and timeline, lists of cases, and YAML.
 *
 * mediate_case and mediate_case_list are owned handles (_new/_free); parties,
 * mediators, sessions, agreements, follow-ups and events are borrowed from
 * their case, so the idiomatic layers keep the case alive while one of them
 * is reachable.  Enumerations cross as ints; the *_name / *_parse functions
 * give their YAML names.
 */
MEDIATE_HANDLE_OUT(mediate_case)
MEDIATE_HANDLE_OUT(mediate_case_list)
MEDIATE_ENUM_OUT(mediate_case_state)
MEDIATE_ENUM_OUT(mediate_case_source)
MEDIATE_ENUM_OUT(mediate_party_role)
MEDIATE_ENUM_OUT(mediate_party_kind)
MEDIATE_ENUM_OUT(mediate_party_doc_type)
MEDIATE_ENUM_OUT(mediate_case_mediator_role)
MEDIATE_ENUM_OUT(mediate_case_mode)
MEDIATE_ENUM_OUT(mediate_case_outcome)
MEDIATE_ENUM_OUT(mediate_agreement_form)
MEDIATE_ENUM_OUT(mediate_transfer_kind)
MEDIATE_ENUM_OUT(mediate_agreement_field)
MEDIATE_ENUM_OUT(mediate_confirmation_status)
MEDIATE_ENUM_OUT(mediate_followup_result)
MEDIATE_ENUM_OUT(mediate_case_event_kind)

/* Out-parameters not named "out". */
%apply int *out { int *year, int *month, int *day };
%apply int *out { int32_t *lat_micro, int32_t *lon_micro };
%apply size_t *out { size_t *index };
%apply int64_t *out { int64_t *new_due, int64_t *at };
/* A counted description: NUL bytes reach the library, which refuses them. */
%apply (const char *data, size_t len) { (const char *text, size_t len) };

/*
 * YAML export: "char **out, size_t *len" (the text, freed with
 * mediate_free) is returned as str in Python and as the UTF-8 bytes in a
 * byte[][1] in Java.
 */
#if defined(SWIGPYTHON)
%typemap(in, numinputs=0) (char **out, size_t *len) (char *text = NULL, size_t tlen = 0) {
	$1 = &text;
	$2 = &tlen;
}
%typemap(argout) (char **out, size_t *len) {
	if (*$1 != NULL) {
		PyObject *s = PyUnicode_DecodeUTF8(*$1, (Py_ssize_t)*$2, "strict");
		mediate_free(*$1);
		*$1 = NULL;
		if (s == NULL)
			SWIG_fail;
		$result = SWIG_Python_AppendOutput($result, s);
	}
}
%typemap(freearg) (char **out, size_t *len) {
	mediate_free(*$1);
}
#elif defined(SWIGJAVA)
%typemap(jni) (char **out, size_t *len) "jobjectArray"
%typemap(jtype) (char **out, size_t *len) "byte[][]"
%typemap(jstype) (char **out, size_t *len) "byte[][]"
%typemap(javain) (char **out, size_t *len) "$javainput"
%typemap(in) (char **out, size_t *len) (char *text = NULL, size_t tlen = 0) {
	$1 = NULL;
	$2 = &tlen;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = &text;
}
%typemap(argout) (char **out, size_t *len) {
	if ($1 != NULL && *$1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jbyteArray bytes = JCALL1(NewByteArray, jenv, (jsize)*$2);
		if (bytes != NULL) {
			JCALL4(SetByteArrayRegion, jenv, bytes, 0, (jsize)*$2, (const jbyte *)*$1);
			JCALL3(SetObjectArrayElement, jenv, $input, 0, bytes);
			JCALL1(DeleteLocalRef, jenv, bytes);
		}
	}
}
%typemap(freearg) (char **out, size_t *len) {
	if ($1 != NULL)
		mediate_free(*$1);
}
#endif

#if defined(SWIGJAVA)
/*
 * Getters return 0 for "not set" (no source, no mode, no outcome form...)
 * and for a NULL handle; Java sees null instead of an exception from
 * swigToEnum(0).
 */
%define MEDIATE_CASE_JAVA_ENUM_OR_NULL(TYPE)
%typemap(javaout) TYPE {
    int v = $jnicall;
    return v == 0 ? null : $javaclassname.swigToEnum(v);
  }
%enddef
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_state)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_source)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_party_role)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_party_kind)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_party_doc_type)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_mediator_role)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_mode)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_outcome)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_agreement_form)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_transfer_kind)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_agreement_field)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_confirmation_status)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_followup_result)
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_case_event_kind)
#endif

%include "mediate/case.h"
