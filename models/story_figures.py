"""Which kinds of figure a headline gives (an amount of money, a share, a count), for the story rule's figures veto
(`models.story_match`): headlines whose figures none of the other item gives are two matters ("Woking debt reaches
£2bn" / "Woking asks for £1bn bailout"), but one matter's figures are often told as two kinds within hours of each
other, a council tax rise as "4.99%" and as "£100 a year", savings as "£28m" and as "350 jobs". Such a pair is no
veto when the two items also share the council or a headline's event: the words and the model then decide.
"""
from __future__ import annotations

import functools

from models.story_events import _FIGURE, _clean  # one reading of figures, the events module's


@functools.lru_cache(maxsize=8192)
def figure_kinds(title: str) -> frozenset[str]:
    """The kinds of figure a headline gives: "money" (£2bn), "share" (4.99%, 10 per cent), "count" (350 jobs);
    years (1900–2099 without a unit) are no figure."""
    kinds = set()
    for currency, digits, unit in _FIGURE.findall(_clean(title)):
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        if not currency and not unit and 1900 <= value <= 2099 and "." not in digits:
            continue  # a year
        kinds.add("money" if currency else "share" if unit in ("%", "per cent") else "count")
    return frozenset(kinds)


def figures_of_two_kinds(title_a: str, title_b: str) -> bool:
    """Both headlines give figures and no kind is both's: "4.99% rise" beside "£100 more a year"."""
    kinds_a, kinds_b = figure_kinds(title_a), figure_kinds(title_b)
    return bool(kinds_a and kinds_b) and not kinds_a & kinds_b
