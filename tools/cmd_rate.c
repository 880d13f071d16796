/* SPDX-License-Identifier: MIT */
/*
 * mediate rate --case FILE --party ID --stars N [...]   a party rates a case
 * mediate rate --summary MEDIATOR_ID [...]              a mediator's aggregates
 *
 * The ratings file (mediate-ratings(5)) is loaded, the rating added through
 * mediate_ratings_add() (so every integrity rule applies), and the file
 * written back through a temporary file in the same directory and a
 * rename: it is either the old file or the new one, never half written.  A
 * refused rating leaves the file untouched.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Case lists and ratings files are larger than the 1 MiB default. */
#define RATE_MAX_BYTES ((size_t)256 << 20)
#define RATE_MAX_NODES ((size_t)50000000)
#define DEFAULT_RATINGS "ratings.yaml"

#define RATE_USAGE \
	"usage: mediate rate --case FILE [--number NUMBER] --party ID --stars N\n" \
	"                    [--comment TEXT] [--at TIME] [--ratings FILE] [OPTIONS]\n" \
	"       mediate rate --summary MEDIATOR_ID [--at TIME] [--ratings FILE] [OPTIONS]\n" \
	"\n" \
	"The first form records the rating a party gives after the case ended and\n" \
	"writes the ratings file back (atomically: a temporary file and a rename).\n" \
	"It is refused, and the file left as it was, when the case has not ended,\n" \
	"the party is not a party of the case or is an agent, the party has rated\n" \
	"the case already, or the time is before the case ended.  A missing ratings\n" \
	"file is created.\n" \
	"\n" \
	"  -c, --case FILE      the case: a case file, or a case list with --number\n" \
	"  -n, --number NUMBER  the case of a list, by case number or UUID\n" \
	"  -P, --party ID       the id of the party rating (p1, p2...)\n" \
	"  -s, --stars N        1 to 5\n" \
	"  -m, --comment TEXT   up to 500 bytes\n" \
	"  -t, --at TIME        when, like 2026-11-03T09:30:00+08:00 (default: now)\n" \
	"  -r, --ratings FILE   the ratings file (default: " DEFAULT_RATINGS ")\n" \
	"\n" \
	"The second form prints the aggregates of a mediator at TIME (default: now):\n" \
	"ratings counted and excluded, the distribution, the plain mean, the\n" \
	"Bayesian average with the policy's prior, the ended cases, the success\n" \
	"rate and its Wilson lower bound (mediate_ratings_summary(3)).\n" \
	"\n" \
	"  -S, --summary ID     the mediator's roster id\n" \
	"\n" \
	"Options of both forms:\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory)\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"\n" \
	"Exit status: 0 ok, 1 the rating is refused or a file has errors, 2 usage,\n" \
	"3 a file cannot be read or written, 4 internal error.\n"

static int run_rate(int argc, char **argv);

const cli_command cli_cmd_rate = {
	"rate",
	"record a party's rating of a mediation; print a mediator's aggregates",
	RATE_USAGE,
	run_rate
};

typedef struct rate_args {
	const char *case_path, *number, *party, *comment, *at, *ratings_path, *summary;
	const char *policy_path, *data_dir;
	unsigned long stars;
	int has_stars;
} rate_args;

static int
parse_options(rate_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "case", required_argument, NULL, 'c' },
		{ "number", required_argument, NULL, 'n' },
		{ "party", required_argument, NULL, 'P' },
		{ "stars", required_argument, NULL, 's' },
		{ "comment", required_argument, NULL, 'm' },
		{ "at", required_argument, NULL, 't' },
		{ "ratings", required_argument, NULL, 'r' },
		{ "summary", required_argument, NULL, 'S' },
		{ "policy", required_argument, NULL, 'p' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:n:P:s:m:t:r:S:p:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': a->case_path = optarg; break;
		case 'n': a->number = optarg; break;
		case 'P': a->party = optarg; break;
		case 's':
			if (cli_parse_count("rate", "--stars", optarg, 1000, &a->stars) != 0)
				return CLI_EXIT_USAGE;
			a->has_stars = 1;
			break;
		case 'm': a->comment = optarg; break;
		case 't': a->at = optarg; break;
		case 'r': a->ratings_path = optarg; break;
		case 'S': a->summary = optarg; break;
		case 'p': a->policy_path = optarg; break;
		case 'd': a->data_dir = optarg; break;
		case 'h':
			cli_print_help(&cli_cmd_rate);
			return -1;
		default: return cli_bad_option("rate", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error("rate", "unexpected argument \"%s\"", argv[optind]);
	if (a->summary != NULL) {
		if (a->case_path || a->number || a->party || a->has_stars || a->comment)
			return cli_usage_error("rate", "--summary does not take --case, --number, --party, --stars "
			                       "or --comment");
		return 0;
	}
	if (a->case_path == NULL)
		return cli_usage_error("rate", "--case FILE is required (or --summary MEDIATOR_ID)");
	if (a->party == NULL)
		return cli_usage_error("rate", "--party ID is required");
	if (!a->has_stars)
		return cli_usage_error("rate", "--stars N is required");
	return 0;
}

static int
load_policy(const rate_args *a, mediate_policy **out)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];
	int rc;
	if (a->policy_path != NULL)
		return cli_load_policy(out, a->policy_path, NULL);
	if ((rc = cli_find_data_dir("rate", a->data_dir, dir, sizeof dir)) != 0)
		return rc;
	snprintf(path, sizeof path, "%s/county.yaml", dir);
	return cli_load_policy(out, path, NULL);
}

