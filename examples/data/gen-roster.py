#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes examples/data/roster.yaml, the roster of the sample county, and
gives the mediators of examples/data/cases.yaml their roster ids.

Deterministic (fixed seed, python3 standard library only); run by hand, the
output is committed.  The roster (mediate-roster(5)) holds about 300
mediators of 鄞州区: the 老潘 studio and the county mediation centre, the
people's mediation studios of the 24 police stations (8 to 12 people each)
and the think tank of invited experts (retired judges, lawyers, doctors,
engineers, arbitrators) whose external bodies are the court and the
associations of examples/data/county.yaml.

The mediators named in the sample cases keep their names and their old id
(M-0001 ...) becomes their staff number; their id is the UUID
uuid5(NAMESPACE, staff number), so the ids are stable.  The script rewrites
cases.yaml in place (mediators[].id, session attendees, agreement signers and
timeline details: every line that holds a mediator id and nothing else); it
may be run again, also after scripts/gen_sample_cases.py regenerated the
cases.  Specialties and modes of those mediators follow the cases they
handled.

    examples/data/gen-roster.py [--county FILE] [--cases FILE] [--out FILE]
"""

import argparse
import collections
import os
import random
import re
import sys
import uuid

SEED = 20261203
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:libmediate:sample:yinzhou:mediator")


def mediator_uuid(staff):
    return str(uuid.uuid5(NAMESPACE, staff))


# The mediators of the sample cases (scripts/gen_sample_cases.py): staff
# number, name, unit.  M-0001 is 潘志明 of the 老潘 studio; M-0002..M-0006
# and M-0009 are think-tank experts (their external body and profession
# follow); the others work at the county centre or a station studio.
KNOWN = [
    ("M-0001", "潘志明", "YZ-LP"), ("M-0002", "郑永年", "YZ-ZK"), ("M-0003", "叶素芬", "YZ-ZK"),
    ("M-0004", "俞国庆", "YZ-ZK"), ("M-0005", "邬海燕", "YZ-ZK"), ("M-0006", "竺德伟", "YZ-ZK"),
    ("M-0007", "包佳敏", "YZ-TJ"), ("M-0008", "毛立群", "YZ-TJ"), ("M-0009", "励晓峰", "YZ-ZK"),
    ("M-0010", "虞红梅", "YZ-TJ"),
    ("M-0011", "励海波", "YZ-BH-PS-TJ"), ("M-0012", "乐宇航", "YZ-BH-PS-TJ"),
    ("M-0013", "范建华", "YZ-BZ-PS-TJ"), ("M-0014", "戴伟", "YZ-BZ-PS-TJ"),
    ("M-0015", "邬杰", "YZ-DJ-PS-TJ"), ("M-0016", "竺红", "YZ-DJ-PS-TJ"),
    ("M-0017", "郑晓东", "YZ-DL-PS-TJ"), ("M-0018", "包亚萍", "YZ-DL-PS-TJ"),
    ("M-0019", "胡明", "YZ-DQH-PS-TJ"), ("M-0020", "金立新", "YZ-DQH-PS-TJ"),
    ("M-0021", "黄国华", "YZ-DS-PS-TJ"), ("M-0022", "应宇航", "YZ-DS-PS-TJ"),
    ("M-0023", "鲍燕", "YZ-DW-PS-TJ"), ("M-0024", "张彩娣", "YZ-DW-PS-TJ"),
    ("M-0025", "毛俊", "YZ-FM-PS-TJ"), ("M-0026", "虞海燕", "YZ-FM-PS-TJ"),
    ("M-0027", "鲍子轩", "YZ-HX-PS-TJ"), ("M-0028", "张宇航", "YZ-HX-PS-TJ"),
    ("M-0029", "戴丽华", "YZ-JS-PS-TJ"), ("M-0030", "徐雨桐", "YZ-JS-PS-TJ"),
    ("M-0031", "柴磊", "YZ-ML-PS-TJ"), ("M-0032", "应静", "YZ-ML-PS-TJ"),
    ("M-0033", "李桂英", "YZ-MX-PS-TJ"), ("M-0034", "戴俊", "YZ-MX-PS-TJ"),
    ("M-0035", "杨建华", "YZ-PH-PS-TJ"), ("M-0036", "鲍丽", "YZ-PH-PS-TJ"),
    ("M-0037", "吴彩娣", "YZ-QA-PS-TJ"), ("M-0038", "冯雨桐", "YZ-QA-PS-TJ"),
    ("M-0039", "杨俊", "YZ-SN-PS-TJ"), ("M-0040", "金玉兰", "YZ-SN-PS-TJ"),
    ("M-0041", "汪丽华", "YZ-TX-PS-TJ"), ("M-0042", "汪彩娣", "YZ-TX-PS-TJ"),
    ("M-0043", "刘建军", "YZ-WX-PS-TJ"), ("M-0044", "吴霞", "YZ-WX-PS-TJ"),
    ("M-0046", "董海燕", "YZ-XM-PS-TJ"),
    ("M-0047", "史伟", "YZ-XX-PS-TJ"), ("M-0048", "孙军", "YZ-XX-PS-TJ"),
    ("M-0049", "杨雨桐", "YZ-XY-PS-TJ"), ("M-0050", "汪霞", "YZ-XY-PS-TJ"),
    ("M-0051", "励芳", "YZ-YL-PS-TJ"), ("M-0052", "郑婷", "YZ-YL-PS-TJ"),
    ("M-0053", "张建军", "YZ-ZGM-PS-TJ"), ("M-0054", "赵海峰", "YZ-ZGM-PS-TJ"),
    ("M-0055", "冯海波", "YZ-ZH-PS-TJ"), ("M-0056", "乐桂英", "YZ-ZH-PS-TJ"),
    ("M-0057", "虞婷", "YZ-ZQ-PS-TJ"), ("M-0058", "舒娜", "YZ-ZQ-PS-TJ"),
]

# Think-tank experts of the sample cases: external body, profession, specialties.
KNOWN_EXPERTS = {
    "M-0002": ("YZ-ZC", "劳动仲裁员", ["labour", "labour.termination", "labour.work_injury"]),
    "M-0003": ("YZ-FY", "退休法官", ["family", "land.expropriation", "labour.work_injury"]),
    "M-0004": ("YZ-JTW", "退休交警", ["traffic", "labour.work_injury", "land.expropriation"]),
    "M-0005": ("YZ-YTW", "医生", ["medical", "labour.wage_arrears", "land.contract"]),
    "M-0006": ("YZ-FY-JS", "退休法官", ["land", "labour.termination", "labour.wage_arrears"]),
    "M-0009": ("YZ-LX", "律师", ["contract", "traffic.injury", "family.marriage"]),
}

# Approximate centres of the towns (decimal degrees, WGS 84); a station's
# people live within a few kilometres of it.
TOWN_COORDS = {
    "ZH": (29.8450, 121.5450), "ZGM": (29.8350, 121.5200), "SN": (29.8150, 121.5350),
    "XY": (29.8150, 121.5850), "DL": (29.8750, 121.5750), "DS": (29.8680, 121.5850),
    "BH": (29.8700, 121.5600), "BZ": (29.8720, 121.5650), "ML": (29.8800, 121.5850),
    "FM": (29.8800, 121.6050), "PH": (29.8300, 121.5900), "MX": (29.9000, 121.6500),
    "XM": (29.8950, 121.6200), "DJ": (29.8700, 121.6400), "QA": (29.8550, 121.6350),
    "WX": (29.8700, 121.7200), "DW": (29.7700, 121.7400), "JS": (29.7500, 121.5200),
    "XX": (29.7050, 121.7450), "TX": (29.7200, 121.7000), "ZQ": (29.7500, 121.7400),
    "HX": (29.7200, 121.6000), "YL": (29.7800, 121.6400), "DQH": (29.7900, 121.6500),
}
CENTRE_COORDS = (29.8180, 121.5480)   # 天童南路1000号

SURNAMES = ("王 陈 张 李 胡 周 徐 林 应 俞 励 竺 邬 毛 虞 包 袁 孙 朱 沈 吴 郑 杨 黄 何 刘 赵 钱 "
            "冯 蒋 金 史 戴 范 汪 董 舒 鲍 柴 乐 忻 楼 屠 邵 任 夏 卢 戚 贺 蔡 罗 谢 吕 方 魏 "
            "单 曹 严 翁 江").split()
MALE = ("建国 国华 志强 伟 军 海波 海峰 立新 建华 明 杰 磊 勇 俊 晓东 宏伟 永康 德明 春雷 文斌 "
        "国平 建军 忠良 浩然 志刚 伟民 成 斌 鸿飞 振宇 国良 兴华 立军 永年 加林").split()
FEMALE = ("秀英 桂英 玉兰 丽华 美娟 静 敏 丽 芳 燕 红 霞 娜 婷 晓燕 雅琴 亚萍 素珍 彩娣 月娥 "
          "海燕 巧玲 慧 文静 丽君 佩华 雪芬 春燕").split()

STATION_CATS = ["neighbour", "neighbour.noise", "neighbour.boundary", "neighbour.water_leak",
                "family", "family.marriage", "family.elder_support", "family.inheritance",
                "property_management", "property_management.fees", "property_management.parking",
                "traffic.damage", "consumer.quality", "consumer.prepaid_card",
                "labour.wage_arrears", "tort.assault", "tort.animal", "contract.private_loan"]

# The think tank's professions: (profession, external bodies, post, specialties).
PROFESSIONS = [
    ("退休法官", ["YZ-FY", "YZ-FY-JS"], ["family", "contract", "land", "tort", "contract.construction"]),
    ("律师", ["YZ-LX"], ["contract.private_loan", "contract.sale", "labour", "family.inheritance",
                         "traffic.injury"]),
    ("医生", ["YZ-YTW"], ["medical", "medical.malpractice", "medical.service", "tort.assault"]),
    ("工程师", ["YZ-WYX"], ["contract.construction", "property_management.renovation",
                            "neighbour.water_leak", "land.expropriation"]),
    ("交通事故鉴定专家", ["YZ-JTW"], ["traffic", "traffic.injury", "traffic.damage"]),
    ("劳动仲裁员", ["YZ-ZC"], ["labour", "labour.work_injury", "labour.wage_arrears"]),
    ("消费维权专家", ["YZ-XBW"], ["consumer", "consumer.quality", "consumer.prepaid_card"]),
]

LEAVE_REASONS = ["年假", "病假", "业务培训", "探亲", "婚假", "陪护家人"]
RELATIONSHIPS = ["亲属", "邻居", "同学", "前同事", "朋友"]


def read_county(path):
    """Unit codes and category codes (in document order) of the county (one
    flow mapping a line)."""
    units, cats, section = set(), [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z_]+):\s*$", line)
            if m:
                section = m.group(1)
                continue
            m = re.search(r"\{code: ([^,}]+)", line)
            if m and section == "org":
                units.add(m.group(1).strip())
            elif m and section == "taxonomy":
                cats.append(m.group(1).strip())
    return units, cats


ID_LINE = re.compile(r"^(\s*(?:- )?(?:id: |signer: |details: )?)(M-\d{4})\s*$")


def rewrite_cases(path, staffs):
    """Replaces M-xxxx ids by UUIDs; returns (replaced, case info per staff)."""
    by_uuid = {mediator_uuid(s): s for s in staffs}
    out, replaced = [], 0
    info = collections.defaultdict(lambda: {"cats": collections.Counter(), "modes": collections.Counter()})
    parties = collections.defaultdict(list)   # case unit -> party names
    category = mode = unit = None
    in_parties = False
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for line in lines:
        m = ID_LINE.match(line)
        if m and m.group(2) in staffs:
            # Quoted, as the canonical emitter writes a scalar that starts
            # with a digit (mediate case show --yaml gives the same bytes).
            line = '%s"%s"\n' % (m.group(1), mediator_uuid(m.group(2)))
            replaced += 1
        out.append(line)
        if line.startswith("- id: "):
            category = mode = unit = None
        elif line.startswith("  category: "):
            category = line.split(":", 1)[1].strip()
        elif line.startswith("  unit: "):
            unit = line.split(":", 1)[1].strip()
        elif line.startswith("    mode: "):
            mode = line.split(":", 1)[1].strip()
        elif line.startswith("  parties:"):
            in_parties = True
        elif re.match(r"^  [a-z_]+:", line):
            in_parties = False
        mm = re.match(r'^    - id: "?([^"\s]+)"?\s*$', line)
        if mm and mm.group(1) in by_uuid:
            s = by_uuid[mm.group(1)]
            if category:
                info[s]["cats"][category] += 1
            if mode:
                info[s]["modes"][mode] += 1
        mp = re.match(r"^    name: (\S+)\s*$", line)
        if in_parties and mp and unit:
            parties[unit].append(mp.group(1))
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))
    return replaced, info, parties


def person_name(rng, used):
    while True:
        male = rng.random() < 0.55
        name = rng.choice(SURNAMES) + rng.choice(MALE if male else FEMALE)
        if name not in used:
            used.add(name)
            return name


def phone(rng):
    return rng.choice(["138", "139", "135", "137", "150", "151", "158", "159", "187", "188", "133",
                       "180", "189"]) + "%08d" % rng.randrange(10 ** 8)


def coords(rng, base, spread=0.012):
    return (round(base[0] + rng.uniform(-spread, spread), 6), round(base[1] + rng.uniform(-spread, spread), 6))


def town_of(unit):
    parts = unit.split("-")
    return parts[1] if len(parts) > 2 else None


def make(staff, name, unit, post, level):
    return {"id": mediator_uuid(staff), "staff": staff, "name": name, "unit": unit, "post": post,
            "level": level, "specialties": {}, "think_tank": False, "external_body": None,
            "languages": ["zh"], "modes": ["on_the_spot"], "coordinates": None, "capacity": 1,
            "load": 0, "duty": "on", "leave": [], "recusals": [], "phone": None}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--county", default=os.path.join(here, "county.yaml"))
    ap.add_argument("--cases", default=os.path.join(here, "cases.yaml"))
    ap.add_argument("--out", default=os.path.join(here, "roster.yaml"))
    args = ap.parse_args()

    units, cats = read_county(args.county)
    rng = random.Random(SEED)
    staffs = {k[0] for k in KNOWN}
    replaced, info, parties = rewrite_cases(args.cases, staffs)

    used_names = {k[1] for k in KNOWN}
    studios = sorted(u for u in units if u.endswith("-PS-TJ"))
    if len(studios) != 24:
        sys.exit("expected 24 station studios in %s, found %d" % (args.county, len(studios)))
    roster = []
    next_staff = [59]

    def new_staff():
        s = "M-%04d" % next_staff[0]
        next_staff[0] += 1
        return s

    def add_specs(m, pool, n, lo, hi):
        for c in rng.sample(pool, n):
            m["specialties"].setdefault(c, rng.randint(lo, hi))

    def from_cases(m):
        """Specialties and modes a known mediator showed in the cases."""
        ci = info.get(m["staff"])
        if not ci:
            return
        for c, k in ci["cats"].most_common(3):
            m["specialties"][c] = max(m["specialties"].get(c, 0), min(5, 2 + k))
        for mode in ci["modes"]:
            if mode and mode not in m["modes"]:
                m["modes"].append(mode)

    def local_details(m, base, full_time):
        m["coordinates"] = coords(rng, base)
        m["phone"] = phone(rng)
        if rng.random() < 0.75:
            m["languages"].append("wuu")
        if rng.random() < 0.08:
            m["languages"].append("en")
        if rng.random() < 0.35 and "remote_video" not in m["modes"]:
            m["modes"].append("remote_video")
        m["capacity"] = rng.randint(6, 10) if full_time else rng.randint(2, 5)
        m["load"] = min(m["capacity"], rng.randint(0, m["capacity"]))

    # 老潘 studio: 潘志明 and his team; the mobile mediation car goes out from here.
    lp = make("M-0001", "潘志明", "YZ-LP", "full_time", 8)
    lp["specialties"].update({"neighbour": 5, "family": 5, "traffic": 4})
    from_cases(lp)
    local_details(lp, CENTRE_COORDS, True)
    lp["modes"] = sorted(set(lp["modes"]) | {"on_the_spot", "remote_video", "mobile", "joint"},
                         key=["on_the_spot", "think_tank", "joint", "remote_video", "mobile"].index)
    lp["capacity"], lp["load"] = 12, 7
    lp["languages"] = ["zh", "wuu"]
    roster.append(lp)
    for i in range(8):
        post = "full_time" if i < 5 else "retired_volunteer"
        m = make(new_staff(), person_name(rng, used_names), "YZ-LP", post, rng.randint(3, 6))
        add_specs(m, STATION_CATS, rng.randint(2, 4), 3, 5)
        local_details(m, CENTRE_COORDS, post == "full_time")
        if i < 3:
            m["modes"].append("mobile")
        roster.append(m)

    # The county centre: known mediators and the centre's own staff.
    centre_known = [k for k in KNOWN if k[2] == "YZ-TJ"]
    for staff, name, unit in centre_known:
        m = make(staff, name, unit, "full_time", rng.randint(5, 7))
        add_specs(m, STATION_CATS, 2, 3, 5)
        from_cases(m)
        local_details(m, CENTRE_COORDS, True)
        if "joint" not in m["modes"]:
            m["modes"].append("joint")
        roster.append(m)
    for i in range(12):
        post = ["full_time", "full_time", "part_time", "retired_volunteer"][i % 4]
        m = make(new_staff(), person_name(rng, used_names), "YZ-TJ", post, rng.randint(3, 6))
        add_specs(m, STATION_CATS + ["labour", "land", "contract"], rng.randint(2, 4), 2, 5)
        local_details(m, CENTRE_COORDS, post == "full_time")
        if post == "full_time" and rng.random() < 0.5:
            m["modes"].append("joint")
        roster.append(m)

    # The think tank: invited experts of the court and the associations.
    def expert(staff, name, body, prof_specs, known):
        m = make(staff, name, "YZ-ZK", "invited_expert", rng.randint(5, 8))
        m["think_tank"] = True
        m["external_body"] = body
        for c in prof_specs[:3]:
            m["specialties"][c] = rng.randint(4, 5)
        if known:
            from_cases(m)
        m["coordinates"] = coords(rng, CENTRE_COORDS, 0.05)
        m["phone"] = phone(rng)
        if rng.random() < 0.5:
            m["languages"].append("wuu")
        if rng.random() < 0.3:
            m["languages"].append("en")
        m["modes"] = ["on_the_spot", "think_tank", "remote_video"]
        if rng.random() < 0.4:
            m["modes"].append("joint")
        if known:
            for mode in info.get(staff, {"modes": {}})["modes"]:
                if mode and mode not in m["modes"]:
                    m["modes"].append(mode)
        m["modes"].sort(key=["on_the_spot", "think_tank", "joint", "remote_video", "mobile"].index)
        m["capacity"] = rng.randint(2, 4)
        m["load"] = rng.randint(0, m["capacity"])
        roster.append(m)

    for staff, name, unit in KNOWN:
        if staff in KNOWN_EXPERTS:
            body, _, specs = KNOWN_EXPERTS[staff]
            expert(staff, name, body, specs, True)
    for i in range(34):
        prof, bodies, specs = PROFESSIONS[i % len(PROFESSIONS)]
        expert(new_staff(), person_name(rng, used_names), rng.choice(bodies), rng.sample(specs, min(3, len(specs))),
               False)

    # The 24 station studios, 8 to 12 people each.
    for studio in studios:
        town = town_of(studio)
        base = TOWN_COORDS[town]
        known = [k for k in KNOWN if k[2] == studio]
        size = rng.randint(8, 12)
        people = []
        for staff, name, unit in known:
            m = make(staff, name, unit, "full_time", rng.randint(3, 5))
            add_specs(m, STATION_CATS, 1, 2, 4)
            from_cases(m)
            people.append(m)
        while len(people) < size:
            r = rng.random()
            post = "full_time" if r < 0.35 else "part_time" if r < 0.7 else "retired_volunteer"
            level = {"full_time": rng.randint(2, 5), "part_time": rng.randint(1, 3),
                     "retired_volunteer": rng.randint(2, 4)}[post]
            m = make(new_staff(), person_name(rng, used_names), studio, post, level)
            add_specs(m, STATION_CATS, rng.randint(1, 4), 1, 5)
            people.append(m)
        for m in people:
            local_details(m, base, m["post"] == "full_time")
            if rng.random() < 0.06 and "mobile" not in m["modes"]:
                m["modes"].append("mobile")
            m["modes"].sort(key=["on_the_spot", "think_tank", "joint", "remote_video", "mobile"].index)
        # A few declared conflicts of interest with people of the station's cases.
        names = parties.get(studio[:-3], [])
        for m in people:
            if names and rng.random() < 0.06:
                m["recusals"].append({"party_id": None, "name": rng.choice(names),
                                      "relationship": rng.choice(RELATIONSHIPS)})
        roster.extend(people)

    # Off duty, leave in November-December 2026, recusals by party id.
    for m in roster:
        if rng.random() < 0.05:
            m["duty"] = "off"
        if rng.random() < 0.09:
            day = rng.randint(1, 50)   # 2026-11-01 + day
            length = rng.choice([3, 5, 7, 10, 14])
            m["leave"].append((day, length, rng.choice(LEAVE_REASONS)))
        if rng.random() < 0.02:
            m["recusals"].append({"party_id": "org-%d" % rng.randrange(10 ** 6, 10 ** 7), "name": None,
                                  "relationship": "前雇主"})

    for m in roster:
        if m["unit"] not in units or (m["external_body"] and m["external_body"] not in units):
            sys.exit("unknown unit for %s" % m["staff"])
        for c in m["specialties"]:
            if c not in cats:
                sys.exit("unknown category %s" % c)
    missing = staffs - {m["staff"] for m in roster}
    if missing:
        sys.exit("mediators of the cases missing: %s" % sorted(missing))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write(emit(roster, cats))
    posts = collections.Counter(m["post"] for m in roster)
    print("%s: %d mediators (%s); %s: %d mediator ids rewritten" % (
        args.out, len(roster), " ".join("%s=%d" % kv for kv in sorted(posts.items())), args.cases, replaced))


def day_text(day, hour=0):
    import datetime as dt
    d = dt.date(2026, 11, 1) + dt.timedelta(days=day)
    return "%s T%02d:00:00+08:00".replace(" ", "") % (d.isoformat(), hour)


MODE_ORDER = ["on_the_spot", "think_tank", "joint", "remote_video", "mobile"]


def emit(roster, cats):
    """The canonical layout of mediate_roster_to_yaml(): specialties in the
    policy's category order, modes in the order of mediate_case_mode."""
    out = ["format: mediate-roster\nversion: 1\nmediators:\n"]
    for m in roster:
        w = out.append
        w("- id: %s\n" % m["id"])
        w("  staff: %s\n" % m["staff"])
        w("  name: %s\n" % m["name"])
        w("  unit: %s\n" % m["unit"])
        w("  post: %s\n" % m["post"])
        w("  level: %d\n" % m["level"])
        if m["phone"]:
            w("  phone: \"%s\"\n" % m["phone"])
        if m["specialties"]:
            w("  specialties:\n")
            for c in sorted(m["specialties"], key=cats.index):
                w("    %s: %d\n" % (c, m["specialties"][c]))
        if m["think_tank"]:
            w("  think_tank: true\n")
        if m["external_body"]:
            w("  external_body: %s\n" % m["external_body"])
        w("  languages: [%s]\n" % ", ".join(m["languages"]))
        w("  modes: [%s]\n" % ", ".join(sorted(m["modes"], key=MODE_ORDER.index)))
        if m["coordinates"]:
            w("  coordinates: {lat: %.6f, lon: %.6f}\n" % m["coordinates"])
        w("  capacity: %d\n" % m["capacity"])
        w("  load: %d\n" % m["load"])
        w("  duty: \"%s\"\n" % m["duty"])
        if m["leave"]:
            w("  leave:\n")
            for day, length, reason in m["leave"]:
                w("  - from: %s\n" % day_text(day))
                w("    until: %s\n" % day_text(day + length))
                w("    reason: %s\n" % reason)
        if m["recusals"]:
            w("  recusals:\n")
            for r in m["recusals"]:
                first = True
                for k in ("party_id", "name", "relationship"):
                    if r[k]:
                        w("  %s %s: %s\n" % ("-" if first else " ", k, r[k]))
                        first = False
    return "".join(out)


if __name__ == "__main__":
    main()
