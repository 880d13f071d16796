/* SPDX-License-Identifier: MIT */
/*
 * show_policy: load a policy with libmediate and print its taxonomy and org
 * tree.  The smallest complete use of the public API.
 *
 *   cc show_policy.c $(pkg-config --cflags --libs libmediate) -o show_policy
 *   ./show_policy examples/data/county.yaml
 *
 * Every error in the file is printed the way compilers do
 * (file:line:col: path: message) and the program exits 1.
 */
#include <stdio.h>
#include <string.h>

#include <mediate.h>

/* Called by the loader once for every error it finds. */
static void
print_error(const mediate_error *err, void *user)
{
	char msg[1024];
	(void)user;
	mediate_error_format(msg, sizeof msg, err);
	fprintf(stderr, "%s\n", msg);
}

/* Prints the category and, below it, everything whose parent it is. */
static void
print_category(const mediate_policy *policy, const mediate_category *cat)
{
	size_t i;
	const char *en = mediate_category_name(cat, "en");

	printf("%*s%s %s", (int)(2 * mediate_category_depth(cat) + 2), "", mediate_category_code(cat),
	       mediate_category_name(cat, NULL));
	if (en != NULL && strcmp(en, mediate_category_name(cat, NULL)) != 0)
		printf(" (%s)", en);
	printf("\n");
	for (i = 0; i < mediate_policy_category_count(policy); i++) {
		const mediate_category *c = mediate_policy_category_at(policy, i);
		if (mediate_category_parent(c) == cat)
			print_category(policy, c);
	}
}

static void
print_unit(const mediate_policy *policy, const mediate_unit *unit)
{
	size_t i;

	printf("%*s%s [%s] %s\n", (int)(2 * mediate_unit_depth(unit) + 2), "", mediate_unit_code(unit),
	       mediate_unit_kind_name(mediate_unit_get_kind(unit)), mediate_unit_name(unit, NULL));
	for (i = 0; i < mediate_policy_unit_count(policy); i++) {
		const mediate_unit *u = mediate_policy_unit_at(policy, i);
		if (mediate_unit_parent(u) == unit)
			print_unit(policy, u);
	}
}

int
main(int argc, char **argv)
{
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_policy *policy;
	const mediate_unit *station;
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: show_policy POLICY.yaml\n");
		return 2;
	}
	opts.on_error = print_error;
	if (mediate_policy_load_file(&policy, argv[1], &opts, NULL) != MEDIATE_OK)
		return 1;

	printf("%s (version %s, %s)\n", mediate_policy_name(policy),
	       mediate_policy_version(policy) != NULL ? mediate_policy_version(policy) : "-",
	       mediate_policy_language(policy));

	printf("\ntaxonomy: %zu categories\n", mediate_policy_category_count(policy));
	for (i = 0; i < mediate_policy_category_count(policy); i++) {
		const mediate_category *c = mediate_policy_category_at(policy, i);
		if (mediate_category_parent(c) == NULL)
			print_category(policy, c);
	}

	printf("\norg: %zu units\n", mediate_policy_unit_count(policy));
	for (i = 0; i < mediate_policy_unit_count(policy); i++) {
		const mediate_unit *u = mediate_policy_unit_at(policy, i);
		if (mediate_unit_parent(u) == NULL)
			print_unit(policy, u);
	}

	/* Look-ups by code: the police station of 钟公庙 and its town. */
	station = mediate_policy_unit_find(policy, "YZ-ZGM-PS");
	if (station != NULL)
		printf("\n%s is a %s in %s\n", mediate_unit_name(station, "en"),
		       mediate_unit_kind_name(mediate_unit_get_kind(station)),
		       mediate_unit_name(mediate_unit_parent(station), "en"));

	/* Everything the policy returned is borrowed from it: one free. */
	mediate_policy_free(policy);
	return 0;
}
