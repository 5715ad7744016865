"""Plausible names, organisations, phones and addresses for demo customers (all invented)."""

import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬鹏辉建国建华志强海燕晓东文博子涵欣怡浩然梓轩雨婷佳琪思远俊杰嘉怡宇航"
DISTRICTS = ("城东区", "城西区", "高新区", "江南区", "北湖区")
ROADS = (
    "建设路",
    "人民路",
    "解放大道",
    "中山路",
    "和平街",
    "长江路",
    "黄河路",
    "新华路",
    "光明巷",
    "滨江大道",
    "科技路",
    "学府路",
    "春风里",
    "幸福路",
    "工业大道",
    "文化街",
)
ESTATES = ("阳光花园", "锦绣家园", "翠湖小区", "金色港湾", "东方明珠苑", "书香门第", "和谐新村", "供电小区")
ORG_WORDS = ("鑫源", "恒达", "华兴", "利民", "宏发", "永安", "天成", "顺心", "百味", "绿源", "新世纪", "金穗")
ORG_KINDS = (
    "超市",
    "餐饮店",
    "五金机电有限公司",
    "服装厂",
    "物业管理有限公司",
    "农业专业合作社",
    "酒店有限公司",
    "汽车维修中心",
    "药房",
    "印刷有限公司",
)
REGIONS = ("320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115")


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) if rng.random() < 0.3 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return rng.choice(SURNAMES) + given


def org_name(rng: random.Random) -> str:
    return f"示例市{rng.choice(ORG_WORDS)}{rng.choice(ORG_KINDS)}"


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def home_address(rng: random.Random) -> str:
    return (
        f"示例市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randrange(1, 400)}号"
        f"{rng.choice(ESTATES)}{rng.randrange(1, 40)}栋{rng.randrange(1, 7)}单元{rng.randrange(1, 33)}"
        f"{rng.randrange(1, 5):02d}室"
    )


def business_address(rng: random.Random) -> str:
    return f"示例市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randrange(1, 900)}号"
