/* SPDX-License-Identifier: MIT */
/*
 * mediate policy check FILE...   validate policies, errors compiler-style
 * mediate policy show FILE       print the taxonomy and the org tree
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define POLICY_USAGE \
	"usage: mediate policy check [OPTIONS] FILE...\n" \
	"       mediate policy show [--lang LANG] [--taxonomy | --org] FILE\n" \
	"\n" \
	"check  Loads and validates each policy FILE ('-' reads standard input).\n" \
	"       Every error is printed on standard error the way compilers do:\n" \
	"           FILE:LINE:COLUMN: PATH: MESSAGE\n" \
	"       and a valid file gets one line on standard output:\n" \
	"           FILE: ok: N categories, M units\n" \
	"       Exits 1 when any file has errors, 3 when one cannot be read.\n" \
	"  -q, --quiet             print nothing for valid files\n" \
	"      --max-bytes N       refuse documents larger than N bytes (default 1048576)\n" \
	"      --max-depth N       refuse nesting deeper than N levels (default 64)\n" \
	"      --max-scalar N      refuse a scalar longer than N bytes (default 65536)\n" \
	"      --max-errors N      stop after N errors per file (default 100)\n" \
	"\n" \
	"show   Prints the policy's name and version, the taxonomy and the org tree\n" \
	"       as indented trees with codes, kinds and names.\n" \
	"      --lang LANG         the second language of names (default en); the\n" \
	"                          policy's own language is always shown first\n" \
	"      --taxonomy          print only the taxonomy\n" \
	"      --org               print only the org tree\n"

static int run_policy(int argc, char **argv);

const cli_command cli_cmd_policy = {
	"policy",
	"check a policy file, or show its taxonomy and org tree",
	POLICY_USAGE,
	run_policy
};

static int
load_stdin(mediate_policy **out, const mediate_load_options *opts)
{
	mediate_load_options o = *opts;
	mediate_error err;
	char *data = NULL, *tmp;
	size_t len = 0, cap = 0, n;
	int rc;

	for (;;) {
		if (len == cap) {
			cap = cap != 0 ? cap * 2 : 65536;
			if ((tmp = realloc(data, cap)) == NULL) {
				free(data);
				cli_warn("policy check", "out of memory");
				return CLI_EXIT_INTERNAL;
			}
			data = tmp;
		}
		n = fread(data + len, 1, cap - len, stdin);
		len += n;
		if (n == 0)
			break;
		/* Reading stops one byte past the limit: the loader reports it. */
		if (len > o.max_document_bytes)
			break;
	}
	if (ferror(stdin)) {
		free(data);
		cli_warn("policy check", "<stdin>: read error");
		return CLI_EXIT_IO;
	}
	o.on_error = cli_print_error;
	rc = mediate_policy_load_buffer(out, data, len, "<stdin>", &o, &err);
	free(data);
	return cli_exit_for_status(rc);
}

