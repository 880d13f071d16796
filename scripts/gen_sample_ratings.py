#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes examples/data/ratings.yaml: the ratings of the sample cases.

Deterministic (fixed seed, python3 standard library only; run by hand, the
YAML is committed).  It reads examples/data/cases.yaml with a small
line-based reader of the canonical form libmediate writes (mediate-case(5)),
and for every ended case with a number and mediators:

  * records its outcome (result, the time it ended: the last transition of
    its timeline into agreement, failed, withdrawn or transferred, and its
    mediators' ids -- the roster ids of examples/data/roster.yaml);
  * lets most of its parties that are not agents rate it, between two hours
    and ten days after it ended: mostly 4 and 5 stars after an agreement,
    lower after a failure, with realistic comments;
  * one low rating is excluded on appeal, with the reason.

The output is in the canonical form of mediate_ratings_to_yaml(3) (key
order, quoting, indentation), so the test suite can check that
export(import(file)) == file byte for byte.

    scripts/gen_sample_ratings.py [--cases FILE] [--out FILE]
"""

import argparse
import datetime as dt
import os
import random
import re
import sys

SEED = 20261203
CST = dt.timezone(dt.timedelta(hours=8))
ENDS = ("agreement", "failed", "withdrawn", "transferred")
ENDED_STATES = ENDS + ("follow_up", "closed")

# ---------------------------------------------------------------- cases --


def read_cases(path):
    """The cases of a canonical case list, as dicts with the fields used here."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    cases = []
    for chunk in re.split(r"\n- id: ", "\n" + text.split("\ncases:\n", 1)[1])[1:]:
        c = {"number": None, "state": None, "parties": [], "mediators": [], "result": None, "ended_at": None,
             "category": None}
        section = None
        item = None
        for line in ("  id: " + chunk).split("\n"):
            m = re.match(r"^  ([a-z_]+):(?: (.*))?$", line)
            if m:
                section, value = m.group(1), m.group(2)
                if section in ("number", "state", "category"):
                    c[section] = value.strip('"')
                continue
            if section == "parties":
                m = re.match(r"^  - id: (.+)$", line)
                if m:
                    item = {"id": m.group(1).strip('"')}
                    c["parties"].append(item)
                    continue
                m = re.match(r"^    (role|name): (.+)$", line)
                if m and item is not None:
                    item[m.group(1)] = m.group(2).strip('"')
            elif section == "mediation":
                m = re.match(r"^    - id: (.+)$", line)
                if m:
                    c["mediators"].append(m.group(1).strip('"'))
            elif section == "outcome":
                m = re.match(r"^    result: (.+)$", line)
                if m:
                    c["result"] = m.group(1)
            elif section == "timeline":
                m = re.match(r"^  - at: (.+)$", line)
                if m:
                    item = {"at": m.group(1)}
                    continue
                m = re.match(r"^    to: (.+)$", line)
                if m and item is not None and m.group(1) in ENDS:
                    c["ended_at"] = item["at"]      # the last one wins
        cases.append(c)
    return cases


# ---------------------------------------------------------------- YAML ---


def text_is_plain(s):
    """The rule of lib/rating.c (and lib/case_yaml_emit.c): 1 when s is
    written as a plain scalar."""
    if not s or s[0] in " -?:,[]{}#&*!|>'\"%@`0123456789+.":
        return False
    if s[-1] in " :" or ": " in s or " #" in s:
        return False
    if s.lower() in ("null", "true", "false", "yes", "no", "on", "off", "y", "n", "~", "=", "<<"):
        return False
    for ch in s:
        o = ord(ch)
        if o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o >= 0x10000 or ch in "\u2028\u2029\ufeff\ufffe\uffff":
            return False
    return True


def scalar(s):
    if text_is_plain(s):
        return s
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"%s"' % out


# ------------------------------------------------------------- comments --

COMMENTS = {
    5: ["调解员很耐心，讲法讲理，问题当场就解决了。", "感谢老潘工作室，半天就把多年的矛盾化解了。",
        "调解员公道正派，双方都服气。", "态度很好，把法律条文讲得明明白白。",
        "派出所和调解员配合得好，没想到这么快就调好了。", "调解员上门调解，省了我们老人跑腿，非常满意。",
        "处理及时，赔偿款当场就付清了。", "专业、细致，对邻里关系的修复很用心。",
        "视频调解很方便，在外地也能参加。", "调解员耐心倾听，没有偏袒任何一方。"],
    4: ["总体满意，就是等候时间稍长。", "调解结果可以接受，调解员比较专业。",
        "调解员很认真，协议内容再细一点就更好了。", "解决了问题，希望后续回访能跟上。",
        "服务不错，调解室环境也好。", "调解员讲得清楚，就是第一次约的时间改了两次。"],
    3: ["结果一般，对方还是拖着不履行。", "调解员态度可以，但进展比较慢。",
        "勉强接受，赔偿金额比预期低。", "过程还算公正，就是来回跑了好几趟。"],
    2: ["感觉调解员更照顾对方。", "调了两次都没谈拢，效率不高。",
        "对结果不太满意，希望能多听听我们的意见。"],
    1: ["对处理结果很不满意。", "调解员没有认真听我说明情况。", "拖了一个多月还是没有结果。"],
}

# Stars by outcome: weights of 1..5 stars.
WEIGHTS = {
    "agreement": (1, 1, 4, 26, 68),
    "withdrawn": (3, 4, 15, 33, 45),
    "transferred": (10, 14, 30, 28, 18),
    "failed": (18, 20, 30, 20, 12),
}

APPEAL_REASON = ("申诉成立：经区矛盾纠纷调解中心复核，该评价系当事人对对方赔偿能力不满，"
                 "与调解员的调解服务无关，予以排除。")
APPEAL_ACTOR = "zx_xuhong"


def fmt_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def parse_time(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S+08:00").replace(tzinfo=CST)


def generate(cases):
    rng = random.Random(SEED)
    outcomes, ratings = [], []
    for c in cases:
        if c["state"] not in ENDED_STATES or not c["number"] or not c["mediators"] or c["result"] not in ENDS:
            continue
        if c["ended_at"] is None:
            raise SystemExit("case %s: no end in its timeline" % c["number"])
        outcomes.append(c)
        ended = parse_time(c["ended_at"])
        for p in c["parties"]:
            if p.get("role") == "agent" or rng.random() > 0.72:
                continue
            w = list(WEIGHTS[c["result"]])
            if c["result"] == "agreement" and p.get("role") == "respondent":
                w = [w[0] + 1, w[1] + 1, w[2] + 4, w[3] + 6, w[4] - 12]
            stars = rng.choices((1, 2, 3, 4, 5), weights=w)[0]
            at = ended + dt.timedelta(minutes=rng.randint(120, 10 * 24 * 60))
            comment = rng.choice(COMMENTS[stars]) if rng.random() < 0.7 else None
            ratings.append({"case": c["number"], "party": p["id"], "stars": stars, "at": at,
                            "comment": comment, "mediators": c["mediators"], "result": c["result"]})
    # One low rating of an agreement is excluded on appeal.
    for r in ratings:
        if r["stars"] == 1 and r["result"] == "agreement":
            r["excluded"] = r["at"] + dt.timedelta(days=6, hours=3)
            break
    else:
        raise SystemExit("no 1-star rating of an agreement to exclude: change the seed")
    return outcomes, ratings


def write(out, outcomes, ratings):
    lines = ["format: mediate-ratings", "version: 1"]
    lines.append("outcomes:" if outcomes else "outcomes: []")
    for c in outcomes:
        lines += ["- case: " + scalar(c["number"]), "  result: " + c["result"], "  ended_at: " + c["ended_at"],
                  "  mediators:"] + ["  - " + scalar(m) for m in c["mediators"]]
    lines.append("ratings:" if ratings else "ratings: []")
    for r in ratings:
        lines += ["- case: " + scalar(r["case"]), "  party: " + scalar(r["party"]), "  stars: %d" % r["stars"],
                  "  at: " + fmt_time(r["at"])]
        if r["comment"] is not None:
            lines.append("  comment: " + scalar(r["comment"]))
        lines += ["  mediators:"] + ["  - " + scalar(m) for m in r["mediators"]]
        if "excluded" in r:
            lines += ["  excluded:", "    at: " + fmt_time(r["excluded"]), "    actor: " + scalar(APPEAL_ACTOR),
                      "    reason: " + scalar(APPEAL_REASON)]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    top = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default=os.path.join(top, "examples", "data", "cases.yaml"))
    ap.add_argument("--out", default=os.path.join(top, "examples", "data", "ratings.yaml"))
    a = ap.parse_args()
    outcomes, ratings = generate(read_cases(a.cases))
    write(a.out, outcomes, ratings)
    stars = [0] * 5
    for r in ratings:
        stars[r["stars"] - 1] += 1
    print("%s: %d outcomes, %d ratings (1-5 stars: %s), 1 excluded" %
          (a.out, len(outcomes), len(ratings), " ".join(map(str, stars))), file=sys.stderr)


if __name__ == "__main__":
    main()
