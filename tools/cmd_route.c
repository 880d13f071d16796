/* SPDX-License-Identifier: MIT */
/*
 * mediate route: whistle -> dispatch -> report (吹哨-派单-报到), and the
 * "routing" section of `mediate demo`.
 *
 *   mediate route week [--policy P] [--data DIR]
 *       replays a scripted week of whistles in the sample towns -- routing,
 *       a return and re-route, an extension, a reopen, an escalation -- with
 *       the events of every tick, then prints the board of open orders and
 *       the response, resolution and satisfaction rates;
 *   mediate route deadline [--policy P] [--data DIR] CALENDAR TIME MINUTES
 *       the instant MINUTES working minutes after TIME on a calendar.
 *
 * The engine keeps its state in memory (a store is another module), so the
 * steps of a week are replayed in one run rather than one command each.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define ROUTE_USAGE \
	"usage: mediate route week [--policy FILE] [--data DIR]\n" \
	"       mediate route deadline [--policy FILE] [--data DIR] CALENDAR TIME MINUTES\n" \
	"\n" \
	"week      replays a week of whistles (吹哨) in the sample towns: dispatch by\n" \
	"          the routing rules (派单), departments reporting in (报到), a return\n" \
	"          and re-route, an extension, a reopen and an escalation; prints the\n" \
	"          warnings, breaches and escalations as they fall due, the board of\n" \
	"          open orders with the time left, the rates of the week and the\n" \
	"          check of the audit chain\n" \
	"deadline  prints the instant MINUTES working minutes after TIME (like\n" \
	"          2026-09-30T16:00:00+08:00) on the calendar CALENDAR of the policy\n" \
	"\n" \
	"  -p, --policy FILE    the policy (default: county.yaml of the data directory);\n" \
	"                       week needs the sample county's units\n" \
	"  -d, --data DIR       the sample data directory (see mediate demo)\n" \
	"  -h, --help           this text\n" \
	"\n" \
	"Exit status: 0 on success, 1 when the policy or an argument is invalid,\n" \
	"2 for a wrong command line, 3 when a file could not be read.\n"

static int run_route(int argc, char **argv);
int demo_routing(cli_demo *d);

const cli_command cli_cmd_route = {
	"route",
	"whistle, dispatch, report: a week of orders, deadlines on working time",
	ROUTE_USAGE,
	run_route
};

/* ---- the scripted week ---- */

enum { W_WHISTLE, W_AUTO, W_ACK, W_CHECKIN, W_PROGRESS, W_FINISH, W_RETURN, W_REROUTE, W_EXTREQ, W_EXTOK,
       W_RATE, W_CONFIRM, W_REOPEN };

typedef struct week_whistle {
	const char *unit, *raiser, *category;
	mediate_urgency urgency;
	const char *place, *description;
} week_whistle;

static const week_whistle whistles[] = {
	{ "YZ-ZH-SZQ-G01", "网格员 俞丽娟", "public.road", MEDIATE_URGENCY_NORMAL, "宋诏桥路12号",
	  "人行道地砖松动，已有老人绊倒" },
	{ "YZ-ZGM-JJC", "金家漕社区 书记 陈建国", "public.streetscape", MEDIATE_URGENCY_NORMAL, "金家漕路绿化带",
	  "绿化带内建筑垃圾和生活垃圾堆积" },
	{ "YZ-SN-RL-G02", "网格员 胡晓燕", "public.drainage", MEDIATE_URGENCY_URGENT, "日丽中路与首南中路交叉口",
	  "雨水井堵塞，路面积水约20厘米" },
	{ "YZ-YL-SLJ-G01", "上李家村 村主任 李国平", "public.road", MEDIATE_URGENCY_NORMAL, "上李家村村道",
	  "村道坑洼，农用车通行困难" },
	{ "YZ-DQH-HL-G02", "网格员 韩伟", "public.safety_hazard", MEDIATE_URGENCY_CRITICAL, "韩岭老街35号",
	  "电线裸露并有燃气异味" },
	{ "YZ-QA-QA-G01", "网格员 周敏", "public.sanitation", MEDIATE_URGENCY_NORMAL, "邱隘村菜场东侧",
	  "垃圾清运不及时，异味扰民" },
	{ "YZ-ZH-DF", "丹凤社区 主任 王芳", "public.road", MEDIATE_URGENCY_NORMAL, "丹凤新村8幢",
	  "小区外道路路灯连续三晚不亮" },
	{ "YZ-DW-TT-G01", "网格员 孙立", "public.environment", MEDIATE_URGENCY_NORMAL, "天童村河道",
	  "河道漂浮物多，疑有上游倾倒" },
	{ "YZ-JS-ZMT-G02", "网格员 张红", "public.streetscape", MEDIATE_URGENCY_NORMAL, "走马塘村口",
	  "违章广告牌遮挡交通标志" },
};
#define NWHISTLES (sizeof whistles / sizeof whistles[0])

