/* SPDX-License-Identifier: MIT */
/* Grading: the compiled policy section, shared by grade.c and the case code. */
#ifndef MEDIATE_GRADE_PRIV_H
#define MEDIATE_GRADE_PRIV_H

#include "policy_priv.h"

struct mi_grading;

int mi_grading_load(mediate_policy *p, const ynode *node, ydiag *d, ypath *path);
void mi_grading_free(mediate_policy *p);
/* The rules as one SQLite UPDATE over a table of case facts (see grade.c);
 * *out is freed with mi_free(). */
int mi_grading_sql(const mediate_policy *p, const char *table, char **out);

#endif
