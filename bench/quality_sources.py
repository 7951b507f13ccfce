"""Council, story and relevance judgements scored on each labelled file separately, to see whether
a rule generalises or only fits the file it was written against.

`python -m bench.quality_sources [--extra DIR] [--misses]` prints one line per source file: every
CSV in `tests/data/councils/` (and `tests/data/council_headlines.csv`), `tests/data/stories/` and
`tests/data/relevance/`, and, with `--extra DIR`, a directory of sets written elsewhere with the same
columns and named `councils.csv`, `stories.csv`, `relevance.csv` (scored before they are copied in, so
the first figure on them is an unseen one). A rule that lifts one file and not the others has
learnt that file.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bench.quality import (DATA_DIR, CouncilExample, MatchReport, PairExample, RelevanceExample, _rows,
                           evaluate_councils, evaluate_pairs, evaluate_relevance, herald_council_finder,
                           herald_keeps, herald_same_story)

KINDS = ("councils", "stories", "relevance")
# (precision, recall) each file must keep reaching, a little under what the third round of rules
# reached (train3: councils 0.966 / 0.966, stories 0.893 / 0.731, relevance 0.966 / 0.933; stories after the
# fourth round: train3 0.906 / 0.781, train4 0.935 / 0.625, bench/results/stories-train4.md; after the fifth
# (towns, bench/results/stories-train5.md): train3 0.915 / 0.806, train4 0.939 / 0.675, test3 0.970 / 0.800,
# train5 0.986 / 0.920);
# tests/test_quality_sources.py asserts them.
SOURCE_FLOORS = {
    ("councils", "dev"): (0.98, 0.98), ("councils", "test"): (0.98, 0.98), ("councils", "test2"): (0.98, 0.98),
    ("councils", "council_headlines"): (0.98, 0.98), ("councils", "train3"): (0.98, 0.98),
    ("councils", "dev4"): (0.98, 0.98), ("councils", "train4"): (0.98, 0.98), ("councils", "test3"): (0.98, 0.97),
    ("councils", "train5"): (0.97, 0.97),  # fifth round of council rules: 0.953 / 0.978 (first score 0.907 / 0.978);
    # sixth (feeds.council_kinds): dev4 0.986 / 0.993, train4 0.996 / 1.000, train5 0.957 / 0.978
    # seventh (train6's odd rows read): train6 0.962 / 0.970 → 0.992 / 1.000 (even rows, never read, 0.952 / 1.000
    # → 0.983 / 1.000), train5 0.987 / 0.983, train4 1.000 / 1.000, every other file as before
    ("councils", "train6"): (0.98, 0.98),
    # eighth round (test5 retired and read; train7 written blind, its odd rows read): train7 0.991 / 0.979 as it
    # landed → 0.996 / 0.991 (even rows, never read, 0.991 / 0.983 → 0.991 / 0.983), test5 0.985 / 0.955 → 1.000 / 1.000
    ("councils", "train7"): (0.98, 0.98),
    # stories/test: 0.92, not 0.94, since "Cheshire West" (short for Cheshire West and Chester) is found: one
    # pair labelled different now shares that council, where the story veto had relied on it being missed.
    # sixth round (areas, sector bodies, more events): test2 0.975 / 0.975, test3 0.971 / 0.838, train3 0.916 / 0.819,
    # train4 0.935 / 0.719, train5 0.986 / 0.927 (test4, tuned on since: 0.947 / 0.540 → 0.985 / 0.660).
    ("stories", "dev"): (0.94, 0.95), ("stories", "test"): (0.92, 0.85), ("stories", "test2"): (0.93, 0.95),
    # Stories round 12 (tests/data/stories/README.md): vetoes took out hard negatives, so the refit's threshold fell
    # 0.77 → 0.71 (the same precision goal on files left out); train3, the oldest writer, 0.959 / 0.738 → 0.927 / 0.794.
    # train12's and train13's blind pairs in the fit (7 Dec 2026) raise it again (0.74 → 0.76 → 0.77): train3 0.953 /
    # 0.769 → 0.959 / 0.738 → 0.958 / 0.719; test9 in the fit (retired, 7 Dec 2026 06:00 UTC) raises it to 0.78:
    # 0.956 / 0.681.
    ("stories", "train3"): (0.92, 0.66), ("stories", "train4"): (0.94, 0.70), ("stories", "test3"): (0.96, 0.86),
    # train5 0.80 → 0.78: with train19's hard pairs in the fit the threshold rose 0.78 → 0.81 (1.000 / 0.793).
    ("stories", "train5"): (0.97, 0.78),
    # train6, written blind (6 Dec 2026, evening): 0.983 / 0.767 as it landed; 1.000 / 0.800 after the seventh round
    # (words of other events' senses, towns of the named council, refusals; its odd rows read, its even rows only scored).
    # The story model (models/story_model.py, fitted on every file) moved them: train5 0.986 / 0.927 → 0.992 / 0.867,
    # train6 1.000 / 0.800 → 1.000 / 0.820, test4 0.985 / 0.670 → 0.938 / 0.760; its honest figures are
    # bench.story_fit's, each file judged by a model fitted without it.
    ("stories", "train6"): (0.97, 0.78),
    # test5, held out until test6 was written (6 Dec 2026, night); tuned on since. As it was retired: councils
    # 0.985 / 0.955, stories 0.932 / 0.567 (0.972 / 0.711 with the story model), relevance 0.987 / 0.975.
    ("stories", "test5"): (0.96, 0.70), ("councils", "test5"): (0.98, 0.98), ("relevance", "test5"): (0.98, 0.98),
    # train7, written blind (6 Dec 2026, night): stories 0.945 / 0.807 by the rule as it landed, 0.954 / 0.827 by a
    # model fitted without it.
    ("stories", "train7"): (0.95, 0.78), ("councils", "train8"): (0.98, 0.95),
    # ninth round of council rules (people's names, neighbours' places, the nation's news, more incidents;
    # feeds/council_forms.py): every council file as it was, train8 0.995 / 0.972 (even rows 0.990 / 0.954)
    # train8 and train9 pairs, written blind (6 Dec 2026, night) with mostly hard different pairs (the same council's
    # next step, the same kind of event next door): as they landed 0.914 / 0.707 and 0.789 / 0.873 by the rule,
    # 0.927 / 0.760 and 0.824 / 0.873 by the story model fitted without them. Once every file is in, the model's
    # threshold rises (the pooled left-out precision goal, bench/story_fit.py), trading recall for precision on
    # every file: the story floors here are the shipped model's figures after round eight, a little under.
    ("stories", "train8"): (0.93, 0.77), ("stories", "train9"): (0.88, 0.85),
    # train10, written blind (6 Dec 2026, 20:20 UTC) in train8's manner; scored whole as it landed, before round nine:
    # stories 0.890 / 0.920 (the rule of d6678c6: 0.848 / 0.927), councils 0.968 / 0.995; after round nine, before
    # anyone read it, 0.892 / 0.933 and 0.972 / 0.995. Tuned on since (odd rows read, even rows only scored).
    # councils round ten (train10's odd rows read): train10 0.986 / 1.000 (even rows, never read, 0.974 / 1.000).
    # Stories round ten (turns of a matter, more synonyms; tests/data/stories/README.md): the shipped model 0.926 /
    # 0.919 on train10, 0.910 / 0.880 on train9, 0.951 / 0.795 on train8; every other file's floor still holds.
    # councils round eleven (test6 read in full, train8's and train10's odd rows): train10 0.991 / 1.000 (even rows,
    # never read, 0.974 / 1.000 → 0.983 / 1.000), test6 1.000 / 1.000, dev4 0.993 / 0.993, test3 1.000 / 0.985.
    ("stories", "train10"): (0.91, 0.90), ("councils", "train10"): (0.98, 0.99),
    # Round eight (actors and meetings apart, a council's name once, sales, ends of attacks, dated background events):
    # more hard negatives vetoed, so the refit's threshold (bench.story_fit, precision goal 0.96 on files left out)
    # fell from 0.79 to 0.69 and the shipped model admits more of test3's and test4's hard negatives (test3 0.973 →
    # 0.948, test4 0.938 → 0.919 seen; left out by file, the honest figures: test3 0.973 → 0.948, test4 0.916 → 0.920);
    # recall rose (seen: test4 0.790, test5 0.773, train3 0.869, train4 0.831, train5 0.900, train6 0.847, train7 0.873),
    # and the recall floors with it.
    # relevance round eleven (a council's services and acts told without the word council, each in its council
    # sense; models/relevance_words.py): test3 0.957 / 0.825 → 1.000 / 0.988, test4 0.972 / 0.875 → 0.988 / 1.000,
    # test5 0.987 / 0.975 → 1.000 / 1.000, test6 0.976 / 0.988 → 1.000 / 1.000, train3 0.972 / 0.940 → 0.993 / 0.987
    # (all tuned on; tests/data/relevance/README.md).
    ("relevance", "test3"): (0.97, 0.96),
    # test4, held out until test5 was written (6 Dec 2026, evening); tuned on since. As it was retired: councils
    # 0.977 / 0.954, stories 0.947 / 0.540, relevance 0.972 / 0.875; councils after the sixth round 1.000 / 1.000.
    # Round nine (a matter's stage, proposed or decided, as evidence; more ends of an intervention): the refit's
    # threshold fell from 0.82 to 0.77 at the same pooled left-out precision, so recall rose on every file but train9
    # (seen: test5 0.722 → 0.784, train3 0.738 → 0.800, train7 0.787 → 0.833, train8 0.767 → 0.801) and the shipped
    # model admits three more of test4's marginal hard negatives (seen 1.000 / 0.760 → 0.951 / 0.780).
    ("councils", "test4"): (0.98, 0.98), ("stories", "test4"): (0.93, 0.70), ("relevance", "test4"): (0.97, 0.97),
    ("relevance", "test"): (0.98, 0.98), ("relevance", "test2"): (0.98, 0.98), ("relevance", "train3"): (0.97, 0.96),
    # test6, held out until test7 was written (6 Dec 2026, 22:00 UTC); tuned on since (the tone and story models were
    # refitted with it: the story threshold rose from 0.80 to 0.84, trading recall on train3, train8 and test4). As it
    # was retired: tone 0.906 / 0.950 / 0.924, councils 0.975 / 0.985, stories 0.891 / 0.639, relevance 0.976 / 0.988.
    ("councils", "test6"): (0.99, 0.99), ("relevance", "test6"): (0.98, 0.98),
    # Stories round eleven (two councils each named by its headline, two services inspected, a contest won and lost, a
    # matter halted and resumed, one council's two matters sharing only its name; tests/data/stories/README.md): the
    # shipped model, seen, test6 0.905 / 0.597 → 0.957 / 0.696, train8 0.948 / 0.753 → 0.959 / 0.795, train7 0.983 /
    # 0.780 → 0.992 / 0.813, test4 0.986 / 0.720 → 0.987 / 0.770; train3 0.966 / 0.706 → 0.953 / 0.762.
    ("stories", "test6"): (0.93, 0.66),
    # test7, held out until test8 was written (7 Dec 2026, 00:20 UTC); tuned on since (the tone and story models were
    # refitted with it: the story threshold fell from 0.78 to 0.77). As it was retired: tone 0.946 / 0.992 / 0.976,
    # councils 0.975 / 0.971, stories 0.935 / 0.864, relevance 0.975 / 0.963.
    # councils round twelve (test7 read in full; tests/data/councils/README.md): test7 0.975 / 0.971 → 0.998 / 1.000.
    ("councils", "test7"): (0.99, 0.99),
    # train11, written blind (7 Dec 2026, 01:13 UTC): councils 0.984 / 0.973 as it landed (odd rows 0.982 / 0.965,
    # even 0.986 / 0.981); councils round thirteen (its odd rows read): 0.989 / 0.989 (even rows, never read, as
    # before).
    ("councils", "train11"): (0.98, 0.98), ("stories", "test7"): (0.93, 0.85), ("relevance", "test7"): (0.97, 0.96),
    # Stories train11, written blind (7 Dec 2026, 01:16 UTC): 0.911 / 0.874 scored whole as it landed; after stories
    # round 13 (its odd rows read, its even rows only scored) the shipped model 0.926 / 0.874, left out 0.916 / 0.874.
    # The precision goal raised to 0.965 (bench/story_fit.py) trades recall for precision on every file: train11
    # 0.926 / 0.874 → 0.933 / 0.844, train3 0.927 / 0.794 → 0.952 / 0.750.
    # train12's and train13's blind pairs in the fit raise the threshold (0.74 → 0.77): train11 0.926 / 0.879 → 0.931 /
    # 0.809.
    ("stories", "train11"): (0.92, 0.79),
    # train12, written blind (7 Dec 2026, 01:40 UTC): councils 0.991 / 0.949 as it landed (odd rows 0.987 / 0.959,
    # even 0.996 / 0.939); councils round fourteen (its odd rows read): 0.996 / 0.965 (even rows, never read, as
    # before).
    ("councils", "train12"): (0.99, 0.96),
    # train13, written blind (7 Dec 2026, 06:10 UTC): councils 0.987 / 0.912 as it landed; councils round seventeen
    # (its odd rows read): 0.987 / 0.942 (even rows, never read, 0.982 / 0.914 → 0.982 / 0.918).
    ("councils", "train13"): (0.98, 0.93),
    # train14, written blind (7 Dec 2026, 06:30 UTC): councils 0.923 / 0.891 as it landed; councils round eighteen
    # (its odd rows read): 0.964 / 0.926 (even rows, never read, 0.917 / 0.884 → 0.925 / 0.884).
    ("councils", "train14"): (0.95, 0.91),
    # test8, held out until test9 was written (7 Dec 2026, 03:10 UTC); tuned on since (the tone and story models were
    # refitted with it: the story threshold rose from 0.77 to 0.78). As it was retired: tone 0.902 / 0.966 / 0.928,
    # councils 0.982 / 0.954, stories 0.953 / 0.819 (the refitted model, seen: 0.959 / 0.814), relevance 0.961 / 0.925.
    # councils round fifteen (test8's odd rows read; tests/data/councils/README.md): test8 0.982 / 0.954 → 0.992 /
    # 0.980 (even rows, never read, 0.984 / 0.953 → 0.984 / 0.958), train11 0.991 / 0.989 → 0.991 / 0.995.
    ("councils", "test8"): (0.98, 0.97), ("stories", "test8"): (0.94, 0.76), ("relevance", "test8"): (0.95, 0.92),
    # Stories train12 (771 pairs), written blind (7 Dec 2026, 04:06 UTC) by four writers on four sets of topics, mostly
    # hard different pairs; scored whole as it landed, before anyone read it: 0.909 / 0.868. In the fit since (the story
    # model, seen: 0.923 / 0.850); its odd rows may be read, its even rows only scored (bench/story_cv.py HELD_BACK).
    # Round fifteen (one headline's event told by the other item within 12 h is no veto): seen 0.931 / 0.852.
    ("stories", "train12"): (0.92, 0.84),
    # Stories train13 (729 pairs), written blind (7 Dec 2026, 04:15 UTC) by four more writers (regional style only;
    # trade press and national bodies; half the same pairs sharing at most a word and the different pairs one council's
    # week; combined authorities, devolved nations and neighbours); scored whole as it landed, before anyone read it:
    # 0.928 / 0.823. In the fit since (seen: 0.930 / 0.810); odd rows may be read, even rows only scored.
    # Round fifteen: seen 0.931 / 0.815. Round sixteen (a closure beside something new): seen 0.936 / 0.812.
    ("stories", "train13"): (0.92, 0.77),
    # Stories on 7 Dec 2026 (morning): test9 retired (test10 written first); train14 and train15 (1,589 pairs written
    # blind at 05:50 UTC, harder than any earlier file: 0.899 / 0.763 and 0.880 / 0.718 as they landed) in the fit,
    # and the model weighs the pair's general words and its meaning without names (bench/results/stories-terms16.md).
    # The threshold that keeps pooled left-out precision at 0.96 rose 0.77 → 0.80; after stories rounds sixteen to
    # eighteen, seen, as shipped: test 0.929, test8 0.994 / 0.789, train13 0.953 / 0.799, test9 0.973 / 0.757, train14
    # 0.957 / 0.791, train15 0.953 / 0.765 (odd rows may be read, even rows only scored). Floors set before the rounds.
    ("stories", "test9"): (0.94, 0.70), ("stories", "train14"): (0.94, 0.72), ("stories", "train15"): (0.92, 0.70),
    # Stories train16 (595 pairs) and train17 (599), written blind (7 Dec 2026, morning): 0.946 / 0.714 and 0.940 /
    # 0.627 as they landed; odd rows may be read, even rows only scored. Stories round eighteen (a rounded figure, a
    # scheme's value beside its homes, an appeal's two sides; refitted): seen 0.967 / 0.785 → 0.972 / 0.822 and
    # 0.963 / 0.690 → 0.963 / 0.697.
    # Stories round nineteen (bodies described, passing councils, same-way turns and verdicts; refitted): seen,
    # train17 0.963 / 0.690 → 0.964 / 0.723.
    ("stories", "train16"): (0.95, 0.80), ("stories", "train17"): (0.94, 0.70),
    # Stories train18 (792 pairs, four writers on four sets of topics and regions) and councils train15 (592 headlines,
    # two writers), written blind (7 Dec 2026, 07:45 UTC): stories 0.948 / 0.694 and councils 0.990 / 0.970 as they
    # landed, before anyone read them; odd rows may be read, even rows only scored. Councils round nineteen (its odd
    # rows read): train15 0.990 / 0.970 → 1.000 / 0.985 (even rows, never read, 1.000 / 0.970 as before). Stories
    # round nineteen (its odd rows read): seen 0.959 / 0.709 → 0.955 / 0.752.
    ("stories", "train18"): (0.93, 0.72), ("councils", "train15"): (0.99, 0.98),
    # Stories train19 (794 pairs, four writers told to make pairs hard both ways: rewrites sharing few words, other
    # stories sharing many), written blind (7 Dec 2026, 10:50 UTC): 0.847 / 0.572 as it landed, before anyone read it
    # (writers 0.929 / 0.650, 0.823 / 0.650, 0.745 / 0.427, 0.875 / 0.554); odd rows may be read, even rows only
    # scored. In the fit: seen 0.919 / 0.569.
    ("stories", "train19"): (0.90, 0.55),
    # Councils train16 (579 headlines, two writers told to make them hard but fair: towns and neighbourhoods for their
    # councils, town and parish councils, Northern Ireland's other bodies, Welsh names), written blind (7 Dec 2026,
    # 11:15 UTC): 0.989 / 0.948 as it landed, before anyone read it (writers 0.978 / 0.948 and 1.000 / 0.947); odd
    # rows may be read, even rows only scored. Councils round twenty-one (its odd rows read): 0.989 / 0.976 (even
    # rows, never read, 0.991 / 0.962 → 0.991 / 0.970).
    ("councils", "train16"): (0.98, 0.97),
    # Councils train17 (587 headlines, two writers told to write a natural week's mix), written blind (7 Dec 2026,
    # 13:35 UTC): 0.984 / 0.925 as it landed, before anyone read it; odd rows may be read, even rows only scored.
    # Councils round twenty-two (its odd rows read): 0.995 / 0.946 (even rows, never read, 0.986 / 0.923 → 0.993 /
    # 0.935). Round twenty-three (train17's and train18's odd rows read): 0.997 / 0.963 (even rows 0.993 / 0.948).
    ("councils", "train17"): (0.99, 0.95),
    # Councils train18 (584 headlines, train17's brief), written blind (7 Dec 2026, 13:55 UTC): 0.991 / 0.964 as it
    # landed (after round twenty-two), before anyone read it; odd rows may be read, even rows only scored.
    # Councils round twenty-three (its odd rows read): 0.993 / 0.979 (even rows, never read, 0.985 / 0.961 → 0.986 /
    # 0.965).
    ("councils", "train18"): (0.99, 0.97),
    # Councils train19 (479 headlines, train17's brief), written blind (7 Dec 2026, 14:55 UTC): 0.993 / 0.943 as it
    # landed (after round twenty-three), before anyone read it; odd rows may be read, even rows only scored. Round
    # twenty-four (its odd rows read): 0.995 / 0.954 (even rows, never read, 1.000 / 0.935 → 1.000 / 0.939).
    ("councils", "train19"): (0.99, 0.95),
    # Councils train20 (622 headlines, train17's brief), written blind (7 Dec 2026, 16:10 UTC): 0.983 / 0.954 as it
    # landed (after round twenty-four), before anyone read it (odd rows 0.983 / 0.957, even rows 0.983 / 0.950); odd
    # rows may be read, even rows only scored. Round twenty-five (its odd rows read): 0.990 / 0.973 (even rows, never
    # read, 0.983 / 0.950 → 0.983 / 0.953).
    ("councils", "train20"): (0.98, 0.96),
    # Councils train21 (629 headlines, train17's brief, one late-January week and one early-summer week), written
    # blind (7 Dec 2026, 16:30 UTC): 0.993 / 0.959 as it landed (after round twenty-four), before anyone read it (odd
    # rows 0.993 / 0.965, even rows 0.994 / 0.954); odd rows may be read, even rows only scored. Round twenty-six
    # (its odd rows read): 0.994 / 0.962 → 0.998 / 0.976 (even rows, never read, 0.994 / 0.954 → 0.997 / 0.957).
    ("councils", "train21"): (0.99, 0.97),
    # Councils train22 (634 headlines, train17's brief in local papers' everyday voice: "town hall bosses", nicknames,
    # questions), written blind (7 Dec 2026, 16:55 UTC): 0.990 / 0.952 as it landed (after round twenty-six), before
    # anyone read it (odd rows 0.989 / 0.953, even rows 0.990 / 0.950); odd rows may be read, even rows only scored.
    # Round twenty-seven (its odd rows read): 0.990 / 0.952 → 0.995 / 0.967 (even rows, never read, 0.990 / 0.950 →
    # 0.990 / 0.954).
    ("councils", "train22"): (0.99, 0.96),
    # Councils train23 (619 headlines, train17's brief: an autumn week of trade press and regional papers in England;
    # a spring week weighted to coasts, islands, small unitaries, Wales, Scotland and Northern Ireland), written blind
    # (7 Dec 2026, 17:40 UTC): 1.000 / 0.954 as it landed (after round twenty-seven), before anyone read it (odd rows
    # 1.000 / 0.949, even rows 1.000 / 0.960); odd rows may be read, even rows only scored. Round twenty-eight (its
    # odd rows read): 1.000 / 0.954 → 1.000 / 0.966 (even rows, never read, 285 / 0 / 12 as before).
    ("councils", "train23"): (0.99, 0.95),
    # Councils train25 (654 headlines, written blind on 7 Dec 2026, 19:30 UTC, by two writers told to write a natural
    # week weighted to councils named without "council": their halls, leaders, mayors, depots, markets, lidos,
    # festivals and libraries by name; a stormy February in the North and Midlands, a hot July in the South, London
    # and the East): 0.980 / 0.841 as it landed (odd rows 0.974 / 0.847, even rows 0.985 / 0.836); odd rows may be
    # read, even rows only scored. Two rounds on its odd rows (councils by their people and bodies, and by what they
    # run): 0.980 / 0.841 → 0.990 / 0.953 (even rows, never read, 0.985 / 0.836 → 0.987 / 0.916).
    ("councils", "train25"): (0.98, 0.94),
    # Councils train26 (641 headlines, written blind on 7 Dec 2026, 21:45 UTC, by two writers told to write a natural
    # week: one weighted to shire England, its districts, counties and new unitaries named by their towns; one to
    # cities, metropolitan and London boroughs, combined authorities and Scotland, Wales and Northern Ireland):
    # 0.993 / 0.963 as it landed (odd rows 0.993 / 0.949, even rows 0.993 / 0.977); odd rows may be read, even rows
    # only scored. Round thirty (its odd rows read): 0.993 / 0.963 → 0.997 / 0.973 (even rows, never read, unchanged).
    ("councils", "train26"): (0.99, 0.96),
    # Councils train27 (644 headlines, written blind on 8 Dec 2026, 00:20 UTC, by two writers told to write a natural
    # week: one of trade press and regional dailies across the UK, one of local weeklies and online local news):
    # 0.979 / 0.942 as it landed (odd rows 0.975 / 0.942, even rows 0.983 / 0.942); odd rows may be read, even rows
    # only scored. Round thirty-one (its odd rows read): 0.979 / 0.942 → 0.983 / 0.955 (even rows, never read, unchanged).
    ("councils", "train27"): (0.97, 0.94),
}

# relevance round fifteen (a council's building as a venue, a council home as an address, incidents and outbreaks
# beside a place are not council news; "the authority", commissioners, an ombudsman, a venue's licence, polling
# staff are; tests/data/relevance/README.md): test4 0.988 / 1.000 → 1.000 / 1.000, test7 0.975 / 0.963 → 1.000 /
# 1.000, test8 0.961 / 0.925 → 1.000 / 0.975, train3 0.993 / 0.987 → 1.000 / 0.987, every other file as it was
# (all tuned on). Raised here, apart from the lines other kinds share, a little under what each file reaches.
SOURCE_FLOORS.update({
    ("relevance", "test3"): (0.98, 0.97), ("relevance", "test4"): (0.98, 0.98), ("relevance", "test7"): (0.98, 0.98),
    ("relevance", "test8"): (0.98, 0.96), ("relevance", "train3"): (0.98, 0.97),
})

# test9, held out until test10 was written (7 Dec 2026, 06:00 UTC); tuned on since. Councils round sixteen (its odd
# rows read, its even rows only scored; tests/data/councils/README.md): 0.982 / 0.973 → 0.993 / 0.988 (even rows
# 0.980 / 0.980 → 0.985 / 0.980); relevance round sixteen (read in full): 0.974 / 0.950 → 1.000 / 1.000.
SOURCE_FLOORS.update({("councils", "test9"): (0.98, 0.98), ("relevance", "test9"): (0.98, 0.98)})


@dataclass(frozen=True)
class Source:
    """One labelled file of one kind."""

    kind: str
    name: str
    path: Path


def sources(extra: Path | None = None) -> list[Source]:
    """Every labelled file of the three kinds, in `tests/data` and (as `<kind>.csv`) in `extra`."""
    found = []
    for kind in KINDS:
        for path in sorted((DATA_DIR / kind).glob("*.csv")):
            found.append(Source(kind, path.stem, path))
        if kind == "councils" and (DATA_DIR / "council_headlines.csv").exists():
            found.append(Source(kind, "council_headlines", DATA_DIR / "council_headlines.csv"))
        if extra is not None and (extra / f"{kind}.csv").exists():
            found.append(Source(kind, f"{extra.name}/{kind}.csv", extra / f"{kind}.csv"))
    return found


def council_rows(rows: list[dict]) -> list[CouncilExample]:
    """Council examples from CSV rows (`headline,councils`, codes `;`-separated)."""
    return [CouncilExample(r["headline"], frozenset(c.strip() for c in (r["councils"] or "").split(";") if c.strip()))
            for r in rows]


def pair_rows(rows: list[dict]) -> list[PairExample]:
    """Story pairs from CSV rows (`title_a,summary_a,title_b,summary_b,hours_apart,same`)."""
    return [PairExample(r["title_a"], r["summary_a"] or "", r["title_b"], r["summary_b"] or "",
                        float(r["hours_apart"] or 0), r["same"].strip() == "1") for r in rows]


def relevance_rows(rows: list[dict]) -> list[RelevanceExample]:
    """Relevance examples from CSV rows (`headline,ours`)."""
    return [RelevanceExample(r["headline"], r["ours"].strip() == "1") for r in rows]


def score_source(source: Source, find: Callable[[str], list[str]]) -> MatchReport:
    """Herald's judgement of one kind on one file."""
    rows = _rows(source.path)
    if source.kind == "councils":
        return evaluate_councils(council_rows(rows), find)
    if source.kind == "stories":
        return evaluate_pairs(pair_rows(rows), herald_same_story(find))
    return evaluate_relevance(relevance_rows(rows), herald_keeps(find))