static mediate_load_options
big_opts(void)
{
	mediate_load_options o = MEDIATE_LOAD_OPTIONS_INIT;
	o.max_document_bytes = RATE_MAX_BYTES;
	o.max_nodes = RATE_MAX_NODES;
	o.on_error = cli_print_error;
	return o;
}

/* 1 when c has the number (or the id) given. */
static int
case_is(const mediate_case *c, const char *number)
{
	return (mediate_case_number(c) != NULL && strcmp(mediate_case_number(c), number) == 0) ||
	       strcmp(mediate_case_id_text(c), number) == 0;
}

/* Loads the case: the one case of a case file, or case NUMBER of a list. */
static int
load_case(const rate_args *a, const mediate_policy *policy, mediate_case **out)
{
	mediate_case_list *list = NULL;
	const mediate_case *c;
	size_t i, n;
	int rc, single;

	if ((rc = cli_load_cases("rate", policy, a->case_path, RATE_MAX_BYTES, RATE_MAX_NODES, &list, &single)) != 0)
		return rc;
	n = mediate_case_list_count(list);
	if (a->number == NULL) {
		if (n != 1) {
			mediate_case_list_free(list);
			return cli_usage_error("rate", "%s holds a list of cases: choose one with --number", a->case_path);
		}
		i = 0;
	} else {
		for (i = 0; i < n && !case_is(mediate_case_list_at(list, i), a->number); i++)
			;
		if (i == n) {
			c = mediate_case_list_at(list, 0);
			if (single)
				cli_warn("rate", "%s: the case is %s, not %s", a->case_path,
				         mediate_case_number(c) ? mediate_case_number(c) : mediate_case_id_text(c), a->number);
			else
				cli_warn("rate", "%s: no case %s", a->case_path, a->number);
			mediate_case_list_free(list);
			return CLI_EXIT_INPUT;
		}
	}
	rc = mediate_case_clone(out, mediate_case_list_at(list, i));
	mediate_case_list_free(list);
	if (rc != 0) {
		cli_warn("rate", "out of memory");
		return CLI_EXIT_INTERNAL;
	}
	return 0;
}

/* Loads the ratings file; a missing file gives an empty store when may_create. */
static int
load_ratings(const char *path, const mediate_policy *policy, int may_create, mediate_ratings **out, int *created)
{
	mediate_load_options o = big_opts();
	mediate_error err;
	struct stat st;
	int rc;

	*created = 0;
	if (stat(path, &st) != 0 && errno == ENOENT) {
		if (!may_create) {
			cli_warn("rate", "%s: no such file", path);
			return CLI_EXIT_IO;
		}
		*created = 1;
		if (mediate_ratings_new(out, policy) != 0) {
			cli_warn("rate", "out of memory");
			return CLI_EXIT_INTERNAL;
		}
		return 0;
	}
	rc = mediate_ratings_load_file(out, policy, path, &o, &err);
	if (rc == MEDIATE_ENOMEM || rc == MEDIATE_EIO)
		return cli_exit_for_status(rc);
	return rc != 0 ? CLI_EXIT_INPUT : 0;
}

/*
 * Replaces path with data: a temporary file in the same directory, flushed
 * to disk, then renamed over path (atomic on POSIX file systems).  The new
 * file keeps the permissions of the old one.
 */
static int
write_atomic(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX + 16];
	struct stat st;
	FILE *f;
	int fd;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		cli_warn("rate", "%s: the path is too long", path);
		return CLI_EXIT_IO;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		cli_warn("rate", "%s: cannot create a temporary file: %s", tmp, strerror(errno));
		return CLI_EXIT_IO;
	}
	if (stat(path, &st) == 0)
		(void)fchmod(fd, st.st_mode & 07777);
	else
		(void)fchmod(fd, 0644);
	if ((f = fdopen(fd, "wb")) == NULL) {
		cli_warn("rate", "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return CLI_EXIT_IO;
	}
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		cli_warn("rate", "%s: cannot write: %s", tmp, strerror(errno));
		fclose(f);
		unlink(tmp);
		return CLI_EXIT_IO;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		cli_warn("rate", "%s: cannot replace: %s", path, strerror(errno));
		unlink(tmp);
		return CLI_EXIT_IO;
	}
	return 0;
}

static int
parse_at(const rate_args *a, int64_t *at, int *offset)
{
	*offset = MEDIATE_OFFSET_CST;
	if (a->at == NULL) {
		*at = (int64_t)time(NULL);
		return 0;
	}
	if (mediate_time_parse(at, offset, a->at) != 0)
		return cli_usage_error("rate", "--at \"%s\": %s", a->at, mediate_error_last()->text);
	return 0;
}

