/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the commands of `mediate`: messages and exit codes,
 * loading with compiler-style diagnostics, finding the sample data, and
 * column output that keeps Chinese text aligned.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- messages and exit codes ---- */

void
cli_warn(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	if (cmd != NULL)
		fprintf(stderr, "%s: %s: ", cli_progname, cmd);
	else
		fprintf(stderr, "%s: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: %s: ", cli_progname, cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s help %s'.\n", cli_progname, cmd);
	return CLI_EXIT_USAGE;
}

int
cli_bad_option(const char *cmd, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	if (c == ':')
		return cli_usage_error(cmd, "option \"%s\" needs a value", arg);
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		return cli_usage_error(cmd, "unknown option \"-%c\"", optopt);
	return cli_usage_error(cmd, "unknown option \"%s\"", arg);
}

int
cli_print_help(const cli_command *cmd)
{
	fputs(cmd->usage, stdout);
	return CLI_EXIT_OK;
}

int
cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int
cli_exit_for_status(int status)
{
	switch (status) {
	case MEDIATE_OK:
		return CLI_EXIT_OK;
	case MEDIATE_EIO:
		return CLI_EXIT_IO;
	case MEDIATE_ENOMEM:
	case MEDIATE_EINTERNAL:
	case MEDIATE_EINVAL:       /* the tool passed something wrong: a bug here */
		return CLI_EXIT_INTERNAL;
	default:
		return CLI_EXIT_INPUT;
	}
}

int
cli_parse_count(const char *cmd, const char *opt, const char *text, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (text[0] < '0' || text[0] > '9') {
		cli_usage_error(cmd, "%s expects a number, got \"%s\"", opt, text);
		return -1;
	}
	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno != 0 || *end != '\0' || v > max) {
		cli_usage_error(cmd, "%s expects a number from 0 to %lu, got \"%s\"", opt, max, text);
		return -1;
	}
	*out = v;
	return 0;
}

/* ---- loading ---- */

void
cli_print_error(const mediate_error *err, void *user)
{
	char buf[MEDIATE_ERROR_FILE_MAX + MEDIATE_ERROR_PATH_MAX + MEDIATE_ERROR_TEXT_MAX + 64];
	(void)user;
	mediate_error_format(buf, sizeof buf, err);
	fprintf(stderr, "%s\n", buf);
}

int
cli_load_policy(mediate_policy **out, const char *path, const mediate_load_options *opts)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	int rc;

	if (opts != NULL)
		o = *opts;
	o.on_error = cli_print_error;
	o.on_error_user = NULL;
	memset(&err, 0, sizeof err);
	rc = mediate_policy_load_file(out, path, &o, &err);
	return cli_exit_for_status(rc);
}

