/* SPDX-License-Identifier: MIT */
/*
 * mediate: the command-line tool of libmediate.
 *
 *   mediate [--help | --version]
 *   mediate COMMAND [ARGS...]
 *   mediate help [COMMAND]
 *
 * Every command lives in a file of its own (tools/cmd_NAME.c, or demo.c) and
 * is listed once in CLI_COMMANDS below; see tools/cli.h for how to add one.
 * Exit codes are the CLI_EXIT_* values of cli.h, documented in mediate(1).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

/*
 * The command table: one line per command, in the order `mediate --help`
 * lists them.  X(NAME) refers to `const cli_command cli_cmd_NAME`.
 */
#define CLI_COMMANDS(X) \
	X(policy) \
	X(case) \
	X(grade) \
	X(match) \
	X(route) \
	X(whistle) \
	X(dispatch) \
	X(report) \
	X(tick) \
	X(board) \
	X(payroll) \
	X(roster) \
	X(rate) \
	X(demo) \
	X(help)

#define CLI_DECLARE(name) extern const cli_command cli_cmd_##name;
#define CLI_ENTRY(name) &cli_cmd_##name,
CLI_COMMANDS(CLI_DECLARE)
static const cli_command *const commands[] = { CLI_COMMANDS(CLI_ENTRY) };
#define NCOMMANDS (sizeof commands / sizeof commands[0])

const char *cli_progname = "mediate";

const cli_command *
cli_find_command(const char *name)
{
	size_t i;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static void
print_main_help(FILE *out)
{
	size_t i;
	fprintf(out,
	        "usage: mediate [--help | --version]\n"
	        "       mediate COMMAND [ARGS...]\n"
	        "       mediate help COMMAND\n"
	        "\n"
	        "The command-line tool of libmediate, a library for grassroots dispute\n"
	        "mediation and community task routing.\n"
	        "\n"
	        "Commands:\n");
	for (i = 0; i < NCOMMANDS; i++) {
		fputs("  ", out);
		cli_put_padded(out, commands[i]->name, 10);
		fprintf(out, "%s\n", commands[i]->summary);
	}
	fprintf(out,
	        "\n"
	        "Options:\n"
	        "  -h, --help     print this help and exit\n"
	        "  -V, --version  print the version of mediate and of libmediate and exit\n"
	        "\n"
	        "Exit status: 0 success, 1 the input had errors, 2 usage error,\n"
	        "3 a file could not be read or written, 4 internal error or out of memory.\n"
	        "\n"
	        "Run 'mediate help COMMAND' for the options of a command; see mediate(1).\n");
}

static int
print_version(void)
{
	printf("mediate (libmediate) %s\n", MEDIATE_VERSION_STRING);
	printf("libmediate %s (run time), %s (headers)\n", mediate_version(), MEDIATE_VERSION_STRING);
	printf("Copyright (c) the libmediate authors; MIT licence.\n");
	return CLI_EXIT_OK;
}

static int
run_help(int argc, char **argv)
{
	const cli_command *cmd;

	if (argc < 2) {
		print_main_help(stdout);
		return CLI_EXIT_OK;
	}
	if (cli_is_help(argv[1]))
		return cli_print_help(&cli_cmd_help);
	if (argc > 2)
		return cli_usage_error("help", "expected one command name, got %d arguments", argc - 1);
	cmd = cli_find_command(argv[1]);
	if (cmd == NULL)
		return cli_usage_error("help", "unknown command \"%s\"", argv[1]);
	return cli_print_help(cmd);
}

const cli_command cli_cmd_help = {
	"help",
	"print the help of mediate or of one command",
	"usage: mediate help [COMMAND]\n"
	"\n"
	"Without COMMAND, lists the commands of mediate; with one, prints its usage\n"
	"(the same as 'mediate COMMAND --help').\n",
	run_help
};

int
main(int argc, char **argv)
{
	const cli_command *cmd;

	if (argc < 2) {
		print_main_help(stderr);
		return CLI_EXIT_USAGE;
	}
	if (cli_is_help(argv[1])) {
		print_main_help(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return print_version();
	if (argv[1][0] == '-') {
		fprintf(stderr, "mediate: unknown option \"%s\"\nTry 'mediate --help'.\n", argv[1]);
		return CLI_EXIT_USAGE;
	}
	cmd = cli_find_command(argv[1]);
	if (cmd == NULL) {
		fprintf(stderr, "mediate: unknown command \"%s\"\nTry 'mediate --help'.\n", argv[1]);
		return CLI_EXIT_USAGE;
	}
	/* `mediate CMD --help`; commands with subcommands handle deeper ones. */
	if (argc == 3 && cli_is_help(argv[2]))
		return cli_print_help(cmd);
	return cmd->run(argc - 1, argv + 1);
}