static int
rate_add(const rate_args *a, const mediate_policy *policy)
{
	const char *path = a->ratings_path ? a->ratings_path : DEFAULT_RATINGS;
	mediate_ratings *ratings = NULL;
	mediate_case *c = NULL;
	const mediate_rating *r = NULL;
	char *yaml = NULL;
	size_t len = 0, i;
	int64_t at;
	int offset, created, rc;

	if ((rc = parse_at(a, &at, &offset)) != 0)
		return rc;
	if ((rc = load_case(a, policy, &c)) != 0)
		return rc;
	if ((rc = load_ratings(path, policy, 1, &ratings, &created)) != 0) {
		mediate_case_free(c);
		return rc;
	}
	rc = mediate_ratings_add(&r, ratings, c, a->party, (unsigned int)a->stars, a->comment, at);
	if (rc != 0) {
		cli_warn("rate", "refused: %s", mediate_error_last()->text);
		rc = rc == MEDIATE_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
	} else if ((rc = mediate_ratings_to_yaml(&yaml, &len, ratings)) != 0) {
		cli_warn("rate", "%s", mediate_error_last()->text);
		rc = CLI_EXIT_INTERNAL;
	} else if ((rc = write_atomic(path, yaml, len)) == 0) {
		printf("%s: %s rated %s: %u star%s, credited to", path, a->party, mediate_rating_case_number(r),
		       mediate_rating_stars(r), mediate_rating_stars(r) == 1 ? "" : "s");
		for (i = 0; i < mediate_rating_mediator_count(r); i++) {
			const mediate_case_mediator *m = mediate_case_mediator_find(c, mediate_rating_mediator_at(r, i));
			printf("%s %s (%s)", i ? "," : "", m ? mediate_case_mediator_name(m) : "?",
			       mediate_rating_mediator_at(r, i));
		}
		printf("%s\n", created ? " (new file)" : "");
	}
	mediate_free(yaml);
	mediate_ratings_free(ratings);
	mediate_case_free(c);
	return rc;
}

static void
put_milli(const char *label, int32_t v, const char *suffix)
{
	printf("%-12s%d.%03d%s\n", label, (int)(v / 1000), (int)(v % 1000), suffix);
}

static int
rate_summary(const rate_args *a, const mediate_policy *policy)
{
	const char *path = a->ratings_path ? a->ratings_path : DEFAULT_RATINGS;
	mediate_ratings *ratings = NULL;
	mediate_rating_summary s;
	char when[MEDIATE_TIME_BUFSIZE], extra[96];
	int64_t at;
	int offset, created, rc;
	int32_t m = mediate_policy_rating_prior_milli(policy), z = mediate_policy_rating_z_milli(policy);

	if ((rc = parse_at(a, &at, &offset)) != 0)
		return rc;
	if ((rc = load_ratings(path, policy, 0, &ratings, &created)) != 0)
		return rc;
	if (mediate_ratings_summary(&s, ratings, a->summary, at) != 0) {
		cli_warn("rate", "%s", mediate_error_last()->text);
		mediate_ratings_free(ratings);
		return CLI_EXIT_INTERNAL;
	}
	if (mediate_time_format(when, sizeof when, at, offset) != 0)
		snprintf(when, sizeof when, "%lld", (long long)at);
	printf("%-12s%s\n", "mediator", a->summary);
	printf("%-12s%s\n", "at", when);
	printf("%-12s%u counted, %u excluded%s\n", "ratings", s.count, s.excluded,
	       s.count + s.excluded + s.ended == 0 ? " (nothing on record: the prior)" : "");
	printf("%-12s1:%u 2:%u 3:%u 4:%u 5:%u\n", "stars", s.stars[0], s.stars[1], s.stars[2], s.stars[3], s.stars[4]);
	put_milli("mean", s.mean_milli, "");
	snprintf(extra, sizeof extra, " (prior %d.%03d, weight %u%s)", (int)(m / 1000), (int)(m % 1000),
	         mediate_policy_rating_prior_weight(policy),
	         mediate_policy_rating_half_life_days(policy) ? ", with decay" : "");
	put_milli("bayes", s.bayes_milli, extra);
	printf("%-12s%u\n", "ended", s.ended);
	printf("%-12s%u\n", "agreements", s.agreements);
	put_milli("success", s.success_milli, "");
	snprintf(extra, sizeof extra, " (z %d.%03d)", (int)(z / 1000), (int)(z % 1000));
	put_milli("wilson", s.wilson_milli, extra);
	mediate_ratings_free(ratings);
	return 0;
}

static int
run_rate(int argc, char **argv)
{
	rate_args a;
	mediate_policy *policy = NULL;
	int rc;

	memset(&a, 0, sizeof a);
	if ((rc = parse_options(&a, argc, argv)) != 0)
		return rc < 0 ? CLI_EXIT_OK : rc;
	if ((rc = load_policy(&a, &policy)) != 0)
		return rc;
	rc = a.summary != NULL ? rate_summary(&a, policy) : rate_add(&a, policy);
	mediate_policy_free(policy);
	return rc;
}