typedef struct week_step {
	const char *when;
	int op;
	int w;                 /* whistle index */
	const char *dept;
	const char *actor;
	const char *text;      /* note, result, reason, new department */
	long num;              /* minutes, satisfaction */
} week_step;

static const week_step steps[] = {
	{ "2026-11-02T09:10:00+08:00", W_WHISTLE, 0, NULL, NULL, NULL, 0 },
	{ "2026-11-02T09:20:00+08:00", W_AUTO, 0, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-02T10:05:00+08:00", W_ACK, 0, "YZ-ZH-CJ", "城建办 徐斌", NULL, 0 },
	{ "2026-11-02T10:20:00+08:00", W_WHISTLE, 1, NULL, NULL, NULL, 0 },
	{ "2026-11-02T10:30:00+08:00", W_AUTO, 1, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-02T11:00:00+08:00", W_RETURN, 1, "YZ-ZGM-ZF", "执法队 林涛", "垃圾清运属环卫公司职责", 0 },
	{ "2026-11-02T11:20:00+08:00", W_REROUTE, 1, "YZ-ZGM-ZF", "派单员 郑洁", "YZ-E-HW", 0 },
	{ "2026-11-02T13:40:00+08:00", W_ACK, 1, "YZ-E-HW", "环卫公司 调度 吴刚", NULL, 0 },
	{ "2026-11-02T13:45:00+08:00", W_ACK, 1, "YZ-ZGM-CJ", "城建办 钱亮", NULL, 0 },
	{ "2026-11-02T14:00:00+08:00", W_WHISTLE, 2, NULL, NULL, NULL, 0 },
	{ "2026-11-02T14:05:00+08:00", W_AUTO, 2, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-02T14:30:00+08:00", W_ACK, 2, "YZ-ZJ", "住建局 值班 赵磊", NULL, 0 },
	{ "2026-11-02T14:40:00+08:00", W_ACK, 2, "YZ-E-ZLS", "自来水公司 陆军", NULL, 0 },
	{ "2026-11-02T15:30:00+08:00", W_CHECKIN, 0, "YZ-ZH-CJ", "城建办 徐斌", NULL, 0 },
	{ "2026-11-02T15:40:00+08:00", W_CHECKIN, 2, "YZ-ZJ", "住建局 值班 赵磊", NULL, 0 },
	{ "2026-11-02T15:50:00+08:00", W_CHECKIN, 2, "YZ-E-ZLS", "自来水公司 陆军", NULL, 0 },
	{ "2026-11-02T16:10:00+08:00", W_CHECKIN, 1, "YZ-E-HW", "环卫公司 调度 吴刚", NULL, 0 },
	{ "2026-11-02T16:20:00+08:00", W_CHECKIN, 1, "YZ-ZGM-CJ", "城建办 钱亮", NULL, 0 },
	{ "2026-11-03T08:50:00+08:00", W_WHISTLE, 3, NULL, NULL, NULL, 0 },
	{ "2026-11-03T09:00:00+08:00", W_AUTO, 3, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-03T09:30:00+08:00", W_FINISH, 1, "YZ-E-HW", "环卫公司 调度 吴刚", "清运垃圾3车，已恢复绿化带原貌", 0 },
	{ "2026-11-03T10:00:00+08:00", W_FINISH, 1, "YZ-ZGM-CJ", "城建办 钱亮", "补种灌木，设置禁止倾倒标牌", 0 },
	{ "2026-11-03T10:40:00+08:00", W_ACK, 3, "YZ-YL-CJ", "城建办 沈海", NULL, 0 },
	{ "2026-11-03T11:00:00+08:00", W_FINISH, 2, "YZ-E-ZLS", "自来水公司 陆军", "疏通雨水井两处", 0 },
	{ "2026-11-03T11:30:00+08:00", W_FINISH, 2, "YZ-ZJ", "住建局 值班 赵磊", "清理管道淤泥，积水已退", 0 },
	{ "2026-11-03T14:00:00+08:00", W_CHECKIN, 3, "YZ-YL-CJ", "城建办 沈海", NULL, 0 },
	{ "2026-11-03T14:30:00+08:00", W_RATE, 1, "YZ-E-HW", "金家漕社区 书记 陈建国", NULL, MEDIATE_SATISFIED },
	{ "2026-11-03T14:31:00+08:00", W_RATE, 1, "YZ-ZGM-CJ", "金家漕社区 书记 陈建国", NULL, MEDIATE_SATISFIED },
	{ "2026-11-03T14:32:00+08:00", W_CONFIRM, 1, NULL, "金家漕社区 书记 陈建国", NULL, 0 },
	{ "2026-11-03T15:00:00+08:00", W_EXTREQ, 3, "YZ-YL-CJ", "城建办 沈海", "沥青需从区搅拌站调运", 450 },
	{ "2026-11-03T15:20:00+08:00", W_EXTOK, 3, "YZ-YL-CJ", "派单员 郑洁", NULL, 0 },
	{ "2026-11-03T21:30:00+08:00", W_WHISTLE, 4, NULL, NULL, NULL, 0 },
	{ "2026-11-03T21:35:00+08:00", W_AUTO, 4, NULL, "夜间值班 派单员 朱琳", NULL, 0 },
	{ "2026-11-03T21:42:00+08:00", W_ACK, 4, "YZ-E-RQ", "燃气公司 抢修 方勇", NULL, 0 },
	{ "2026-11-03T21:45:00+08:00", W_ACK, 4, "YZ-E-GD", "供电公司 抢修 邵军", NULL, 0 },
	{ "2026-11-03T22:10:00+08:00", W_CHECKIN, 4, "YZ-E-RQ", "燃气公司 抢修 方勇", NULL, 0 },
	{ "2026-11-03T22:20:00+08:00", W_CHECKIN, 4, "YZ-E-GD", "供电公司 抢修 邵军", NULL, 0 },
	{ "2026-11-03T23:05:00+08:00", W_ACK, 4, "YZ-GA", "分局 指挥中心 郭平", NULL, 0 },
	{ "2026-11-04T00:10:00+08:00", W_CHECKIN, 4, "YZ-GA", "分局 指挥中心 郭平", NULL, 0 },
	{ "2026-11-04T01:00:00+08:00", W_FINISH, 4, "YZ-E-RQ", "燃气公司 抢修 方勇", "燃气管接头漏气，已更换", 0 },
	{ "2026-11-04T01:20:00+08:00", W_FINISH, 4, "YZ-E-GD", "供电公司 抢修 邵军", "裸露线路已断电包扎", 0 },
	{ "2026-11-04T02:00:00+08:00", W_FINISH, 4, "YZ-GA", "分局 指挥中心 郭平", "现场警戒解除", 0 },
	{ "2026-11-04T09:00:00+08:00", W_WHISTLE, 5, NULL, NULL, NULL, 0 },
	{ "2026-11-04T09:10:00+08:00", W_AUTO, 5, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-04T09:30:00+08:00", W_REOPEN, 2, NULL, "网格员 胡晓燕", "夜雨后路口再次积水", 0 },
	{ "2026-11-04T09:40:00+08:00", W_RATE, 4, "YZ-E-RQ", "网格员 韩伟", NULL, MEDIATE_SATISFIED },
	{ "2026-11-04T09:41:00+08:00", W_RATE, 4, "YZ-E-GD", "网格员 韩伟", NULL, MEDIATE_SATISFIED },
	{ "2026-11-04T09:42:00+08:00", W_RATE, 4, "YZ-GA", "网格员 韩伟", NULL, MEDIATE_BASICALLY_SATISFIED },
	{ "2026-11-04T09:43:00+08:00", W_CONFIRM, 4, NULL, "网格员 韩伟", NULL, 0 },
	{ "2026-11-04T10:00:00+08:00", W_ACK, 2, "YZ-ZJ", "住建局 值班 赵磊", NULL, 0 },
	{ "2026-11-04T10:05:00+08:00", W_ACK, 2, "YZ-E-ZLS", "自来水公司 陆军", NULL, 0 },
	{ "2026-11-04T10:20:00+08:00", W_ACK, 5, "YZ-E-HW", "环卫公司 调度 吴刚", NULL, 0 },
	{ "2026-11-04T10:30:00+08:00", W_ACK, 5, "YZ-ZF", "区执法局 指挥中心", NULL, 0 },
	{ "2026-11-04T11:00:00+08:00", W_CHECKIN, 2, "YZ-ZJ", "住建局 值班 赵磊", NULL, 0 },
	{ "2026-11-04T11:10:00+08:00", W_CHECKIN, 2, "YZ-E-ZLS", "自来水公司 陆军", NULL, 0 },
	{ "2026-11-04T14:00:00+08:00", W_CHECKIN, 5, "YZ-E-HW", "环卫公司 调度 吴刚", NULL, 0 },
	{ "2026-11-04T15:00:00+08:00", W_PROGRESS, 3, "YZ-YL-CJ", "城建办 沈海", "沥青已到，明日摊铺", 0 },
	{ "2026-11-05T10:00:00+08:00", W_FINISH, 5, "YZ-E-HW", "环卫公司 调度 吴刚", "增加每日清运一次", 0 },
	{ "2026-11-05T11:00:00+08:00", W_CHECKIN, 5, "YZ-ZF", "区执法局 指挥中心", NULL, 0 },
	{ "2026-11-05T15:00:00+08:00", W_WHISTLE, 6, NULL, NULL, NULL, 0 },
	{ "2026-11-05T15:10:00+08:00", W_AUTO, 6, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-05T16:00:00+08:00", W_FINISH, 2, "YZ-E-ZLS", "自来水公司 陆军", "更换雨水篦子，加装截污框", 0 },
	{ "2026-11-05T16:30:00+08:00", W_FINISH, 2, "YZ-ZJ", "住建局 值班 赵磊", "管道整体清淤，试水通畅", 0 },
	{ "2026-11-05T17:00:00+08:00", W_FINISH, 3, "YZ-YL-CJ", "城建办 沈海", "村道坑洼已修补120平方米", 0 },
	{ "2026-11-06T09:00:00+08:00", W_RATE, 2, "YZ-ZJ", "网格员 胡晓燕", NULL, MEDIATE_SATISFIED },
	{ "2026-11-06T09:01:00+08:00", W_RATE, 2, "YZ-E-ZLS", "网格员 胡晓燕", NULL, MEDIATE_BASICALLY_SATISFIED },
	{ "2026-11-06T09:02:00+08:00", W_CONFIRM, 2, NULL, "网格员 胡晓燕", NULL, 0 },
	{ "2026-11-06T09:30:00+08:00", W_RATE, 3, "YZ-YL-CJ", "上李家村 村主任 李国平", NULL, MEDIATE_DISSATISFIED },
	{ "2026-11-06T09:31:00+08:00", W_CONFIRM, 3, NULL, "上李家村 村主任 李国平", NULL, 0 },
	{ "2026-11-06T10:00:00+08:00", W_FINISH, 0, "YZ-ZH-CJ", "城建办 徐斌", "更换松动地砖36块", 0 },
	{ "2026-11-06T16:40:00+08:00", W_WHISTLE, 7, NULL, NULL, NULL, 0 },
	{ "2026-11-06T16:45:00+08:00", W_AUTO, 7, NULL, "派单员 郑洁", NULL, 0 },
	{ "2026-11-06T17:00:00+08:00", W_ACK, 7, "YZ-ZF", "区执法局 指挥中心", NULL, 0 },
	{ "2026-11-06T17:10:00+08:00", W_WHISTLE, 8, NULL, NULL, NULL, 0 },
	{ "2026-11-06T17:15:00+08:00", W_AUTO, 8, NULL, "派单员 郑洁", NULL, 0 },
};
#define NSTEPS (sizeof steps / sizeof steps[0])

static int64_t
at(const char *text)
{
	int64_t t = 0;
	mediate_time_parse(&t, NULL, text);
	return t;
}

static const char *
target_name(mediate_target t)
{
	switch (t) {
	case MEDIATE_TARGET_ACKNOWLEDGE: return "签收 acknowledge";
	case MEDIATE_TARGET_CHECK_IN: return "报到 check in";
	case MEDIATE_TARGET_FINISH: return "办结 finish";
	}
	return "?";
}

static void
print_time(FILE *out, int64_t t)
{
	char buf[MEDIATE_TIME_BUFSIZE];
	mediate_time_format(buf, sizeof buf, t, MEDIATE_OFFSET_CST);
	buf[16] = '\0';   /* 2026-11-03T21:50 */
	buf[10] = ' ';
	fputs(buf, out);
}

static int
tick(FILE *out, mediate_route *r, int64_t now)
{
	mediate_route_event ev[64];
	size_t n, i;
	do {
		if (mediate_route_tick(r, now, ev, 64, &n) != 0)
			return -1;
		for (i = 0; i < n; i++) {
			fputs("    ", out);
			print_time(out, ev[i].due);
			fprintf(out, "  #%llu %-10s %-18s %s%s%s\n", (unsigned long long)ev[i].order, ev[i].department,
			        target_name(ev[i].target),
			        ev[i].kind == MEDIATE_EVENT_WARNING ? "warning 预警"
			        : ev[i].kind == MEDIATE_EVENT_BREACH ? "BREACH 超时" : "escalation ",
			        ev[i].kind == MEDIATE_EVENT_ESCALATION ? mediate_escalation_name(ev[i].step) : "",
			        ev[i].kind == MEDIATE_EVENT_ESCALATION && ev[i].step == MEDIATE_ESCALATE_SUPERVISION ? " 督办"
			        : "");
		}
	} while (n == 64);
	return 0;
}

static int
do_step(FILE *out, mediate_route *r, const week_step *s, uint64_t *orders, const mediate_policy *p)
{
	int64_t t = at(s->when);
	uint64_t o = orders[s->w];
	int rc = 0;

	switch (s->op) {
	case W_WHISTLE: {
		const week_whistle *w = &whistles[s->w];
		mediate_whistle mw = MEDIATE_WHISTLE_INIT;
		mw.unit = w->unit;
		mw.raiser = w->raiser;
		mw.category = w->category;
		mw.urgency = w->urgency;
		mw.place = w->place;
		mw.description = w->description;
		mw.time = t;
		rc = mediate_route_whistle(&orders[s->w], r, &mw);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 吹哨 %s (%s): %s [%s]\n", (unsigned long long)orders[s->w],
			        cli_unit_name(mediate_policy_unit_find(p, w->unit), NULL), w->unit, w->description,
			        mediate_urgency_name(w->urgency));
		}
		return rc;
	}
	case W_AUTO: {
		mediate_order_info oi;
		mediate_task_info ti;
		size_t i;
		rc = mediate_route_dispatch_auto(r, o, t, s->actor);
		if (rc != 0)
			return rc;
		oi.version = MEDIATE_ORDER_INFO_VERSION;
		mediate_route_order_info(&oi, r, o);
		fputs("  ", out);
		print_time(out, t);
		fprintf(out, "  #%llu 派单 (%s):", (unsigned long long)o, oi.level == MEDIATE_LEVEL_COUNTY ? "区级" : "镇街级");
		for (i = 0; i < oi.task_count; i++) {
			ti.version = MEDIATE_TASK_INFO_VERSION;
			mediate_route_task_info(&ti, r, o, i);
			fprintf(out, " %s%s %s", i ? "+ " : "", ti.role == MEDIATE_ROLE_LEAD ? "主办" : "协办",
			        cli_unit_name(mediate_policy_unit_find(p, ti.department), NULL));
		}
		fputc('\n', out);
		return 0;
	}
	case W_ACK: return mediate_route_acknowledge(r, o, s->dept, t, s->actor);
	case W_CHECKIN: return mediate_route_check_in(r, o, s->dept, t, s->actor);
	case W_PROGRESS: return mediate_route_progress(r, o, s->dept, t, s->actor, s->text);
	case W_FINISH: return mediate_route_finish(r, o, s->dept, t, s->actor, s->text);
	case W_RETURN:
		rc = mediate_route_return(r, o, s->dept, t, s->actor, MEDIATE_RETURN_NOT_OUR_DUTY, s->text);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 退单 by %s: %s\n", (unsigned long long)o, s->dept, s->text);
		}
		return rc;
	case W_REROUTE:
		rc = mediate_route_reroute(r, o, s->dept, t, s->actor, s->text);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 改派 %s -> %s\n", (unsigned long long)o, s->dept, s->text);
		}
		return rc;
	case W_EXTREQ:
		rc = mediate_route_extension_request(r, o, s->dept, t, s->actor, s->num, s->text);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 申请延期 %s: %ld working minutes, %s\n", (unsigned long long)o, s->dept, s->num,
			        s->text);
		}
		return rc;
	case W_EXTOK:
		rc = mediate_route_extension_decide(r, o, s->dept, t, s->actor, 1, "同意");
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 延期批准 %s\n", (unsigned long long)o, s->dept);
		}
		return rc;
	case W_RATE: return mediate_route_rate(r, o, s->dept, t, s->actor, (mediate_satisfaction)s->num);
	case W_CONFIRM:
		rc = mediate_route_confirm(r, o, t, s->actor);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 评价并确认办结 closed\n", (unsigned long long)o);
		}
		return rc;
	case W_REOPEN:
		rc = mediate_route_reopen(r, o, t, s->actor, s->text);
		if (rc == 0) {
			fputs("  ", out);
			print_time(out, t);
			fprintf(out, "  #%llu 重办 reopened: %s\n", (unsigned long long)o, s->text);
		}
		return rc;
	}
	return MEDIATE_EINTERNAL;
}

