/* SPDX-License-Identifier: MIT */
/*
 * Grade module: the policy's levels, grading a case (with its explanation),
 * batch grading, and the level kept on a case (re-grading, overrides).
 *
 * mediate_grade_result is an owned handle (mediate_grade_result_free);
 * levels and units are borrowed from the policy.  mediate_grade_batch takes
 * C arrays, so the bindings expose it over a mediate_case_list: the wrapper
 * fills an mbind_grades handle (levels and points of every case).
 */
MEDIATE_HANDLE_OUT(mediate_grade_result)
MEDIATE_HANDLE_OUT(mbind_grades)
MEDIATE_ENUM_OUT(mediate_resolution_path)

%ignore mediate_grade_batch;
%include "mediate/grade.h"

%{
struct mbind_grades {
	size_t count;
	const mediate_level **levels;
	int64_t *points;
};
%}

%rename(mediate_grade_batch) mbind_grade_batch;
%inline %{
typedef struct mbind_grades mbind_grades;

/* Grades every case of the list; *out is freed with mbind_grades_free(). */
mediate_status
mbind_grade_batch(mbind_grades **out, const mediate_policy *policy, const mediate_case_list *cases)
{
	size_t n = mediate_case_list_count(cases), i;
	const mediate_case **arr;
	mbind_grades *g;
	mediate_status rc;

	if (out == NULL || policy == NULL || cases == NULL)
		return mediate_grade_batch(NULL, NULL, 1, NULL, NULL, NULL);   /* sets MEDIATE_EINVAL */
	g = (mbind_grades *)calloc(1, sizeof *g);
	arr = (const mediate_case **)calloc(n ? n : 1, sizeof *arr);
	if (g != NULL) {
		g->levels = (const mediate_level **)calloc(n ? n : 1, sizeof *g->levels);
		g->points = (int64_t *)calloc(n ? n : 1, sizeof *g->points);
	}
	if (g == NULL || arr == NULL || g->levels == NULL || g->points == NULL) {
		if (g != NULL) {
			free(g->levels);
			free(g->points);
		}
		free(g);
		free(arr);
		return MEDIATE_ENOMEM;
	}
	for (i = 0; i < n; i++)
		arr[i] = mediate_case_list_at(cases, i);
	rc = mediate_grade_batch(policy, arr, n, g->levels, g->points, NULL);
	free(arr);
	if (rc != 0) {
		free(g->levels);
		free(g->points);
		free(g);
		return rc;
	}
	g->count = n;
	*out = g;
	return 0;
}

size_t
mbind_grades_count(const mbind_grades *g)
{
	return g != NULL ? g->count : 0;
}

const mediate_level *
mbind_grades_level(const mbind_grades *g, size_t i)
{
	return g != NULL && i < g->count ? g->levels[i] : NULL;
}

int64_t
mbind_grades_points(const mbind_grades *g, size_t i)
{
	return g != NULL && i < g->count ? g->points[i] : 0;
}

void
mbind_grades_free(mbind_grades *g)
{
	if (g != NULL) {
		free(g->levels);
		free(g->points);
		free(g);
	}
}
%}
