#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes examples/data/cases.yaml: the sample cases of the sample county.

Deterministic (fixed seed, python3 standard library only).  Unit and
category codes come from examples/data/county.yaml, read with a small
line-based reader that understands the one-entry-per-line flow mappings of
that file.  The output is in the canonical form that libmediate's exporter
writes (mediate-case(5)): key order, quoting and indentation are the same,
so `mediate case transition` rewrites the file with a minimal diff and the
test suite can check that export(import(file)) == file byte for byte.

    scripts/gen_sample_cases.py [--county FILE] [--out FILE] [--count N]
"""

import argparse
import datetime as dt
import os
import random
import re
import sys
import uuid

SEED = 20261103
CST = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------- county --


def read_county(path):
    """Returns (units, categories): units maps code -> (kind, parent, zh name)."""
    units, cats = {}, []
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z_]+):\s*$", line)
            if m:
                section = m.group(1)
                continue
            m = re.search(r"\{code: ([^,}]+)", line)
            if not m:
                continue
            code = m.group(1).strip()
            if section == "taxonomy":
                cats.append(code)
            elif section == "org":
                kind = re.search(r"kind: ([a-z_]+)", line).group(1)
                parent = re.search(r"parent: ([^,}]+)", line)
                name = re.search(r"name: \{zh: ([^,}]+)", line)
                units[code] = (kind, parent.group(1).strip() if parent else None,
                               name.group(1).strip() if name else code)
    return units, cats


# --------------------------------------------------------- personal data --

SURNAMES = ("王 陈 张 李 胡 周 徐 林 应 俞 励 竺 邬 毛 虞 包 袁 孙 朱 沈 吴 郑 杨 黄 何 "
            "刘 赵 钱 冯 蒋 金 史 戴 范 汪 董 舒 鲍 柴 乐").split()
MALE = ("建国 国华 志强 伟 军 海波 海峰 立新 建华 明 杰 磊 勇 俊 晓东 宏伟 永康 德明 "
        "春雷 文斌 国平 建军 忠良 家豪 浩然 子轩 宇航 根发 阿四 金龙").split()
FEMALE = ("秀英 桂英 玉兰 丽华 美娟 静 敏 丽 芳 燕 红 霞 娜 婷 晓燕 雅琴 亚萍 素珍 "
          "彩娣 月娥 欣怡 梓涵 雨桐 佳琪 海燕 巧玲").split()

NINGBO_AREAS = ["330203", "330205", "330206", "330211", "330212", "330212", "330212",
                "330213", "330225", "330226", "330281", "330282"]
NONLOCAL_AREAS = ["511321", "412727", "342423", "522422", "362428", "431121", "510522",
                  "500235", "412822", "421127", "513030"]
PHONE_PREFIXES = ("130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
                  "180 182 183 185 186 187 188 189").split()

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(rng, area, birth, male):
    seq = rng.randrange(0, 100) * 10 + (rng.choice([1, 3, 5, 7, 9]) if male else rng.choice([0, 2, 4, 6, 8]))
    body = "%s%s%03d" % (area, birth.strftime("%Y%m%d"), seq)
    s = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS))
    return body + "10X98765432"[s % 11]


CREDIT_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(rng):
    # 9 (registered by market supervision) 1 (company), Yinzhou area code,
    # then a 9-character organisation code and the MOD 31 check.
    body = "91330212" + "MA2" + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(5)) + rng.choice("0123456789X")
    s = sum(CREDIT_ALPHA.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return body + CREDIT_ALPHA[(31 - s % 31) % 31]


def phone(rng):
    return rng.choice(PHONE_PREFIXES) + "%08d" % rng.randrange(0, 10 ** 8)


# ------------------------------------------------------------- addresses --

ROADS = {
    "YZ-ZH": ["天童南路", "宁南南路", "中河路", "嵩江西路"],
    "YZ-ZGM": ["泰康中路", "四明中路", "钟公庙路", "前河南路"],
    "YZ-SN": ["首南中路", "贸城中路", "日丽中路", "学府路"],
    "YZ-XY": ["下应北路", "鄞县大道", "海晏北路"],
    "YZ-DL": ["中山东路", "百丈东路", "王隘路", "华光路"],
    "YZ-DS": ["中山东路", "惊驾路", "朝晖路"],
    "YZ-BH": ["百丈路", "沧海路", "曙光路"],
    "YZ-BZ": ["百丈路", "宁穿路", "七塔路"],
    "YZ-ML": ["明楼路", "惊驾路", "兴宁路"],
    "YZ-FM": ["福明路", "彩虹北路", "江东北路"],
    "YZ-PH": ["四明东路", "金达南路", "潘火路"],
    "YZ-MX": ["梅墟路", "庙堰路", "聚贤路"],
    "YZ-XM": ["新明街", "通途路", "甬港北路"],
    "YZ-DJ": ["宁穿路", "世纪大道", "河清北路"],
    "YZ-QA": ["盛莫路", "邱隘大道", "回龙路"],
    "YZ-WX": ["宝幢路", "五乡中路", "明伦路"],
    "YZ-DW": ["东吴北路", "天童路", "勤勇路"],
    "YZ-JS": ["姜山东路", "明州西路", "景江路"],
    "YZ-XX": ["咸祥路", "南头路"],
    "YZ-TX": ["塘溪路", "童村路"],
    "YZ-ZQ": ["瞻岐路", "合岙路"],
    "YZ-HX": ["横溪中路", "大岙路"],
    "YZ-YL": ["云龙路", "上李家路"],
    "YZ-DQH": ["钱湖北路", "韩岭街", "陶公路"],
}
COMPLEXES = ("南苑新村 锦寓小区 东海花园 嘉和新城 金色水岸 湖景花园 东湖花园 明湖小区 "
             "新城市花园 樱花公园 朝晖小区 华光城 泰安小区 春江花城 印象城公寓 惊驾路小区").split()
RURAL_TOWNS = {"YZ-QA", "YZ-WX", "YZ-DW", "YZ-JS", "YZ-XX", "YZ-TX", "YZ-ZQ", "YZ-HX", "YZ-YL", "YZ-DQH"}


class County:
    def __init__(self, units, cats):
        self.units = units
        self.cats = set(cats)
        self.towns = sorted(c for c, u in units.items() if u[0] == "town")
        self.stations = {t: t + "-PS" for t in self.towns if t + "-PS" in units}
        self.studios = {t: t + "-PS-TJ" for t in self.towns if t + "-PS-TJ" in units}
        self.centres = {t: t + "-ZX" for t in self.towns if t + "-ZX" in units}
        self.places = {}
        self.grids = {}
        for code, (kind, parent, name) in units.items():
            if kind in ("community", "village") and parent in units and units[parent][0] == "town":
                self.places.setdefault(parent, []).append(code)
            if kind == "grid":
                self.grids.setdefault(parent, []).append(code)
        for v in self.places.values():
            v.sort()
        for v in self.grids.values():
            v.sort()

    def name(self, code):
        return self.units[code][2]

    def address(self, rng, town):
        """(address text, community/village code or None)."""
        places = self.places.get(town, [])
        place = rng.choice(places) if places else None
        road = rng.choice(ROADS.get(town, ["中山东路"]))
        if place is not None and self.units[place][0] == "village":
            return "宁波市鄞州区%s%s%d号" % (self.name(town), self.name(place), rng.randrange(1, 300)), place
        return ("宁波市鄞州区%s%s%d弄%s%d幢%d单元%d室" % (
            self.name(town), road, rng.randrange(10, 999), rng.choice(COMPLEXES), rng.randrange(1, 40),
            rng.randrange(1, 4), rng.randrange(1, 33) * 100 + rng.randrange(1, 5)), place)


# ------------------------------------------------------------ mediators --

# The roster of the sample county: (id, name, home unit, specialty words).
MEDIATORS = [
    ("M-0001", "潘志明", "YZ-LP", "综合"), ("M-0002", "郑永年", "YZ-ZK", "劳动"),
    ("M-0003", "叶素芬", "YZ-ZK", "婚姻家庭"), ("M-0004", "俞国庆", "YZ-ZK", "交通"),
    ("M-0005", "邬海燕", "YZ-ZK", "医疗"), ("M-0006", "竺德伟", "YZ-ZK", "土地"),
    ("M-0007", "包佳敏", "YZ-TJ", "物业"), ("M-0008", "毛立群", "YZ-TJ", "消费"),
    ("M-0009", "励晓峰", "YZ-LX", "律师"), ("M-0010", "虞红梅", "YZ-TJ", "邻里"),
]
STATION_MEDIATORS = {}   # filled per town: two people's mediators in each station studio


def station_mediators(rng, county):
    n = 11
    for town in county.towns:
        if town not in county.studios:
            continue
        people = []
        for _ in range(2):
            male = rng.random() < 0.6
            people.append(("M-%04d" % n, rng.choice(SURNAMES) + rng.choice(MALE if male else FEMALE)))
            n += 1
        STATION_MEDIATORS[town] = people


# ------------------------------------------------------------ scenarios --

def yuan(lo, hi, rng, step=100):
    """An amount in fen between lo and hi yuan, rounded to step yuan."""
    return rng.randrange(lo // step, hi // step + 1) * step * 100


SCENARIOS = [
    # category, weight, (min, max) parties per side, amount fn, descriptions
    ("neighbour.noise", 14, lambda r: 0, [
        "楼上住户长期在夜间拖动桌椅、播放音乐，楼下老人无法入睡，双方在楼道争吵后报警，民警到场后移交调解。",
        "小区广场舞音响音量过大，影响临街住户休息，多次沟通无果，住户拨打110报警。",
        "隔壁商铺夜间装修施工至凌晨，邻居上门理论时发生推搡。"]),
    ("neighbour.water_leak", 8, lambda r: yuan(2000, 30000, r), [
        "楼上卫生间防水层老化漏水，致楼下天花板和墙面霉变，楼下住户要求赔偿维修费用。",
        "楼上住户洗衣机排水管脱落，楼下新装修的木地板被泡，双方对赔偿金额有分歧。"]),
    ("neighbour.boundary", 6, lambda r: yuan(0, 8000, r), [
        "两户村民因翻建房屋滴水檐和通行道路宽度发生争执，一方砌墙堵住了另一方的出路。",
        "邻居在公共通道堆放杂物、搭建雨棚，影响相邻住户通行和采光。"]),
    ("family.marriage", 6, lambda r: 0, [
        "夫妻因家庭琐事和子女教育问题多次争吵，女方报警称受到威胁，民警处置后移交调解。",
        "双方协议离婚，对共同房产分割和孩子抚养费数额不能达成一致。"]),
    ("family.elder_support", 6, lambda r: yuan(6000, 36000, r), [
        "八旬老人有三个子女，子女之间对赡养费分担和轮流照料安排争执不下，老人到派出所求助。",
        "老人患病住院，医疗费用由谁承担兄妹之间发生纠纷。"]),
    ("family.inheritance", 4, lambda r: yuan(200000, 1500000, r, 1000), [
        "父母去世后留下拆迁安置房一套，兄弟姐妹对继承份额有争议。"]),
    ("labour.wage_arrears", 12, lambda r: yuan(80000, 1600000, r, 1000), [
        "某建筑劳务公司承包的工地完工后拖欠农民工工资，工人集体到派出所反映，情绪激动。",
        "服装加工厂停产，老板拖欠二十余名工人三个月工资，工人拨打110求助。",
        "装修队包工头称总包方未结算工程款，拖欠木工、泥工工资。"]),
    ("labour.work_injury", 5, lambda r: yuan(30000, 400000, r, 1000), [
        "工人在车间操作冲床时右手受伤，伤残等级鉴定后与企业对赔偿数额有争议。",
        "快递员送件途中摔伤，与站点就工伤认定和停工留薪期工资发生纠纷。"]),
    ("labour.termination", 4, lambda r: yuan(10000, 120000, r), [
        "企业以业绩不达标为由解除劳动合同，员工要求支付经济补偿金。"]),
    ("traffic.damage", 8, lambda r: yuan(2000, 80000, r), [
        "电动自行车与小轿车在路口发生碰撞，车辆受损，双方对责任比例和维修费用有争议。",
        "倒车时刮擦停放车辆，肇事方对定损金额不认可。"]),
    ("traffic.injury", 5, lambda r: yuan(20000, 300000, r, 1000), [
        "行人过斑马线时被右转货车撞伤，住院治疗后就医疗费、误工费和护理费协商赔偿。"]),
    ("property_management.fees", 6, lambda r: yuan(1500, 60000, r), [
        "业主以电梯长期故障、保洁不到位为由拒交物业费，物业公司上门催缴时发生争吵。"]),
    ("property_management.parking", 4, lambda r: yuan(0, 5000, r), [
        "业主车辆被物业锁车，双方就车位租金上涨和外来车辆管理发生冲突。"]),
    ("property_management.renovation", 3, lambda r: yuan(3000, 50000, r), [
        "业主装修时拆改承重墙，物业公司停止其装修，邻居担心房屋安全。"]),
    ("consumer.quality", 4, lambda r: yuan(500, 30000, r), [
        "消费者购买的电动车行驶三个月电池鼓包，商家拒绝退换。"]),
    ("consumer.prepaid_card", 5, lambda r: yuan(2000, 300000, r), [
        "健身房突然停业，数十名会员预付卡余额无法退还，会员聚集在门店要求退款。",
        "理发店更换老板后拒绝承认原会员卡余额。"]),
    ("medical.service", 2, lambda r: yuan(5000, 200000, r, 1000), [
        "患者术后出现并发症，家属认为医院存在过错，要求赔偿并在医院聚集。"]),
    ("land.contract", 3, lambda r: yuan(10000, 200000, r, 1000), [
        "村民土地承包经营权流转合同到期后，承租方不愿退还土地并要求补偿地上附着物。"]),
    ("land.homestead", 3, lambda r: yuan(0, 50000, r), [
        "兄弟两家因老宅基地的界址和翻建审批发生纠纷，多次到村委会反映。"]),
    ("land.expropriation", 2, lambda r: yuan(100000, 2000000, r, 1000), [
        "道路拓宽征收补偿中，被征收户对评估价格不服，多次信访。"]),
    ("contract.private_loan", 4, lambda r: yuan(20000, 500000, r, 1000), [
        "朋友之间借款到期未还，出借人多次催要未果，双方在饭店发生争执。"]),
    ("contract.construction", 2, lambda r: yuan(100000, 1200000, r, 1000), [
        "自建房施工方与房主就工程质量和尾款支付发生纠纷。"]),
    ("tort.assault", 4, lambda r: yuan(1000, 60000, r), [
        "酒后在烧烤店因琐事发生口角继而互殴，一方鼻骨骨折，民警处置后移交调解。"]),
    ("tort.animal", 3, lambda r: yuan(800, 20000, r), [
        "邻居饲养的犬只未拴绳，将散步老人咬伤，双方就疫苗费和营养费协商。"]),
]

ORG_NAMES = {
    "labour.wage_arrears": ["宁波鄞州恒达建筑劳务有限公司", "宁波甬丰服饰有限公司", "宁波东钱湖顺安装饰工程有限公司"],
    "labour.work_injury": ["宁波鄞州精工五金制品有限公司", "宁波明州速递有限公司"],
    "labour.termination": ["宁波鄞州华信电子科技有限公司"],
    "property_management.fees": ["宁波甬城物业服务有限公司", "宁波嘉和物业管理有限公司"],
    "property_management.parking": ["宁波甬城物业服务有限公司"],
    "property_management.renovation": ["宁波嘉和物业管理有限公司"],
    "consumer.quality": ["宁波鄞州绿源电动车经营部"],
    "consumer.prepaid_card": ["宁波鄞州力美健身服务有限公司", "宁波鄞州发艺美发店"],
    "medical.service": ["宁波鄞州某医院"],
    "contract.construction": ["宁波鄞州宏达建筑工程有限公司"],
}
ORG_ADDRESSES = ["宁波市鄞州区天童南路588号", "宁波市鄞州区首南中路1066号", "宁波市鄞州区钱湖北路428号",
                 "宁波市鄞州区鄞县大道东段1288号", "宁波市鄞州区姜山镇景江路66号"]

SESSION_NOTES = [
    "双方陈述事实，调解员释法说理，当事人情绪趋于平稳。",
    "背对背调解，分别听取双方意见，初步确定赔偿范围。",
    "面对面协商，双方就金额和履行期限基本达成一致。",
    "邀请社区干部和律师共同参与，对法律后果进行说明。",
]
TERMS = {
    "facts": "{app}与{res}因{what}发生纠纷，经{unit}调解。",
    "issues": "赔偿（补偿）数额及履行方式。",
    "responsibilities": "{res}对纠纷的发生负主要责任，{app}负次要责任。",
    "terms": "{res}一次性支付{app}人民币{amount}元，双方就本纠纷再无其他争议。",
    "performance_manner": "银行转账",
    "performance_place": "{unit}",
}


# -------------------------------------------------------------- builder --

class Clock:
    """Moves forward through the life of one case."""

    def __init__(self, rng, start):
        self.rng = rng
        self.t = start

    def later(self, lo_min, hi_min):
        """Moves on, into the working hours of mediators (08:00-20:00)."""
        self.t += dt.timedelta(minutes=self.rng.randrange(lo_min, hi_min + 1))
        if self.t.hour < 8:
            self.t = self.t.replace(hour=8, minute=self.rng.randrange(0, 60))
        elif self.t.hour >= 20:
            self.t = (self.t + dt.timedelta(days=1)).replace(hour=8, minute=self.rng.randrange(0, 60))
        return self.t


def ts(t):
    return t.astimezone(CST).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def money(fen):
    return "%d.%02d" % (fen // 100, fen % 100)


def make_person(rng, pid, role, town, county, year, flags_hint=()):
    male = rng.random() < 0.55
    name = rng.choice(SURNAMES) + rng.choice(MALE if male else FEMALE)
    flags = []
    nonlocal_ = "non_local" in flags_hint or rng.random() < 0.15
    if "minor" in flags_hint:
        age = rng.randrange(8, 17)
    elif "elderly" in flags_hint or rng.random() < 0.12:
        age = rng.randrange(61, 88)
    else:
        age = rng.randrange(19, 60)
    birth = dt.date(year - age, rng.randrange(1, 13), rng.randrange(1, 29))
    if age < 18:
        flags.append("minor")
    if age >= 60:
        flags.append("elderly")
    if "disabled" in flags_hint:
        flags.append("disabled")
    if nonlocal_:
        flags.append("non_local")
    area = rng.choice(NONLOCAL_AREAS if nonlocal_ else NINGBO_AREAS)
    p = {"id": pid, "role": role, "kind": "person", "name": name}
    if age >= 16:
        p["phone"] = Q(phone(rng))
    if rng.random() < 0.9:
        p["document"] = {"type": "resident_id", "number": Q(resident_id(rng, area, birth, male))}
    p["address"] = county.address(rng, town)[0]
    if flags:
        p["flags"] = flags
    return p


def make_org(rng, pid, role, category, county):
    name = rng.choice(ORG_NAMES.get(category, ["宁波鄞州某商贸有限公司"]))
    p = {"id": pid, "role": role, "kind": "organisation", "name": name,
         "phone": Q("0574-8%07d" % rng.randrange(0, 10 ** 7)),
         "document": {"type": "credit_code", "number": Q(credit_code(rng))},
         "address": rng.choice(ORG_ADDRESSES)}
    return p


class Q(str):
    """A string the exporter always double-quotes."""


class Plain(str):
    """A string the exporter always writes plain (times, ids)."""


def build_case(rng, county, seqs, index):
    cat, _, amount_fn, descs = weighted(rng, SCENARIOS)
    year = 2026
    # Received between 5 January and 30 November 2026, 07:00 .. 23:00.
    day = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 330))
    if index % 30 == 7:
        # A few cases of the last week, still at the start of their life.
        day = dt.date(2026, 11, 26) + dt.timedelta(days=rng.randrange(0, 5))
    hour = rng.choice([8, 9, 9, 10, 10, 11, 14, 15, 15, 16, 17, 19, 20, 21, 22])
    received = dt.datetime(day.year, day.month, day.day, hour, rng.randrange(0, 60), 0, tzinfo=CST)
    clock = Clock(rng, received)
    town = rng.choice(county.towns)

    r = rng.random()
    if r < 0.45:
        source, unit = "police_110", county.stations[town]
    elif r < 0.60:
        source, unit = "walk_in", rng.choice([county.studios[town], county.centres.get(town, county.studios[town])])
    elif r < 0.70:
        source, unit = "online_booking", "YZ-TJ"
    elif r < 0.76:
        source, unit = "hotline", "YZ-TJ"
    elif r < 0.82:
        source, unit = "court_referral", "YZ-TJ"
    elif r < 0.87:
        source, unit = "petition_referral", "YZ-TJ"
    elif r < 0.95:
        source, unit = "grid_referral", county.centres.get(town, county.studios[town])
    else:
        source, unit = "proactive_screening", county.centres.get(town, county.studios[town])
    if cat.startswith("labour") and source in ("online_booking", "hotline") and rng.random() < 0.5:
        unit = "YZ-SJ"

    seqs[unit] = seqs.get(unit, 0) + 1
    c = {}
    c["id"] = Plain(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
    c["number"] = "%s-%d-%06d" % (unit, year, seqs[unit])
    c["state"] = None          # filled at the end
    c["received_at"] = Plain(ts(received))
    c["unit"] = unit
    c["source"] = source
    if source == "police_110":
        c["source_ref"] = Q("330212%s%06d" % (received.strftime("%Y%m%d"), rng.randrange(1, 999999)))
    elif source == "court_referral":
        c["source_ref"] = "（2026）浙0212民诉前调%d号" % rng.randrange(100, 9999)
    elif source == "petition_referral":
        c["source_ref"] = "鄞信转〔2026〕%d号" % rng.randrange(10, 999)
    c["category"] = cat
    address, place_unit = county.address(rng, town)
    place = {"address": address}
    if place_unit in county.grids:
        place["grid"] = rng.choice(county.grids[place_unit])
    if rng.random() < 0.5:
        place["lat"] = Plain("29.%06d" % rng.randrange(720000, 880000))
        place["lon"] = Plain("121.%06d" % rng.randrange(520000, 720000))
    c["place"] = place

    amount = amount_fn(rng)
    many = cat == "labour.wage_arrears" and rng.random() < 0.6
    nworkers = rng.randrange(6, 21) if many else 1
    facts = {"description": rng.choice(descs)}
    facts["people_involved"] = nworkers + rng.randrange(1, 3) if many else rng.randrange(2, 5)
    if amount:
        facts["amount"] = Q(money(amount))
    risks = []
    if cat in ("tort.assault", "family.marriage") or (source == "police_110" and rng.random() < 0.15):
        risks.append("violence_threat")
    if source == "petition_referral" or (cat.startswith("land") and rng.random() < 0.4):
        risks.append("repeat_petition")
    if many and nworkers >= 10 or (cat == "consumer.prepaid_card" and rng.random() < 0.5):
        risks.append("mass_incident")
    if cat == "medical.service" or (many and rng.random() < 0.3):
        risks.append("media_attention")
    if cat in ("family.elder_support", "tort.animal"):
        risks.append("vulnerable_party")
    if risks:
        facts["risks"] = risks
    if source == "police_110" and rng.random() < 0.5:
        facts["prior_police_calls"] = rng.randrange(1, 6)
    tags = []
    if hour >= 21:
        tags.append("夜间警情")
    if source == "police_110":
        tags.append("警调衔接")
    if many:
        tags.append("群体性欠薪")
    if tags:
        facts["tags"] = tags
    c["facts"] = facts

    # Parties.
    parties = []
    org_side = cat in ORG_NAMES and rng.random() < 0.8
    if many:
        for i in range(nworkers):
            parties.append(make_person(rng, "p%d" % (i + 1), "applicant", town, county, year,
                                       ("non_local",) if rng.random() < 0.7 else ()))
    else:
        hint = ("elderly",) if cat == "family.elder_support" else ()
        parties.append(make_person(rng, "p1", "applicant", town, county, year, hint))
    rid = "p%d" % (len(parties) + 1)
    if org_side:
        parties.append(make_org(rng, rid, "respondent", cat, county))
        if rng.random() < 0.5:
            agent = make_person(rng, "p%d" % (len(parties) + 1), "agent", town, county, year)
            agent["represents"] = rid
            parties.append(agent)
    else:
        parties.append(make_person(rng, rid, "respondent", town, county, year))
    if cat in ("family.elder_support", "family.inheritance") and rng.random() < 0.7:
        parties.append(make_person(rng, "p%d" % (len(parties) + 1), "respondent", town, county, year))
    if cat == "labour.wage_arrears" and rng.random() < 0.4:
        third = make_org(rng, "p%d" % (len(parties) + 1), "third_party", "contract.construction", county)
        parties.append(third)
    if cat == "tort.animal" or (cat == "traffic.injury" and rng.random() < 0.3):
        parties.append(make_person(rng, "p%d" % (len(parties) + 1), "third_party", town, county, year,
                                   ("minor",) if rng.random() < 0.3 else ()))
    c["parties"] = parties
    signers = [p["id"] for p in parties if p["role"] != "agent"]

    # Where the case ends up.  Recent cases are still open; a case stays in
    # mediation about a month at most (the legal time limit).
    age_days = (dt.date(2026, 12, 3) - day).days
    r = rng.random()
    if age_days < 8:
        final = rng.choice(["received", "received", "assessed", "assigned", "in_mediation"])
    elif age_days < 35:
        final = rng.choice(["assigned", "in_mediation", "in_mediation", "agreement", "failed", "withdrawn"])
    elif r < 0.38:
        final = "closed_agreement"
    elif r < 0.53:
        final = "follow_up"
    elif r < 0.63:
        final = "agreement"
    elif r < 0.68:
        final = "failed"
    elif r < 0.76:
        final = "closed_failed"
    elif r < 0.82:
        final = "closed_withdrawn"
    elif r < 0.88:
        final = "closed_transferred"
    elif r < 0.93:
        final = "transferred"
    elif r < 0.96:
        final = "withdrawn"
    else:
        final = "closed_remediated"

    timeline = []
    state = ["received"]
    intake = "mj_%s" % rng.choice(["wangjun", "chenhao", "lijie", "zhouqiang", "xuting"]) \
        if source == "police_110" else "jd_%s" % rng.choice(["yangli", "hufang", "linmin"])
    timeline.append({"at": Plain(ts(received)), "actor": intake, "unit": unit, "event": "received",
                     "details": "110接警后移交调解" if source == "police_110" else "登记受理"})

    med_unit = county.studios.get(town, "YZ-TJ") if unit != "YZ-TJ" and unit != "YZ-SJ" else "YZ-TJ"
    if cat.startswith(("labour", "medical", "land", "contract.construction")) or risks and "mass_incident" in risks:
        lead = rng.choice(MEDIATORS[1:7]) if med_unit == "YZ-TJ" else None
    else:
        lead = None
    if lead is None:
        if med_unit == "YZ-TJ":
            lead = rng.choice([MEDIATORS[0]] + MEDIATORS[6:])
        else:
            mid, mname = rng.choice(STATION_MEDIATORS[town])
            lead = (mid, mname, med_unit, "")
    actor = "tj_" + lead[0].lower().replace("-", "")

    def ev(kind, **kw):
        e = {"at": Plain(ts(clock.t)), "actor": kw.pop("actor", actor), "unit": kw.pop("unit", med_unit),
             "event": kind}
        if kind == "transition":
            e["from"] = state[0]
            e["to"] = kw["to"]
            state[0] = kw["to"]
        if kw.get("details"):
            e["details"] = kw["details"]
        timeline.append(e)

    mediators, sessions = [], []
    mode = None
    joint = []
    extensions = []
    outcome = None
    agreement = None
    followups = []
    followup_due = None
    accepted = None
    remediations = 0

    def stop(s):
        return final == s

    if final == "received":
        pass
    else:
        clock.later(20, 600)
        ev("transition", to="assessed", details="预评估：%s" % rng.choice(["一般纠纷，就地调解", "疑难纠纷，提交智库", "重大纠纷，联合调解"]))
        accepted = clock.t
        if final != "assessed":
            clock.later(10, 240)
            mediators.append({"id": lead[0], "name": lead[1], "role": "lead"})
            ev("mediator_assigned", details="%s 任主持调解员" % lead[1])
            if cat.startswith(("labour", "medical", "land")) and rng.random() < 0.5:
                ex = rng.choice(MEDIATORS[1:7])
                if ex[0] != lead[0]:
                    clock.later(5, 120)
                    mediators.append({"id": ex[0], "name": ex[1], "role": "expert"})
                    ev("mediator_assigned", details="%s（%s）参与调解" % (ex[1], ex[3]))
            clock.later(5, 120)
            ev("transition", to="assigned")
            if final != "assigned":
                if cat.startswith("medical"):
                    mode, joint = "joint", ["YZ-YTW"]
                elif cat.startswith("traffic") and rng.random() < 0.4:
                    mode, joint = "joint", ["YZ-JTW"]
                elif cat == "labour.wage_arrears" and many:
                    mode, joint = "joint", ["YZ-ZC", "YZ-RS"] if rng.random() < 0.5 else ["YZ-ZC"]
                elif source == "court_referral":
                    mode, joint = "joint", ["YZ-FY"]
                elif cat.startswith(("land", "contract.construction")):
                    mode = "think_tank"
                elif cat in ("family.elder_support",) and rng.random() < 0.5:
                    mode = "mobile"
                elif rng.random() < 0.1:
                    mode = "remote_video"
                else:
                    mode = "on_the_spot"
                clock.later(30, 60 * 24)
                ev("transition", to="in_mediation")
                nsess = rng.randrange(1, 4)
                for s in range(nsess):
                    clock.later(60, 60 * 24 * 3)
                    sess = {"at": Plain(ts(clock.t))}
                    if mode == "remote_video":
                        sess["place"] = "远程视频调解室"
                        sess["video"] = True
                    elif mode == "mobile":
                        sess["place"] = "当事人家中（流动调解车上门）"
                    else:
                        sess["place"] = room(county, med_unit, rng)
                    att = [p["id"] for p in parties[:3]] + [m["id"] for m in mediators]
                    sess["attendees"] = att
                    sess["notes"] = SESSION_NOTES[min(s, len(SESSION_NOTES) - 1)]
                    sessions.append(sess)
                    ev("session", details="第%d次调解" % (s + 1))
                    if s == 0 and rng.random() < 0.08 and final not in ("in_mediation",):
                        clock.later(30, 600)
                        due = accepted + dt.timedelta(days=rng.randrange(40, 60))
                        extensions.append({"at": Plain(ts(clock.t)), "new_due": Plain(ts(due))})
                        ev("extension", details="双方同意延长调解期限")

                def reach(form):
                    nonlocal outcome, agreement, followup_due
                    clock.later(30, 300)
                    outcome = {"result": "agreement", "form": form}
                    ev("transition", to="agreement", details="达成%s协议" % ("书面" if form == "written" else "口头"))
                    if form != "written":
                        return
                    clock.later(10, 60)
                    app_names = "、".join(p["name"] for p in parties if p["role"] == "applicant")[:40]
                    res_names = "、".join(p["name"] for p in parties if p["role"] == "respondent")
                    subst = {"app": app_names, "res": res_names, "unit": county.name(med_unit),
                             "what": county.units.get(unit, ("", "", ""))[2] and cat_words(cat),
                             "amount": money(amount) if amount else "0.00"}
                    agreement = {"drafted_at": Plain(ts(clock.t))}
                    ev("agreement_drafted")
                    for k, v in TERMS.items():
                        agreement[k] = v.format(**subst)
                    deadline = clock.t + dt.timedelta(days=rng.randrange(7, 60))
                    deadline = deadline.replace(hour=17, minute=0, second=0)
                    agreement["deadline"] = Plain(ts(deadline))
                    sigs = []
                    for sid in signers + [lead[0]]:
                        clock.later(1, 20)
                        sigs.append({"signer": sid, "at": Plain(ts(clock.t))})
                        ev("agreement_signed", details=sid)
                    agreement["signatures"] = sigs
                    agreement["effective_at"] = Plain(ts(clock.t))
                    ev("agreement_effective")
                    followup_due = deadline

                if final in ("in_mediation",):
                    pass
                elif final in ("agreement", "follow_up", "closed_agreement", "closed_remediated"):
                    form = "oral" if (amount == 0 and rng.random() < 0.6) else "written"
                    if final == "closed_remediated":
                        form = "written"
                    reach(form)
                    if agreement is not None and rng.random() < 0.25 and final != "agreement":
                        clock.later(60 * 24, 60 * 24 * 20)
                        agreement["confirmation"] = {"status": "applied", "court": "宁波市鄞州区人民法院",
                                                     "applied_at": Plain(ts(clock.t))}
                        ev("confirmation_applied", details="双方共同申请司法确认")
                        clock.later(60 * 24, 60 * 24 * 10)
                        agreement["confirmation"]["status"] = "valid"
                        agreement["confirmation"]["decided_at"] = Plain(ts(clock.t))
                        ev("confirmation_decided", actor="fy_judge01", unit="YZ-FY",
                           details="裁定调解协议有效")
                    if final != "agreement":
                        if followup_due is not None and clock.t > followup_due:
                            followup_due = None
                        if followup_due is None:
                            followup_due = clock.t + dt.timedelta(days=rng.randrange(7, 30))
                        clock.later(60, 60 * 24)
                        ev("followup_scheduled", details="履行情况回访")
                        clock.later(60, 60 * 24 * 2)
                        ev("transition", to="follow_up")
                        if final in ("closed_agreement", "closed_remediated"):
                            clock.t = max(clock.t, followup_due) + dt.timedelta(hours=rng.randrange(1, 72))
                            result = "performed" if final == "closed_agreement" else "not_performed"
                            note = "回访确认已按协议履行完毕" if result == "performed" else "对方未按期履行，申请人要求重新调解"
                            followups.append({"at": Plain(ts(clock.t)), "result": result, "actor": actor,
                                              "notes": note})
                            followup_due = None
                            ev("followup_visit", details=note)
                            if final == "closed_remediated":
                                clock.later(60, 60 * 24 * 3)
                                remediations += 1
                                outcome = None
                                agreement = None
                                accepted = clock.t
                                ev("transition", to="in_mediation", details="协议未履行，重新调解")
                                clock.later(60 * 24, 60 * 24 * 5)
                                sess = {"at": Plain(ts(clock.t)), "place": room(county, med_unit, rng),
                                        "attendees": [p["id"] for p in parties[:2]] + [lead[0]],
                                        "notes": "重新调解，确定分期履行方案。"}
                                sessions.append(sess)
                                ev("session", details="重新调解")
                                clock.later(30, 300)
                                outcome = {"result": "failed"}
                                ev("transition", to="failed", details="重新调解未果，引导诉讼")
                            clock.later(60, 60 * 24)
                            ev("transition", to="closed", details="结案")
                elif final in ("failed", "closed_failed"):
                    clock.later(30, 300)
                    outcome = {"result": "failed"}
                    ev("transition", to="failed", details="双方分歧较大，调解不成")
                    if final == "closed_failed":
                        clock.later(60, 60 * 24 * 3)
                        ev("transition", to="closed", details="告知诉讼途径后结案")
                elif final in ("withdrawn", "closed_withdrawn"):
                    clock.later(30, 60 * 24 * 3)
                    outcome = {"result": "withdrawn"}
                    ev("transition", to="withdrawn", details="申请人撤回调解申请")
                    if final == "closed_withdrawn":
                        clock.later(60, 60 * 24)
                        ev("transition", to="closed")
                elif final in ("transferred", "closed_transferred"):
                    clock.later(30, 60 * 24 * 3)
                    kind = "arbitration" if cat.startswith("labour") else "litigation"
                    body = "鄞州区劳动人事争议仲裁院" if kind == "arbitration" else "宁波市鄞州区人民法院"
                    outcome = {"result": "transferred", "transfer": kind, "body": body}
                    ev("transition", to="transferred", details="移交%s" % body)
                    if final == "closed_transferred":
                        clock.later(60, 60 * 24 * 2)
                        ev("transition", to="closed")
    c["state"] = state[0]

    med = {}
    if mode:
        med["mode"] = mode
    if joint:
        med["joint_bodies"] = joint
    if cat.startswith("family") and mediators:
        med["private_hearing"] = True
    if mediators:
        med["mediators"] = mediators
    if sessions:
        med["sessions"] = sessions
    if med:
        c["mediation"] = med
    if outcome:
        c["outcome"] = outcome
    if remediations:
        c["remediations"] = remediations
    dl = {}
    if accepted is not None:
        dl["accepted_at"] = Plain(ts(accepted))
    if extensions:
        dl["extensions"] = extensions
    if followup_due is not None:
        dl["followup_due"] = Plain(ts(followup_due))
    if dl:
        c["deadlines"] = dl
    if agreement:
        c["agreement"] = agreement
    if followups:
        c["followups"] = followups
    c["timeline"] = timeline
    return c


def room(county, unit, rng):
    if unit == "YZ-TJ":
        return "鄞州区矛盾纠纷调解中心%s调解室" % rng.choice(["第一", "第二", "第三", "大"])
    return county.name(unit)


def cat_words(cat):
    return {
        "neighbour": "相邻关系", "family": "家庭事务", "labour": "劳动报酬", "traffic": "交通事故赔偿",
        "property_management": "物业服务", "consumer": "消费", "medical": "医疗服务", "land": "土地权益",
        "contract": "合同履行", "tort": "人身损害赔偿",
    }[cat.split(".")[0]]


def weighted(rng, items):
    total = sum(i[1] for i in items)
    x = rng.randrange(total)
    for i in items:
        if x < i[1]:
            return i
        x -= i[1]
    return items[-1]


# ------------------------------------------------------- canonical YAML --

SPECIAL_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def plain_ok(s):
    """Mirror of text_is_plain() in lib/case_yaml.c."""
    if not s or s[0] in " -?:,[]{}#&*!|>'\"%@`0123456789+." or s[-1] in " :":
        return False
    if ": " in s or " #" in s or s.lower() in SPECIAL_WORDS or s in ("=", "<<"):
        return False
    for ch in s:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or o > 0xFFFF:
            return False
    return True


def quote(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20:
            raise ValueError("generator produced a control character")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Q):
        return quote(v)
    if isinstance(v, Plain):
        return str(v)
    return v if plain_ok(v) else quote(v)


def emit(v, indent, out, in_seq=False):
    """Block YAML the way libyaml's emitter writes it (indent 2,
    sequences in a mapping not indented)."""
    pad = " " * indent
    if isinstance(v, dict):
        first = True
        for k, x in v.items():
            lead = "" if (first and in_seq) else pad
            first = False
            if isinstance(x, dict):
                out.append("%s%s:\n" % (lead, k))
                emit(x, indent + 2, out)
            elif isinstance(x, list):
                if not x:
                    out.append("%s%s: []\n" % (lead, k))
                else:
                    out.append("%s%s:\n" % (lead, k))
                    emit(x, indent, out)
            else:
                out.append("%s%s: %s\n" % (lead, k, scalar(x)))
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict):
                out.append("%s- " % pad)
                emit(x, indent + 2, out, in_seq=True)
            else:
                out.append("%s- %s\n" % (pad, scalar(x)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--county", default=os.path.join(top, "examples", "data", "county.yaml"))
    ap.add_argument("--out", default=os.path.join(top, "examples", "data", "cases.yaml"))
    ap.add_argument("--count", type=int, default=240)
    args = ap.parse_args()

    units, cats = read_county(args.county)
    county = County(units, cats)
    rng = random.Random(SEED)
    station_mediators(rng, county)
    for s in SCENARIOS:
        if s[0] not in county.cats:
            sys.exit("category %s is not in %s" % (s[0], args.county))
    seqs = {}
    cases = [build_case(rng, county, seqs, i) for i in range(args.count)]
    cases.sort(key=lambda c: (c["received_at"], c["number"]))
    # Renumber by received time so numbers grow with time in every unit.
    seqs = {}
    for c in cases:
        seqs[c["unit"]] = seqs.get(c["unit"], 0) + 1
        c["number"] = "%s-2026-%06d" % (c["unit"], seqs[c["unit"]])
    out = ["# SPDX-License-Identifier: MIT\n"] if False else []
    emit({"format": "mediate-cases", "version": 1, "cases": cases}, 0, out)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(out))
    states = {}
    for c in cases:
        states[c["state"]] = states.get(c["state"], 0) + 1
    print("%s: %d cases %s" % (args.out, len(cases), " ".join("%s=%d" % kv for kv in sorted(states.items()))))


if __name__ == "__main__":
    main()