static void
print_board(FILE *out, mediate_route *r, const mediate_policy *p, int64_t now)
{
	const mediate_calendar *cal = mediate_policy_calendar_find(p, "cn-office");
	uint64_t o;
	size_t i;
	int any = 0;

	for (o = 1; o <= mediate_route_order_count(r); o++) {
		mediate_order_info oi;
		oi.version = MEDIATE_ORDER_INFO_VERSION;
		if (mediate_route_order_info(&oi, r, o) != 0 || oi.state == MEDIATE_ORDER_CLOSED)
			continue;
		for (i = 0; i < oi.task_count; i++) {
			mediate_task_info ti;
			int64_t due = 0, left;
			int k, which = -1;
			ti.version = MEDIATE_TASK_INFO_VERSION;
			if (mediate_route_task_info(&ti, r, o, i) != 0 || ti.state == MEDIATE_TASK_REROUTED)
				continue;
			for (k = 0; k < 3; k++)
				if (ti.due[k] != 0 && (due == 0 || ti.due[k] < due)) {
					due = ti.due[k];
					which = k;
				}
			any = 1;
			fprintf(out, "  #%-3llu ", (unsigned long long)o);
			cli_put_padded(out, cli_unit_name(mediate_policy_unit_find(p, ti.department), NULL), 24);
			cli_put_padded(out, mediate_task_state_name(ti.state), 14);
			if (which < 0) {
				fprintf(out, "%s\n", oi.state == MEDIATE_ORDER_FINISHED ? "待评价 awaiting the raiser's rating"
				                                                     : "done, waiting for the other departments");
				continue;
			}
			fprintf(out, "%-8s by ", which == 0 ? "签收" : which == 1 ? "报到" : "办结");
			print_time(out, due);
			if (cal != NULL && mediate_calendar_minutes_between(&left, cal, now, due) == 0)
				fprintf(out, "  %s%lldh%02lldm working\n", left < 0 ? "overdue " : "left ",
				        (long long)(llabs(left) / 60), (long long)(llabs(left) % 60));
			else
				fputc('\n', out);
		}
	}
	if (!any)
		fprintf(out, "  (no open orders)\n");
}

