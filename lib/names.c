/* SPDX-License-Identifier: MIT */
/* The names of enumerations: one table per enumeration, looked up here. */
#include "config.h"

#include <string.h>

#include "internal.h"

const char *
mi_name_of(const char *const *names, size_t n, size_t first, long value)
{
	if (value < 0 || (size_t)value < first || (size_t)value >= n)
		return NULL;
	return names[value];
}

int
mi_name_parse(int *out, const char *const *names, size_t n, size_t first, int code, const char *what,
              const char *name)
{
	mi_buf choices = { NULL, 0, 0, 0 };
	size_t i, last;
	int rc;

	if (out == NULL || name == NULL)
		return mi_err(MEDIATE_EINVAL, "%s parse: NULL argument", what);
	for (i = first; i < n && names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0) {
			*out = (int)i;
			return MEDIATE_OK;
		}
	last = i;
	/* The choices in the message: "a, b or c". */
	for (i = first; i < last; i++) {
		if (i > first)
			mi_buf_puts(&choices, i + 1 == last ? " or " : ", ");
		mi_buf_puts(&choices, names[i]);
	}
	if (choices.failed || choices.data == NULL)
		rc = mi_err(code, "unknown %s \"%.64s\"", what, name);
	else
		rc = mi_err(code, "unknown %s \"%.64s\" (%s)", what, name, choices.data);
	mi_buf_free(&choices);
	return rc;
}
