"""Chinese numerals as the portal's texts write them: clause numbers (五（三）),
section numbers of a plan (十二、) and district names (第二…)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
CN_DIGITS = {ch: i for i, ch in enumerate(DIGITS) if i}  # 一 … 九


def cn_to_int(numeral: str) -> int:
    """Chinese numerals up to 九十九: 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (ValueError otherwise)."""
    if not numeral or any(ch not in CN_DIGITS and ch != "十" for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if "十" not in numeral:
        if len(numeral) != 1:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        return CN_DIGITS[numeral]
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def cn_value(run: str) -> int | None:
    """Like :func:`cn_to_int`, also for digit-by-digit runs (一二 → 12, 二〇 → 20 with 零);
    None for anything else, so callers can sort such text as text."""
    tens, ten, ones = run.rpartition("十")
    try:
        if not ten:
            return int("".join(str(DIGITS.index(ch)) for ch in run))
        return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)
    except ValueError:
        return None


def int_to_cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (up to 十九, the section numbers of a document)."""
    numbers = DIGITS[1:] + "十"
    return numbers[n - 1] if n <= 10 else "十" + numbers[n - 11]