/* A rate, or "-" when nothing was counted (0 of 0 is no rate at all). */
static void
put_rate(FILE *out, double rate, size_t denominator)
{
	if (denominator == 0)
		fputs("      -", out);
	else
		fprintf(out, " %5.0f%%", 100 * rate);
}

static void
print_rates(FILE *out, mediate_route *r, const mediate_policy *p, int64_t from, int64_t to)
{
	static const char *const depts[] = { NULL, "YZ-ZH-CJ", "YZ-ZGM-ZF", "YZ-ZJ", "YZ-E-ZLS", "YZ-YL-CJ", "YZ-GA",
		                             "YZ-E-HW" };
	size_t i;
	fputs("  ", out);
	cli_put_padded(out, "department", 32);
	fputs(" 响应率 办结率 满意率  退单  延期  升级  重办\n", out);
	for (i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		mediate_route_metrics m;
		m.version = MEDIATE_ROUTE_METRICS_VERSION;
		if (mediate_route_metrics_get(&m, r, depts[i], from, to) != 0)
			continue;
		fputs("  ", out);
		cli_put_padded(out, depts[i] ? cli_unit_name(mediate_policy_unit_find(p, depts[i]), NULL) : "all 全部", 32);
		put_rate(out, m.response_rate, m.acknowledged + m.acknowledge_missed);
		put_rate(out, m.resolution_rate, m.finished + m.finish_missed);
		put_rate(out, m.satisfaction_rate, m.rated);
		fprintf(out, " %5zu %5zu %5zu %5zu\n", m.returns, m.extensions_approved, m.escalations, m.reopens);
	}
}

