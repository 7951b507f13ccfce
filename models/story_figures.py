"""The figures a text gives, and which kinds of figure a headline gives, for the story rule (`models.story_match`).

- A figure is an amount, a share or a count, read with the step of its last digit, so "£1.19bn" and "£1.2bn" are
  one figure told two ways; years and digits inside names ("s114", "HS2") are none.
- The figures veto: headlines whose figures none of the other item gives are two matters ("Woking debt reaches
  £2bn" / "Woking asks for £1bn bailout"), but one matter's figures are often told as two kinds within hours of
  each other, a council tax rise as "4.99%" and as "£100 a year", savings as "£28m" and as "350 jobs". Such a pair
  is no veto when the two items also share the council or a headline's event: the words and the model then decide.
  Nor is a national total for councils beside one named council's share of it ("£740m for SEND places" /
  "Hertfordshire to create 400 places with £26m"), whatever else the headlines count.
"""
from __future__ import annotations

import functools
import re

from models.story_events import clean_text
from models.story_readings import step_pairs, without_ages
from models.story_words import concepts, is_figure

_FIGURE = re.compile(r"(?<![a-z0-9.])([£$€]?)(\d+(?:[.,]\d+)*)(?: ?(%|per cent|bn|billion|m|million|k))?(?![a-z0-9])")
_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3}
_FINANCIAL_YEAR = re.compile(r"(?<![\d£$€.,])(?:19|20)\d\d[/-]\d\d(?!\d)")  # "2025/26", "2025-26": a year, no figure


def figure_readings(text: str) -> list[tuple[str, float, str, str]]:
    """Each figure a text gives as (currency sign, value, digits as written, unit): "£1.2bn" → ("£", 1.2, "1.2", "bn").
    Years (1900–2099 without a unit) and digits inside names ("s114", "HS2") are none."""
    readings = []
    for currency, digits, unit in _FIGURE.findall(clean_text(without_ages(_FINANCIAL_YEAR.sub(" ", text)))):
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        if not currency and not unit and 1900 <= value <= 2099 and digits.isdigit():
            continue  # a year ("2,000" is a count)
        readings.append((currency, value, digits, unit))
    return readings


@functools.lru_cache(maxsize=8192)
def figures(text: str) -> frozenset[tuple[float, float]]:
    """The amounts, shares and counts a text gives, each as (value, the step of its last digit):
    £1.2bn → (1.2e9, 1e8), 4.99% → (4.99, 0.01). Years (1900–2099 without a unit) and digits inside
    names ("s114", "HS2", "Room151") are not figures."""
    found = set()
    for _, value, digits, unit in figure_readings(text):
        scale = _SCALE.get(unit or "", 1.0)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        found.add((value * scale, scale / 10 ** decimals))
    return frozenset(found)


def sums_of_money(text: str) -> list[float]:
    """The sums of money a text gives, in pounds ("£1.6bn" → 1.6e9)."""
    return [value * _SCALE.get(unit, 1.0) for currency, value, _, unit in figure_readings(text) if currency]


