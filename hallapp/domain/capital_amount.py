"""Amounts in capital Chinese numerals (大写), per the PBOC rules in DOMAIN_RULES R4.2.

Choices where the rules allow two forms (R4.2 rule 2 and 4c): nothing after 角 (no 整), and no
零 where only the 万/元 position is zero (壹仟陆佰捌拾元叁角贰分, 壹拾万柒仟元伍角叁分).
"""

DIGITS = "零壹贰叁肆伍陆柒捌玖"
POSITIONS = ("仟", "佰", "拾", "")
GROUPS = ("", "万", "亿")
MAX_FEN = 10**14  # below 1万亿 元; larger amounts never reach a counter


def capital_amount(fen: int) -> str:
    """Capital numerals for a non-negative amount in fen: 140950 -> 壹仟肆佰零玖元伍角."""
    if fen < 0:
        raise ValueError("amounts written in capitals are not negative")
    if fen >= MAX_FEN:
        raise ValueError("amount too large to write in capitals")
    yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
    if fen == 0:
        return "零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao == 0 and fen_digit == 0:
        return text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"  # rule 4(d): 角 is zero and 分 is not
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    return text


def rmb_capital(fen: int) -> str:
    """With the 人民币 prefix, written straight before the amount (rule 3)."""
    return "人民币" + capital_amount(fen)


def _integer(value: int) -> str:
    groups = []
    while value:
        groups.append(value % 10_000)
        value //= 10_000
    text = ""
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"  # zeros between two written digits are read as one 零 (rules 4a, 4b)
        text += _group(group) + GROUPS[index]
        pending_zero = False
    return text


def _group(value: int) -> str:
    digits = f"{value:04d}"
    text = ""
    zero = False
    for position, ch in enumerate(digits):
        digit = int(ch)
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
        text += DIGITS[digit] + POSITIONS[position]
        zero = False
    return text