static int
run_week(FILE *out, const mediate_policy *p)
{
	static const unsigned char key[32] = "mediate route week demo key 2026";
	mediate_route *r = NULL;
	uint64_t orders[NWHISTLES] = { 0 };
	int64_t from = at("2026-11-02T00:00:00+08:00"), end = at("2026-11-08T20:00:00+08:00");
	size_t i;
	int rc;

	if ((rc = mediate_route_new(&r, p, key, sizeof key)) != 0) {
		cli_warn("route", "%s", mediate_error_last()->text);
		return cli_exit_for_status(rc);
	}
	fprintf(out, "  The week of 2 November 2026; events of the timers are indented.\n\n");
	for (i = 0; i < NSTEPS; i++) {
		if (tick(out, r, at(steps[i].when)) != 0 || (rc = do_step(out, r, &steps[i], orders, p)) != 0) {
			cli_warn("route", "step %zu (%s): %s", i + 1, steps[i].when, mediate_error_last()->text);
			mediate_route_free(r);
			return CLI_EXIT_INPUT;
		}
	}
	tick(out, r, end);
	cli_heading(out, "Board: open orders at Sunday 8 November 20:00 (看板)");
	print_board(out, r, p, end);
	cli_heading(out, "Rates of the week (from the audit trail)");
	print_rates(out, r, p, from, end);
	{
		static const char *const towns[] = { "YZ-ZH", "YZ-ZGM", "YZ-SN", "YZ-YL", "YZ-DQH", "YZ-QA", "YZ-DW", "YZ-JS" };
		fprintf(out, "\n  whistles per town:");
		for (i = 0; i < sizeof towns / sizeof towns[0]; i++) {
			size_t n = 0;
			mediate_route_whistle_count(&n, r, towns[i], from, end);
			fprintf(out, " %s %zu%s", cli_unit_name(mediate_policy_unit_find(p, towns[i]), NULL), n,
			        i + 1 < sizeof towns / sizeof towns[0] ? "," : "\n");
		}
	}
	{
		size_t n = mediate_route_audit_count(r), bad = 0;
		mediate_audit_entry *copy = malloc((n ? n : 1) * sizeof *copy);
		unsigned char head[MEDIATE_AUDIT_HASH_BYTES];
		if (copy == NULL) {
			mediate_route_free(r);
			return CLI_EXIT_INTERNAL;
		}
		for (i = 0; i < n; i++)
			copy[i] = *mediate_route_audit_at(r, i);
		mediate_route_audit_head(head, r);
		rc = mediate_audit_verify(&bad, copy, n, head, key, sizeof key);
		fprintf(out, "  audit trail: %zu entries, chain %s", n, rc == 0 ? "verified" : "BROKEN");
		/* Show that an edit is caught: change one result and verify again. */
		if (n > 20) {
			int trc;
			copy[20].details = "（被篡改）";
			trc = mediate_audit_verify(&bad, copy, n, head, key, sizeof key);
			fprintf(out, "; after editing entry 21: %s at entry %zu\n",
			        trc == MEDIATE_ETAMPER ? "tampering detected" : "NOT DETECTED", bad + 1);
		} else
			fputc('\n', out);
		free(copy);
	}
	mediate_route_free(r);
	return rc == 0 ? CLI_EXIT_OK : CLI_EXIT_INTERNAL;
}