def same_figure(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """One figure told two ways: either rounds to the other (4.99% and 5%, £1.19bn and £1.2bn; not
    95 and 100)."""
    return abs(a[0] - b[0]) <= max(a[1], b[1]) / 2 + 1e-9


def figures_agree(a: frozenset[tuple[float, float]], b: frozenset[tuple[float, float]]) -> bool:
    """Some figure of `a` is some figure of `b`."""
    return any(same_figure(x, y) for x in a for y in b)


@functools.lru_cache(maxsize=8192)
def figure_kinds(title: str) -> frozenset[str]:
    """The kinds of figure a headline gives: "money" (£2bn), "share" (4.99%, 10 per cent), "count" (350 jobs);
    years (1900–2099 without a unit) are no figure."""
    return frozenset("money" if currency else "share" if unit in ("%", "per cent") else "count"
                     for currency, _, _, unit in figure_readings(title))


def figures_of_two_kinds(title_a: str, title_b: str) -> bool:
    """Both headlines give figures and no kind is both's: "4.99% rise" beside "£100 more a year"."""
    kinds_a, kinds_b = figure_kinds(title_a), figure_kinds(title_b)
    return bool(kinds_a and kinds_b) and not kinds_a & kinds_b


# A word that makes the figure after it a rounding ("nearly £20m", "close to £100m", "more than £600m"): such a figure
# is one told as exact elsewhere ("£18.4m", "£98.6m") when they are within `APPROXIMATE_WITHIN` of each other.
_APPROXIMATE = re.compile(r"\b(?:nearly|almost|close to|around|about|approaching|roughly|some|circa|more than|over|"
                          r"under|less than|just over|just under|up to) ((?:[£$€])?\d[\d.,]*(?: ?(?:%|per cent|bn|"
                          r"billion|m|million|k))?)(?![a-z0-9])")
APPROXIMATE_WITHIN = 0.1


@functools.lru_cache(maxsize=8192)
def approximate_figures(title: str) -> frozenset[tuple[float, float]]:
    """The figures a headline gives as roundings ("overspending by almost £20m": £20m), as `figures` reads them."""
    found: set[tuple[float, float]] = set()
    for figure in _APPROXIMATE.findall(clean_text(title)):
        found |= figures(figure)
    return frozenset(found)


def roughly_agree(title: str, other_text: str) -> bool:
    """A headline's rounded figure is one the other item gives within a tenth, of one kind: "nearly £100m black
    hole" beside "£98.6m gap", "almost £20m" beside "£18.4m" (not "£14m"); a share is no amount of money."""
    rounded = approximate_figures(title)
    if not rounded:
        return False
    others = figures(other_text)
    return any(y[0] > 0 and abs(x[0] - y[0]) <= APPROXIMATE_WITHIN * x[0] and _one_kind(x[1], y[1])
               for x in rounded for y in others)


def _one_kind(step_a: float, step_b: float) -> bool:
    """Figures of one scale: millions beside millions, not £20m beside 20 homes (their last digits' steps within a
    thousandfold)."""
    return max(step_a, step_b) / max(min(step_a, step_b), 1e-12) < 1000


def step_agrees(title: str, other_text: str) -> bool:
    """A headline's figure is the step between two the other item gives ("another 1,000 homes" beside "lifts its
    target from 4,000 to 5,000"): one change told as its size and as its end (`models.story_readings.step_pairs`)."""
    title_figures = figures(title)
    if not title_figures:
        return False
    for low, high in step_pairs(other_text):
        (x, step_x), (y, step_y) = min(figures(low), default=(0.0, 1.0)), min(figures(high), default=(0.0, 1.0))
        if x and y and _one_kind(step_x, step_y):
            step = (abs(y - x), max(step_x, step_y))
            if any(same_figure(step, figure) for figure in title_figures):
                return True
    return False


# A sum at least this many times another is a total beside one council's share ("£600m grant" / "Surrey's £14m").
SHARE_RATIO = 10


def total_beside_share(title_a: str, title_b: str) -> bool:
    """Both headlines give only sums of money, one at least `SHARE_RATIO` times the other's, and they share two words
    of the matter besides ("social care grant: £600m more" / "social care grant: Surrey to get £14m"): a national
    total beside one council's share of it, told as two figures of one matter."""
    if figure_kinds(title_a) != {"money"} or figure_kinds(title_b) != {"money"}:
        return False
    sums_a, sums_b = [value for value, _ in figures(title_a)], [value for value, _ in figures(title_b)]
    if not sums_a or not sums_b or min(min(sums_a), min(sums_b)) <= 0:
        return False
    ratio = max(max(sums_a) / min(sums_b), max(sums_b) / min(sums_a))
    words = (concepts(title_a) & concepts(title_b)) - {concept for concept in concepts(title_a) if is_figure(concept)}
    return ratio >= SHARE_RATIO and len(words) >= 2


SHARE_WORDS = 2  # words of the matter a national total's item and one council's share's item share, besides figures
# Words any two items on council money share: not the matter's words ("council", "government", "funding").
_ANY_MONEY_NEWS = frozenset(concepts("council councils authority authorities local government ministers minister "
                                     "funding fund money year next million"))


def national_total_beside_share(title_a: str, text_a: str, named_a: bool, title_b: str, text_b: str,
                                named_b: bool) -> bool:
    """One headline gives a sum of money for councils in general (its item names no council), the other a sum at
    most a tenth of it for one council its item names, and the two texts share `SHARE_WORDS` words of the matter
    ("£740m to create SEND places" / "Hertfordshire to create 400 specialist places with £26m", both telling of
    high-needs capital): a national total beside one council's share, whatever else the headlines count."""
    if named_a == named_b:
        return False
    (national, national_text), (local, local_text) = ((title_b, text_b), (title_a, text_a)) if named_a else \
        ((title_a, text_a), (title_b, text_b))
    totals, shares = sums_of_money(national), sums_of_money(local)
    if not totals or not shares or min(shares) <= 0 or max(totals) < SHARE_RATIO * max(shares):
        return False
    matter = (concepts(national_text) & concepts(local_text)) - _ANY_MONEY_NEWS
    return len({concept for concept in matter if not is_figure(concept)}) >= SHARE_WORDS
