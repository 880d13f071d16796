/* SPDX-License-Identifier: MIT */
/*
 * Pay module: the monthly payroll of mediators (base + grade salary +
 * incentive per resolved case), payslips with their lines, totals per
 * mediator, per unit and overall, explanations, YAML and CSV exports.
 *
 * mediate_payroll is an owned handle (mediate_payroll_free); payslips and
 * lines are borrowed from it, mediators and units from the roster and the
 * policy, so the idiomatic layers keep the payroll (and through it the
 * policy, roster and ratings) alive while one of them is reachable.
 * Enumerations cross as ints (Python) or SWIG enum classes (Java); the
 * *_name / *_parse functions give their names.
 */
MEDIATE_HANDLE_OUT(mediate_payroll)
MEDIATE_ENUM_OUT(mediate_pay_outcome)
MEDIATE_ENUM_OUT(mediate_pay_line_kind)

/* Out-parameters not named "out". */
%apply int *out { int *confirmed };
%apply int64_t *out { int64_t *resolved_at, int64_t *start, int64_t *end };
%apply size_t *out { size_t *added, size_t *failed_index };

/*
 * mediate_payslip_explain: "char **out" alone (a new NUL-terminated text,
 * freed with mediate_free) is returned as str in Python and as the UTF-8
 * bytes in a byte[][1] in Java (read with new String(b[0], UTF_8)).  The
 * typemaps are cleared after the header: only this module uses them.
 */
#if defined(SWIGPYTHON)
%typemap(in, numinputs=0) char **out (char *text = NULL) {
	$1 = &text;
}
%typemap(argout) char **out {
	if (*$1 != NULL) {
		PyObject *s = PyUnicode_DecodeUTF8(*$1, (Py_ssize_t)strlen(*$1), "strict");
		mediate_free(*$1);
		*$1 = NULL;
		if (s == NULL)
			SWIG_fail;
		$result = SWIG_Python_AppendOutput($result, s);
	}
}
%typemap(freearg) char **out {
	mediate_free(*$1);
}
#elif defined(SWIGJAVA)
%typemap(jni) char **out "jobjectArray"
%typemap(jtype) char **out "byte[][]"
%typemap(jstype) char **out "byte[][]"
%typemap(javain) char **out "$javainput"
%typemap(in) char **out (char *text = NULL) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = &text;
}
%typemap(argout) char **out {
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
%typemap(freearg) char **out {
	if ($1 != NULL)
		mediate_free(*$1);
}

/* A NULL line gives 0: Java sees null rather than an exception from swigToEnum(0). */
MEDIATE_CASE_JAVA_ENUM_OR_NULL(mediate_pay_line_kind)
#endif

%include "mediate/pay.h"

%clear char **out;