int
demo_routing(cli_demo *d)
{
	return run_week(d->out, d->policy);
}

/* ---- the command ---- */

static int
run_route(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "policy", required_argument, NULL, 'p' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *policy_path = NULL, *data = NULL, *sub;
	char dir[4096], path[4200];
	mediate_policy *p = NULL;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:p:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': policy_path = optarg; break;
		case 'd': data = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_route);
		default: return cli_bad_option("route", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("route", "a sub-command is needed: week or deadline");
	sub = argv[optind++];
	if (cli_is_help(sub))
		return cli_print_help(&cli_cmd_route);
	if (strcmp(sub, "week") != 0 && strcmp(sub, "deadline") != 0)
		return cli_usage_error("route", "unknown sub-command \"%s\" (week, deadline)", sub);
	/* Options may also follow the sub-command. */
	while ((c = getopt_long(argc, argv, "+:p:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': policy_path = optarg; break;
		case 'd': data = optarg; break;
		case 'h': return cli_print_help(&cli_cmd_route);
		default: return cli_bad_option("route", c, argv);
		}
	}
	if (strcmp(sub, "week") == 0 && optind != argc)
		return cli_usage_error("route", "week takes no argument");
	if (strcmp(sub, "deadline") == 0 && argc - optind != 3)
		return cli_usage_error("route", "deadline needs CALENDAR TIME MINUTES");
	if (policy_path == NULL) {
		if ((rc = cli_find_data_dir("route", data, dir, sizeof dir)) != 0)
			return rc;
		snprintf(path, sizeof path, "%s/county.yaml", dir);
		policy_path = path;
	}
	if ((rc = cli_load_policy(&p, policy_path, NULL)) != CLI_EXIT_OK)
		return rc;
	if (strcmp(sub, "week") == 0) {
		rc = run_week(stdout, p);
	} else {
		const mediate_calendar *cal = mediate_policy_calendar_find(p, argv[optind]);
		unsigned long minutes;
		int64_t t, due;
		char buf[MEDIATE_TIME_BUFSIZE];
		if (cal == NULL) {
			cli_warn("route", "the policy has no calendar \"%s\"", argv[optind]);
			rc = CLI_EXIT_INPUT;
		} else if (mediate_time_parse(&t, NULL, argv[optind + 1]) != 0) {
			cli_warn("route", "%s", mediate_error_last()->text);
			rc = CLI_EXIT_INPUT;
		} else if (cli_parse_count("route", "MINUTES", argv[optind + 2], 100000000UL, &minutes) != 0) {
			rc = CLI_EXIT_USAGE;
		} else if ((rc = mediate_calendar_add_minutes(&due, cal, t, (int64_t)minutes)) != 0) {
			cli_warn("route", "%s", mediate_error_last()->text);
			rc = cli_exit_for_status(rc);
		} else {
			mediate_time_format(buf, sizeof buf, due, mediate_calendar_offset(cal));
			printf("%s\n", buf);
			rc = CLI_EXIT_OK;
		}
	}
	mediate_policy_free(p);
	return rc;
}
