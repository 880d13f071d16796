/* SPDX-License-Identifier: MIT */
/* Run-time version: what the linked library is, whatever the header said. */
#include "config.h"

#include "internal.h"

const char *
mediate_version(void)
{
	return MEDIATE_VERSION_STRING;
}

unsigned int
mediate_version_number(void)
{
	return MEDIATE_VERSION_NUMBER;
}

mediate_status
mediate_load_options_init(mediate_load_options *opts, unsigned int version)
{
	static const mediate_load_options defaults = MEDIATE_LOAD_OPTIONS_INIT;

	if (opts == NULL)
		return mi_err(MEDIATE_EINVAL, "load options: NULL");
	if (version != MEDIATE_LOAD_OPTIONS_VERSION)
		return mi_err(MEDIATE_EINVAL, "load options version %u is not supported (expected %u)",
		              version, MEDIATE_LOAD_OPTIONS_VERSION);
	*opts = defaults;
	return MEDIATE_OK;
}