static int
policy_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "max-bytes", required_argument, NULL, 'B' },
		{ "max-depth", required_argument, NULL, 'D' },
		{ "max-scalar", required_argument, NULL, 'S' },
		{ "max-errors", required_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	mediate_load_options opts = MEDIATE_LOAD_OPTIONS_INIT;
	unsigned long v;
	int c, quiet = 0, worst = CLI_EXIT_OK, i;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'h':
			return cli_print_help(&cli_cmd_policy);
		case 'B':
			if (cli_parse_count("policy check", "--max-bytes", optarg, (unsigned long)SIZE_MAX, &v) != 0)
				return CLI_EXIT_USAGE;
			opts.max_document_bytes = v;
			break;
		case 'D':
			if (cli_parse_count("policy check", "--max-depth", optarg, 1000000, &v) != 0)
				return CLI_EXIT_USAGE;
			opts.max_depth = (unsigned int)v;
			break;
		case 'S':
			if (cli_parse_count("policy check", "--max-scalar", optarg, (unsigned long)SIZE_MAX, &v) != 0)
				return CLI_EXIT_USAGE;
			opts.max_scalar_bytes = v;
			break;
		case 'E':
			if (cli_parse_count("policy check", "--max-errors", optarg, 1000000, &v) != 0)
				return CLI_EXIT_USAGE;
			opts.max_errors = (unsigned int)v;
			break;
		default:
			return cli_bad_option("policy check", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("policy check", "no policy file given");
	for (i = optind; i < argc; i++) {
		mediate_policy *p = NULL;
		int rc;
		if (strcmp(argv[i], "-") == 0)
			rc = load_stdin(&p, &opts);
		else
			rc = cli_load_policy(&p, argv[i], &opts);
		if (rc == CLI_EXIT_OK && !quiet)
			printf("%s: ok: %zu categories, %zu units\n", strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i],
			       mediate_policy_category_count(p), mediate_policy_unit_count(p));
		mediate_policy_free(p);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}

/* ---- show ---- */

struct show {
	const mediate_policy *p;
	const char *lang;
	size_t codew;          /* width of the code column, indentation included */
	size_t kindw;
	size_t namew;          /* width of the name column in the policy's language */
	size_t otherw;         /* width of the name column in --lang (0: last column) */
};

/* The names; padded to their columns when otherw says a column follows. */
static void
put_names(const struct show *s, const char *own, const char *other, size_t namew)
{
	if (other != NULL && strcmp(other, own) != 0) {
		cli_put_padded(stdout, own, namew);
		if (s->otherw > 0)
			cli_put_padded(stdout, other, s->otherw);
		else
			fputs(other, stdout);
	} else if (s->otherw > 0) {
		cli_put_padded(stdout, own, namew + s->otherw);
	} else {
		fputs(own, stdout);
	}
}

static void
show_categories(const struct show *s, const cli_tree *t, size_t i, size_t depth)
{
	for (; i != CLI_NONE; i = t->next[i]) {
		const mediate_category *c = mediate_policy_category_at(s->p, i);
		char code[128];
		snprintf(code, sizeof code, "%*s%s", (int)(2 * depth), "", mediate_category_code(c));
		cli_put_padded(stdout, code, s->codew);
		put_names(s, cli_category_name(c, mediate_policy_language(s->p)), mediate_category_name(c, s->lang),
		          s->namew);
		fputc('\n', stdout);
		show_categories(s, t, t->first[i], depth + 1);
	}
}

static void
show_units(const struct show *s, const cli_tree *t, size_t i, size_t depth)
{
	for (; i != CLI_NONE; i = t->next[i]) {
		const mediate_unit *u = mediate_policy_unit_at(s->p, i);
		char code[128];
		snprintf(code, sizeof code, "%*s%s", (int)(2 * depth), "", mediate_unit_code(u));
		cli_put_padded(stdout, code, s->codew);
		cli_put_padded(stdout, mediate_unit_kind_name(mediate_unit_get_kind(u)), s->kindw);
		if (mediate_unit_address(u) != NULL) {
			put_names(s, cli_unit_name(u, mediate_policy_language(s->p)), mediate_unit_name(u, s->lang),
			          s->namew);
			fputs(mediate_unit_address(u), stdout);
		} else {
			struct show last = *s;
			last.otherw = 0;
			put_names(&last, cli_unit_name(u, mediate_policy_language(s->p)),
			          mediate_unit_name(u, s->lang), s->namew);
		}
		fputc('\n', stdout);
		show_units(s, t, t->first[i], depth + 1);
	}
}

static int
policy_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "taxonomy", no_argument, NULL, 't' },
		{ "org", no_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct show s;
	mediate_policy *p = NULL;
	cli_tree t = { 0, 0, NULL, NULL };
	int c, rc, want_tax = 1, want_org = 1;
	size_t i, w;

	memset(&s, 0, sizeof s);
	s.lang = "en";
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			s.lang = optarg;
			break;
		case 't':
			want_org = 0;
			break;
		case 'o':
			want_tax = 0;
			break;
		case 'h':
			return cli_print_help(&cli_cmd_policy);
		default:
			return cli_bad_option("policy show", c, argv);
		}
	}
	if (!want_tax && !want_org)
		return cli_usage_error("policy show", "--taxonomy and --org exclude each other");
	if (optind >= argc)
		return cli_usage_error("policy show", "no policy file given");
	if (argc - optind > 1)
		return cli_usage_error("policy show", "expected one policy file, got %d", argc - optind);
	if ((rc = cli_load_policy(&p, argv[optind], NULL)) != CLI_EXIT_OK)
		return rc;
	s.p = p;
	printf("policy:   %s\n", mediate_policy_name(p));
	printf("version:  %s\n", mediate_policy_version(p) != NULL ? mediate_policy_version(p) : "(none)");
	printf("language: %s\n", mediate_policy_language(p));
	printf("file:     %s\n", argv[optind]);

	if (want_tax) {
		char title[64];
		snprintf(title, sizeof title, "Taxonomy (%zu categories)", mediate_policy_category_count(p));
		s.codew = s.namew = 0;
		for (i = 0; i < mediate_policy_category_count(p); i++) {
			const mediate_category *cat = mediate_policy_category_at(p, i);
			w = 2 * mediate_category_depth(cat) + cli_width(mediate_category_code(cat)) + 2;
			if (w > s.codew)
				s.codew = w;
			w = cli_width(cli_category_name(cat, mediate_policy_language(p))) + 2;
			if (w > s.namew)
				s.namew = w;
		}
		cli_heading(stdout, title);
		if ((rc = cli_tree_categories(&t, p)) != 0)
			goto nomem;
		show_categories(&s, &t, t.root, 0);
		cli_tree_free(&t);
	}
	if (want_org) {
		char title[64];
		snprintf(title, sizeof title, "Org tree (%zu units)", mediate_policy_unit_count(p));
		s.codew = s.namew = s.kindw = s.otherw = 0;
		for (i = 0; i < mediate_policy_unit_count(p); i++) {
			const mediate_unit *u = mediate_policy_unit_at(p, i);
			w = 2 * mediate_unit_depth(u) + cli_width(mediate_unit_code(u)) + 2;
			if (w > s.codew)
				s.codew = w;
			w = strlen(mediate_unit_kind_name(mediate_unit_get_kind(u))) + 2;
			if (w > s.kindw)
				s.kindw = w;
			w = cli_width(cli_unit_name(u, mediate_policy_language(p))) + 2;
			if (w > s.namew)
				s.namew = w;
			if (mediate_unit_address(u) != NULL && mediate_unit_name(u, s.lang) != NULL) {
				w = cli_width(mediate_unit_name(u, s.lang)) + 2;
				if (w > s.otherw)
					s.otherw = w;
			}
		}
		cli_heading(stdout, title);
		if ((rc = cli_tree_units(&t, p)) != 0)
			goto nomem;
		show_units(&s, &t, t.root, 0);
		cli_tree_free(&t);
	}
	mediate_policy_free(p);
	return CLI_EXIT_OK;
nomem:
	cli_warn("policy show", "out of memory");
	mediate_policy_free(p);
	return CLI_EXIT_INTERNAL;
}

static int
run_policy(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("policy", "expected a subcommand: check or show");
	if (cli_is_help(argv[1]))
		return cli_print_help(&cli_cmd_policy);
	if (strcmp(argv[1], "check") == 0)
		return policy_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return policy_show(argc - 1, argv + 1);
	return cli_usage_error("policy", "unknown subcommand \"%s\" (check or show)", argv[1]);
}
