/* SPDX-License-Identifier: MIT */
/*
 * The `mediate` command-line tool: what every command file shares.
 *
 * The tool uses only the public API of libmediate (it links libmediate.la,
 * like any other program would).
 *
 * ADDING A COMMAND (say `mediate case ...`):
 *   1. write tools/cmd_case.c defining
 *          const cli_command cli_cmd_case = {
 *              "case", "check, show and convert case files",
 *              "usage: mediate case check FILE...\n" ...,
 *              run_case
 *          };
 *      where run_case(argc, argv) gets argv[0] == "case" and returns one of
 *      the CLI_EXIT_* codes below.  Parse options with getopt_long() after
 *      `optind = 0; opterr = 0;` (a full reset in glibc) and report bad
 *      ones with cli_usage_error(); load inputs with an on_error callback
 *      such as cli_print_error() so errors read file:line:col: path: msg;
 *      tools/cmd_policy.c is the model to copy;
 *   2. add one line `X(case)` to CLI_COMMANDS in tools/mediate.c;
 *   3. add tools/cmd_case.c to tools_mediate_SOURCES in tools/local.mk;
 *   4. document the command in man/man1/mediate.1 and test it in tests/cli/.
 * `mediate --help` lists the command, and `mediate help case` and
 * `mediate case --help` print its usage text.
 *
 * ADDING A DEMO SECTION: see tools/demo.c (one line in DEMO_SECTIONS and a
 * function `int demo_NAME(cli_demo *d)`).
 */
#ifndef MEDIATE_CLI_H
#define MEDIATE_CLI_H

#include <stdio.h>

#include <mediate.h>

/*
 * Exit codes, documented in mediate(1).  A command that handles several
 * files exits with the highest code any of them produced.
 */
enum {
	CLI_EXIT_OK = 0,        /* everything went well */
	CLI_EXIT_INPUT = 1,     /* an input had errors (syntax, validation, limits) */
	CLI_EXIT_USAGE = 2,     /* the command line is wrong: unknown command or option, missing argument */
	CLI_EXIT_IO = 3,        /* a file or directory could not be read or written */
	CLI_EXIT_INTERNAL = 4   /* out of memory or a bug in libmediate or the tool */
};

typedef struct cli_command {
	const char *name;       /* as typed: "policy" */
	const char *summary;    /* one line, shown by `mediate --help` */
	const char *usage;      /* the full help text, shown by `mediate help NAME` */
	int (*run)(int argc, char **argv);   /* argv[0] is the command name */
} cli_command;

/* The program name used in messages ("mediate"). */
extern const char *cli_progname;

/* ---- messages and exit codes ---- */

/* Prints "mediate: CMD: message" on stderr. */
void cli_warn(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/*
 * Reports a usage error of a command: the message, then a pointer to its
 * help, on stderr.  Returns CLI_EXIT_USAGE.
 */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/*
 * Reports what getopt_long (run with a leading ':' in its option string)
 * refused: c is ':' for an option without its value, anything else for an
 * unknown option, named as the user wrote it ("-x" or "--name").  Returns
 * CLI_EXIT_USAGE.
 */
int cli_bad_option(const char *cmd, int c, char **argv);
/* Prints a command's usage text on stdout and returns CLI_EXIT_OK. */
int cli_print_help(const cli_command *cmd);
/* Finds a command by name in the table of tools/mediate.c, or NULL. */
const cli_command *cli_find_command(const char *name);
/* The exit code for a libmediate status: 0, 1, 3 or 4. */
int cli_exit_for_status(int status);
/* Returns 1 when arg is "-h" or "--help". */
int cli_is_help(const char *arg);

/*
 * Parses a non-negative decimal number for an option; reports a usage
 * error and returns -1 when the text is not one or exceeds max.
 */
int cli_parse_count(const char *cmd, const char *opt, const char *text, unsigned long max,
                    unsigned long *out);

/* ---- loading ---- */

/*
 * Prints one error the way compilers do, on stderr:
 *   file:line:col: path: message
 * Used as the on_error callback of mediate_load_options (user is ignored).
 */
void cli_print_error(const mediate_error *err, void *user);

/*
 * Loads a policy, printing every error with cli_print_error().  opts may be
 * NULL for the defaults; its on_error is replaced.  Returns a CLI_EXIT_*
 * code; *out is set only on CLI_EXIT_OK.
 */
int cli_load_policy(mediate_policy **out, const char *path, const mediate_load_options *opts);

/*
 * Finds the directory of the sample data (the one holding county.yaml):
 * the --data option when given (explicit), then $MEDIATE_DATA, then the
 * examples/data directory of the source tree this program was built from,
 * then the installed $(pkgdatadir).  Writes it to buf and returns 0, or
 * reports on stderr and returns CLI_EXIT_IO.
 */
int cli_find_data_dir(const char *cmd, const char *explicit_dir, char *buf, size_t size);

/*
 * Loads a case file (mediate-case(5)): a list (a top-level "format:" or
 * "cases:" key) or a single case, which becomes a list of one; *single (if
 * not NULL) tells which.  Read within max_bytes, at most max_nodes YAML
 * nodes; every error is printed with cli_print_error(), an unreadable file
 * reported as cmd's.  Returns a CLI_EXIT_* code; *out is set only on
 * CLI_EXIT_OK.
 */
int cli_load_cases(const char *cmd, const mediate_policy *policy, const char *path, size_t max_bytes,
                   size_t max_nodes, mediate_case_list **out, int *single);

/* ---- output ---- */

/*
 * The number of terminal columns a UTF-8 string takes: 2 for East Asian
 * wide characters (汉字, full-width forms), 0 for combining marks, else 1.
 */
size_t cli_width(const char *s);
/* Prints s, then spaces up to width columns; always at least one space. */
void cli_put_padded(FILE *out, const char *s, size_t width);
/* Prints a section heading: a blank line, the title, and a rule under it. */
void cli_heading(FILE *out, const char *title);

/* A name in the language asked for, falling back to the policy's own. */
const char *cli_unit_name(const mediate_unit *u, const char *lang);
const char *cli_category_name(const mediate_category *c, const char *lang);

/*
 * Children lists of the org tree and the taxonomy, in document order, built
 * in O(n): first[i] is the first child of entry i (or SIZE_MAX), next[i] its
 * next sibling; roots chain from *root.  Returns 0, or CLI_EXIT_INTERNAL
 * when memory ran out.
 */
typedef struct cli_tree {
	size_t count;
	size_t root;
	size_t *first;
	size_t *next;
} cli_tree;
#define CLI_NONE ((size_t)-1)
int cli_tree_units(cli_tree *t, const mediate_policy *p);
int cli_tree_categories(cli_tree *t, const mediate_policy *p);
void cli_tree_free(cli_tree *t);

/* ---- the demo (tools/demo.c) ---- */

typedef struct cli_demo {
	FILE *out;
	const char *data_dir;          /* where county.yaml and later samples live */
	const char *lang;              /* second language to show beside the policy's own, "en" */
	const mediate_policy *policy;  /* the sample county, loaded before the sections run */
} cli_demo;

/*
 * Builds a path inside the demo's data directory into a buffer of the demo
 * (valid until the next call).  For sections that load their own sample
 * file: cli_demo_path(d, "cases.yaml").
 */
const char *cli_demo_path(const cli_demo *d, const char *file);

#endif /* MEDIATE_CLI_H */