def score_all(extra: Path | None = None) -> list[tuple[Source, MatchReport]]:
    """Every source scored, councils first."""
    find = herald_council_finder()
    return [(source, score_source(source, find)) for source in sources(extra)]


def sources_table(scored: list[tuple[Source, MatchReport]]) -> str:
    """One line per source file, as Markdown."""
    lines = ["### Councils, stories and relevance on each labelled file", "",
             "| judgement | file | n | precision | recall | true pos. | false pos. | false neg. |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for source, report in scored:
        lines.append(f"| {source.kind} | {source.name} | {report.n} | {report.precision:.3f} | {report.recall:.3f} | "
                     f"{report.true_positives} | {report.false_positives} | {report.false_negatives} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the per-source table (and every miss, with `--misses`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality_sources", description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, help="a directory of councils.csv, stories.csv, relevance.csv to score too")
    parser.add_argument("--misses", action="store_true", help="list every wrong judgement, by file")
    parser.add_argument("--only", help="score only files whose name contains this")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    scored = [(s, r) for s, r in score_all(args.extra) if not args.only or args.only in s.name]
    print(sources_table(scored))
    if args.misses:
        for source, report in scored:
            print(f"\n#### {source.kind} misses in {source.name}")
            print("\n".join(f"- {miss}" for miss in report.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
