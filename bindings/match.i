/* SPDX-License-Identifier: MIT */
/*
 * Match module: the matcher (mediators for cases), its results (rank,
 * request, nearest), batch assignment, joint-mediation teams, and the
 * policy's matching section (weights, team size, mediation cars).
 *
 * mediate_matcher, mediate_match_result, mediate_match_batch and
 * mediate_match_team are owned handles (_free).  A matcher borrows its
 * roster and ratings, so the idiomatic layers keep both alive while the
 * matcher lives; mediators in results are borrowed from the roster.
 *
 * Two C arrays need help:
 *   - mediate_match_assign_batch(out, matcher, cases, n) takes an array of
 *     case pointers: the bindings pass an mbind_case_refs handle instead
 *     (mbind_case_refs_new / _add / _count / _free), which borrows the
 *     cases; the layers keep them alive during the call.
 *   - mediate_match_form_team(..., needs, n_needs, max_size) takes an array
 *     of category codes: a Python sequence of str, a Java byte[][] of
 *     UTF-8 texts (Matcher.formTeam takes a String[] and encodes it).
 */
MEDIATE_HANDLE_OUT(mediate_matcher)
MEDIATE_HANDLE_OUT(mediate_match_result)
MEDIATE_HANDLE_OUT(mediate_match_batch)
MEDIATE_HANDLE_OUT(mediate_match_team)
MEDIATE_HANDLE_OUT(mbind_case_refs)
MEDIATE_ENUM_OUT(mediate_match_component)
MEDIATE_ENUM_OUT(mediate_match_reason)

/* Out-parameters not named "out". */
%apply int *out { int32_t *lat_micro, int32_t *lon_micro };
%apply size_t *out { size_t *car_index };
%apply int64_t *out { int64_t *distance };

#if defined(SWIGPYTHON)
/* needs: a sequence of str (or bytes); each keeps its UTF-8 bytes alive. */
%typemap(in) (const char *const *needs, size_t n_needs) (PyObject *seq = NULL, PyObject **keeps = NULL,
                                                        Py_ssize_t count = 0) {
	Py_ssize_t i;
	if ($input == Py_None) {
		$1 = NULL;
		$2 = 0;
	} else {
		seq = PySequence_Fast($input, "needs must be a sequence of category codes");
		if (seq == NULL)
			SWIG_fail;
		count = PySequence_Fast_GET_SIZE(seq);
		$1 = (char **)calloc(count > 0 ? (size_t)count : 1, sizeof(char *));
		keeps = (PyObject **)calloc(count > 0 ? (size_t)count : 1, sizeof(PyObject *));
		if ($1 == NULL || keeps == NULL) {
			PyErr_NoMemory();
			SWIG_fail;
		}
		for (i = 0; i < count; i++) {
			PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
			Py_ssize_t ilen = 0;
			if (item == Py_None) {
				PyErr_SetString(PyExc_TypeError, "needs must be a sequence of str, not None");
				SWIG_fail;
			}
			if (mbind_py_text(item, (const char **)&((char **)$1)[i], &ilen, &keeps[i], 0) != 0)
				SWIG_fail;
			if (keeps[i] == NULL) {        /* bytes: keep the object itself */
				Py_INCREF(item);
				keeps[i] = item;
			}
		}
		$2 = (size_t)count;
	}
}
%typemap(freearg) (const char *const *needs, size_t n_needs) {
	if (keeps$argnum != NULL) {
		Py_ssize_t k;
		for (k = 0; k < count$argnum; k++)
			Py_XDECREF(keeps$argnum[k]);
		free(keeps$argnum);
	}
	Py_XDECREF(seq$argnum);
	free((void *)$1);
}
#elif defined(SWIGJAVA)
/* needs: an array of UTF-8 byte[] (Matcher.formTeam encodes a String[]). */
%typemap(jni) (const char *const *needs, size_t n_needs) "jobjectArray"
%typemap(jtype) (const char *const *needs, size_t n_needs) "byte[][]"
%typemap(jstype) (const char *const *needs, size_t n_needs) "byte[][]"
%typemap(javain) (const char *const *needs, size_t n_needs) "$javainput"
%typemap(in) (const char *const *needs, size_t n_needs) (jsize count = 0) {
	jsize i;
	int failed = 0;
	count = $input != NULL ? JCALL1(GetArrayLength, jenv, $input) : 0;
	$1 = (char **)calloc(count > 0 ? (size_t)count : 1, sizeof(char *));
	if ($1 == NULL) {
		mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
		return $null;
	}
	for (i = 0; i < count && !failed; i++) {
		jbyteArray b = (jbyteArray)JCALL2(GetObjectArrayElement, jenv, $input, i);
		size_t blen = 0;
		((char **)$1)[i] = mbind_java_copy(jenv, b, &blen, &failed);
		if (b != NULL)
			JCALL1(DeleteLocalRef, jenv, b);
	}
	$2 = (size_t)count;
	if (failed) {
		for (i = 0; i < count; i++)
			free(((char **)$1)[i]);
		free((void *)$1);
		return $null;
	}
}
%typemap(freearg) (const char *const *needs, size_t n_needs) {
	jsize k;
	for (k = 0; k < count$argnum; k++)
		free(((char **)$1)[k]);
	free((void *)$1);
}
#endif

%ignore mediate_match_assign_batch;
%include "mediate/match.h"

%{
struct mbind_case_refs {
	size_t count, cap;
	const mediate_case **cases;
};
%}

%rename(mediate_match_assign_batch) mbind_match_assign_batch;
%inline %{
typedef struct mbind_case_refs mbind_case_refs;

/* An empty list of borrowed case pointers; free it with mbind_case_refs_free(). */
mediate_status
mbind_case_refs_new(mbind_case_refs **out)
{
	if (out == NULL)
		return MEDIATE_EINVAL;
	*out = (mbind_case_refs *)calloc(1, sizeof **out);
	return *out != NULL ? MEDIATE_OK : MEDIATE_ENOMEM;
}

/* Appends a case (borrowed: it must outlive the list's use). */
mediate_status
mbind_case_refs_add(mbind_case_refs *refs, const mediate_case *c)
{
	if (refs == NULL || c == NULL)
		return MEDIATE_EINVAL;
	if (refs->count == refs->cap) {
		size_t cap = refs->cap ? refs->cap * 2 : 16;
		const mediate_case **v = (const mediate_case **)realloc((void *)refs->cases, cap * sizeof *v);
		if (v == NULL)
			return MEDIATE_ENOMEM;
		refs->cases = v;
		refs->cap = cap;
	}
	refs->cases[refs->count++] = c;
	return MEDIATE_OK;
}

size_t
mbind_case_refs_count(const mbind_case_refs *refs)
{
	return refs != NULL ? refs->count : 0;
}

void
mbind_case_refs_free(mbind_case_refs *refs)
{
	if (refs != NULL) {
		free((void *)refs->cases);
		free(refs);
	}
}

/* mediate_match_assign_batch() over the cases of refs, in their order. */
mediate_status
mbind_match_assign_batch(mediate_match_batch **out, const mediate_matcher *matcher, const mbind_case_refs *cases)
{
	if (cases == NULL)   /* let the library report the NULL argument */
		return mediate_match_assign_batch(out, matcher, NULL, 1);
	return mediate_match_assign_batch(out, matcher, cases->cases, cases->count);
}
%}