static int
has_county(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	if (snprintf(path, sizeof path, "%s/county.yaml", dir) >= (int)sizeof path)
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
cli_find_data_dir(const char *cmd, const char *explicit_dir, char *buf, size_t size)
{
	const char *env = getenv("MEDIATE_DATA");
	const char *candidates[2];
	size_t i;

	if (explicit_dir != NULL || (env != NULL && *env != '\0')) {
		const char *dir = explicit_dir != NULL ? explicit_dir : env;
		if (!has_county(dir)) {
			cli_warn(cmd, "%s/county.yaml: not found (from %s)", dir,
			         explicit_dir != NULL ? "--data" : "$MEDIATE_DATA");
			return CLI_EXIT_IO;
		}
		if (strlen(dir) >= size) {
			cli_warn(cmd, "%s: the path is too long", dir);
			return CLI_EXIT_IO;
		}
		strcpy(buf, dir);
		return 0;
	}
	candidates[0] = MEDIATE_SRCDATADIR;
	candidates[1] = MEDIATE_PKGDATADIR;
	for (i = 0; i < 2; i++)
		if (has_county(candidates[i]) && strlen(candidates[i]) < size) {
			/* "/src/_build/../examples/data" reads better resolved. */
			char real[PATH_MAX];
			if (realpath(candidates[i], real) != NULL && strlen(real) < size)
				strcpy(buf, real);
			else
				strcpy(buf, candidates[i]);
			return 0;
		}
	cli_warn(cmd, "the sample data (county.yaml) was not found in %s nor %s; use --data DIR or set MEDIATE_DATA",
	         MEDIATE_SRCDATADIR, MEDIATE_PKGDATADIR);
	return CLI_EXIT_IO;
}

/* ---- case files ---- */

/* 1 when the document is a list of cases: a top-level "format:" or "cases:" key. */
static int
looks_like_list(const char *data)
{
	const char *p = data;
	while (p != NULL && *p != '\0') {
		if (strncmp(p, "format:", 7) == 0 || strncmp(p, "cases:", 6) == 0)
			return 1;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return 0;
}

static int
read_all(const char *sub, const char *path, size_t max, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *tmp;
	size_t cap = 0, n = 0, r;
	if (f == NULL) {
		cli_warn(sub, "%s: cannot open: %s", path, strerror(errno));
		return CLI_EXIT_IO;
	}
	for (;;) {
		if (n + 65536 + 1 > cap) {
			cap = cap ? cap * 2 : 262144;
			if ((tmp = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				cli_warn(sub, "out of memory");
				return CLI_EXIT_INTERNAL;
			}
			buf = tmp;
		}
		r = fread(buf + n, 1, 65536, f);
		n += r;
		if (r == 0 || n > max)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		cli_warn(sub, "%s: read error", path);
		return CLI_EXIT_IO;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int
cli_load_cases(const char *cmd, const mediate_policy *policy, const char *path, size_t max_bytes,
               size_t max_nodes, mediate_case_list **out, int *single)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	mediate_error err;
	char *data = NULL;
	size_t len = 0;
	int rc, one;

	o.max_document_bytes = max_bytes;
	o.max_nodes = max_nodes;
	o.on_error = cli_print_error;
	if ((rc = read_all(cmd, path, max_bytes, &data, &len)) != 0)
		return rc;
	one = !looks_like_list(data);
	if (single != NULL)
		*single = one;
	if (one) {
		mediate_case *c = NULL;
		rc = mediate_case_from_yaml(&c, policy, data, len, path, &o, &err);
		if (rc == 0 && (rc = mediate_case_list_new(out)) == 0 && (rc = mediate_case_list_append(*out, c)) != 0) {
			mediate_case_list_free(*out);
			*out = NULL;
		}
		if (rc != 0)
			mediate_case_free(c);
		if (rc == MEDIATE_ENOMEM)
			cli_warn(cmd, "out of memory");
	} else {
		rc = mediate_case_list_from_yaml(out, policy, data, len, path, &o, &err);
	}
	free(data);
	return cli_exit_for_status(rc);
}

/* ---- output ---- */

/* Decodes one UTF-8 sequence; invalid bytes count as one character. */
static uint32_t
next_cp(const unsigned char **sp)
{
	const unsigned char *s = *sp;
	uint32_t cp;
	int n, i;

	if (s[0] < 0x80) {
		*sp = s + 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		cp = s[0] & 0x1F;
		n = 1;
	} else if ((s[0] & 0xF0) == 0xE0) {
		cp = s[0] & 0x0F;
		n = 2;
	} else if ((s[0] & 0xF8) == 0xF0) {
		cp = s[0] & 0x07;
		n = 3;
	} else {
		*sp = s + 1;
		return 0xFFFD;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*sp = s + 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*sp = s + n + 1;
	return cp;
}

static int
cp_width(uint32_t c)
{
	if (c == 0x200B || (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
	    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	    (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t
cli_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;
	while (*p != '\0')
		w += (size_t)cp_width(next_cp(&p));
	return w;
}

void
cli_put_padded(FILE *out, const char *s, size_t width)
{
	size_t w = cli_width(s);
	fputs(s, out);
	do
		fputc(' ', out);
	while (++w < width);
}

void
cli_heading(FILE *out, const char *title)
{
	size_t w = cli_width(title);
	fprintf(out, "\n%s\n", title);
	while (w-- > 0)
		fputc('=', out);
	fputc('\n', out);
}

const char *
cli_unit_name(const mediate_unit *u, const char *lang)
{
	const char *s = mediate_unit_name(u, lang);
	return s != NULL ? s : mediate_unit_code(u);
}

const char *
cli_category_name(const mediate_category *c, const char *lang)
{
	const char *s = mediate_category_name(c, lang);
	return s != NULL ? s : mediate_category_code(c);
}

/* ---- trees ---- */

static int
tree_alloc(cli_tree *t, size_t n)
{
	size_t i;
	t->count = n;
	t->root = CLI_NONE;
	t->first = malloc((n > 0 ? n : 1) * sizeof *t->first);
	t->next = malloc((n > 0 ? n : 1) * sizeof *t->next);
	if (t->first == NULL || t->next == NULL) {
		cli_tree_free(t);
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++)
		t->first[i] = t->next[i] = CLI_NONE;
	return 0;
}

/* Appends child to the list that starts at *head, keeping document order. */
static void
tree_link(cli_tree *t, size_t *head, size_t *tail, size_t child)
{
	if (*head == CLI_NONE)
		*head = child;
	else
		t->next[*tail] = child;
	*tail = child;
}

int
cli_tree_units(cli_tree *t, const mediate_policy *p)
{
	size_t n = mediate_policy_unit_count(p), i, root_tail = CLI_NONE;
	size_t *tail;

	if (tree_alloc(t, n) != 0)
		return CLI_EXIT_INTERNAL;
	tail = malloc((n > 0 ? n : 1) * sizeof *tail);
	if (tail == NULL) {
		cli_tree_free(t);
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		const mediate_unit *parent = mediate_unit_parent(mediate_policy_unit_at(p, i));
		if (parent == NULL) {
			tree_link(t, &t->root, &root_tail, i);
		} else {
			size_t pi = mediate_unit_index(parent);
			if (t->first[pi] == CLI_NONE)
				tail[pi] = CLI_NONE;
			tree_link(t, &t->first[pi], &tail[pi], i);
		}
	}
	free(tail);
	return 0;
}

int
cli_tree_categories(cli_tree *t, const mediate_policy *p)
{
	size_t n = mediate_policy_category_count(p), i, root_tail = CLI_NONE;
	size_t *tail;

	if (tree_alloc(t, n) != 0)
		return CLI_EXIT_INTERNAL;
	tail = malloc((n > 0 ? n : 1) * sizeof *tail);
	if (tail == NULL) {
		cli_tree_free(t);
		return CLI_EXIT_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		const mediate_category *parent = mediate_category_parent(mediate_policy_category_at(p, i));
		if (parent == NULL) {
			tree_link(t, &t->root, &root_tail, i);
		} else {
			size_t pi = mediate_category_index(parent);
			if (t->first[pi] == CLI_NONE)
				tail[pi] = CLI_NONE;
			tree_link(t, &t->first[pi], &tail[pi], i);
		}
	}
	free(tail);
	return 0;
}

void
cli_tree_free(cli_tree *t)
{
	free(t->first);
	free(t->next);
	t->first = t->next = NULL;
	t->count = 0;
}
