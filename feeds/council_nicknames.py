"""A place by the nickname the press gives it ("Pompey council's solar farm", "Auld Reekie's visitor
levy set … by councillors") or by description ("the Welsh capital", "Scotland's largest council"): the council of that
place, read as a place's people are (`feeds.council_demonyms`), only in a text that speaks of a council or names a
service only a council runs, and names no council itself. A nickname alone says nothing of a council ("Pompey win at
Fratton Park" is the club's), so it never counts without that."""
from __future__ import annotations

from feeds.council_tokens import Tokens

# Each nickname as lower-case words → the council of the place it names.
NICKNAMES = {
    ("pompey",): "POR", ("brum",): "BIR", ("cov",): "COV", ("auld", "reekie"): "EDH",
    ("granite", "city"): "ABE", ("steel", "city"): "SHF",
    # Short forms and old names local papers use for their own town: "Donny" (Doncaster), "Soton" (Southampton),
    # "Scunny" (Scunthorpe, North Lincolnshire's), "the Potteries" (Stoke-on-Trent, whose six towns are the
    # Potteries), "the Fair City" (Perth, Perth and Kinross's).
    ("donny",): "DNC", ("soton",): "STH", ("scunny",): "NLN", ("potteries",): "STE", ("fair", "city"): "PKN",
}
# A nation's capital, or its largest council, by description; only the first word need be capitalised ("the Welsh
# capital", "Scotland's largest council", "Europe's largest local authority": Birmingham, as the press calls it).
DESCRIPTIONS = {
    ("welsh", "capital"): "CRF", ("wales", "s", "capital"): "CRF", ("scottish", "capital"): "EDH",
    ("scotland", "s", "capital"): "EDH", ("scotland", "s", "largest", "council"): "GLG",
    ("scotland", "s", "biggest", "council"): "GLG", ("scotland", "s", "largest", "local", "authority"): "GLG",
    ("wales", "s", "largest", "council"): "CRF", ("wales", "s", "biggest", "council"): "CRF",
    ("europe", "s", "largest", "local", "authority"): "BIR", ("europe", "s", "biggest", "local", "authority"): "BIR",
}
# The words any nickname or description starts with, so a text without one is passed over at once.
FIRST_WORDS = frozenset(name[0] for name in (*NICKNAMES, *DESCRIPTIONS))


def nicknames_named(tokens: Tokens) -> dict[str, str]:
    """The councils of the places `tokens` names by nickname, capitalised (or the text all capitals), each with the
    nickname as written."""
    words, texts = tokens.words, tokens.texts
    found = {}
    for k, word in enumerate(words):
        if word not in FIRST_WORDS:
            continue
        for name, code in NICKNAMES.items():
            end = k + len(name)
            if tuple(words[k:end]) == name and all(tokens.shouting or t[:1].isupper() for t in texts[k:end]):
                found[code] = " ".join(texts[k:end])
        for name, code in DESCRIPTIONS.items():
            end = k + len(name)
            if tuple(words[k:end]) == name and (tokens.shouting or texts[k][:1].isupper()):
                found[code] = " ".join(texts[k:end])
    return found
