"""The words by which the sector's news names each kind of event, for `models.story_events` (which reads them): a
table, kept apart from the reading so that either stays short."""
from __future__ import annotations

# Each kind's words, matched as whole words or phrases (lower case, after "section 114" → "s114").
EVENT_WORDS: dict[str, str] = {
    "s114": "s114|bankrupt|bankruptcy|insolvent|insolvency|go bust|goes bust|gone bust|spending ban|spending freeze",
    "bailout": "exceptional financial support|exceptional support|capitalisation|bailout|bail out|efs|"
               "government help|financial help|emergency funding|lifeline|financial lifeline|budget rescue|"
               "financial rescue|rescue package|rescue deal|permission to borrow|go ahead to borrow|allowed to borrow|"
               "borrowing approved|borrow to balance|borrowing to balance",
    "intervention": "intervention|commissioners|commissioner|oversight|assurance review|assurance panel|"
                    "taskforce|envoys|special measures|improvement board",
    "best value notice": "best value notice|best value notices",
    "resignation": "resigns|resigned|resignation|quits|quit|steps down|stands down|stepping down|ousted|"
                   "sacked|removed as|removed from office|removed from post|leader removed|chief removed|mayor removed|"
                   "councillor removed|chair removed|boss removed|loses chief|leaves for|departs|departure|leaves with|remove leader|"
                   "removes leader|remove their leader|ousts|oust|loses his job|loses her job|loses job|"
                   "leaves post|leaves role|payoff|pay off|pay out|exit package|severance",
    "suspension": "suspended|suspends|suspension|placed on leave|put on leave|stood down pending|"
                  "suspended leader|suspended pending",
    "confidence vote": "no confidence|confidence vote|confidence motion|motion to remove|vote to remove|"
                       "fails to remove|fails to oust|failed to remove|failed to oust|survives|survived|clings on",
    "dismissal": "dismisses|dismissed|dismissal",  # a leader's removal, unless a court dismissed a case
    "appointment": "appoints|appointed|appointment|names new|named new|new leader|new chief executive|"
                   "elects|elected|re elects|re elected|confirmed as|takes over|new mayor|by election|"
                   "by elections",
    "death": "dies|died|death|tributes|tribute|obituary",
    "budget": "budget|budgets|council tax rise|council tax to rise|precept",
    "budget gap": "budget gap|funding gap|budget hole|funding hole|financial hole|shortfall|black hole|overspend|"
                  "overspending|deficit",
    "investigation": "investigation|investigate|investigates|investigated|probe|inquiry|faces questions|"
                     "review finds|review found|review concludes|review concluded",
    "award": "wins|won|crowned|scoops|named council of the year|award winner|winners",
    "shortlist": "shortlisted|shortlist|nominated|finalist|finalists",
    "strike": "strike|strikes|walkout|walkouts|walk out|industrial action|strikers|striking|strike action",
    "strike ballot": "strikeballot",
    "consultation": "consultation|consults|consulting",
    "court": "judicial review|high court|court of appeal|tribunal|legal challenge|legal action|"
             "appeal|appeals|inquest|court|courts|court case|judge|judges|judicial|sues|sued|suing|lawsuit",
    "inspector": "inspector|planning inspector|government inspector|planning inspectorate",  # a court if it decides
    "ruling": "ruling|fined|penalty|penalised|reprimand|reprimands|reprimanded|upheld|upholds|quashed|quashes|lawful|"
              "unlawful|ombudsman|lgsco|finds fault|judgment|judgement|refusalruled",  # models.story_courts.REFUSAL_RULED
    "verdict": "rules|ruled|loses|lose|lost|win|clear way|clears way|cleared|fails|failed|throws out|thrown out|"
               "finds|found|allowed|allows|succeeds|succeeded|successful|defeat|defeats|defeated|loss|losing|victory|"
               "setback|overturned|overturns|overturn|overrules|overruled|overrule|stands|sides with|sided with",
    # (a verdict is a ruling only beside a court's words)
    "none": "flood scheme|flood defence|flood defences|flood risk|fire service|fire station|"
            "ruling group|ruling groups|ruling party|ruling alliance|ruling coalition|ruling administration|ruling bloc|"
            "coalition collapses|alliance collapses|administration collapses|ruling coalition collapses|"
            "ruling alliance collapses|ruling administration collapses",  # no incident, no court's ruling
    "funding": "wins funding|secures funding|awarded funding|funding bid|wins cash|secures cash|wins grant|"
               "secures grant|funding boost|cash boost|funded",
    "approval": "approves|approved|given go ahead|go ahead|green light|greenlight|backs|backed|gets nod",
    "refusal": "refuses|refused|rejects|rejected|turned down|turns down|blocks|blocked|thrown out",
    "audit": "audit|auditor|auditors|public interest report|value for money report",
    "data breach": "data breach|cyber attack|cyberattack|ransomware|hack|hacked|cyber|it attack",
    "settlement": "deal reached|deal agreed|agree deal|agrees deal|accept deal|accepts deal|settlement|"
                  "pay deal|pay offer|settles|settled",
    "opening": "opens|opened|reopens|reopened|officially opened|opens doors|welcomes first",
    "demolition": "demolition|demolished|demolish|bulldozed|bulldoze|razed|knocked down|flattened|pulled down|torn down",
    "scrapping": "scraps|scrapped|scrap|dropped|drops|abandons|abandoned|shelved|shelves|cancels|"
                 "cancelled|ditches|ditched|u turn|uturn|axed|axes|wound up|winds up",
    "inspection": "ofsted|cqc|estyn|inspection|inspections|inspectors|inspected|rated inadequate|rated good|"
                  "rated outstanding|requires improvement|judged inadequate|judged good|judged outstanding|ilacs|"
                  "care quality commission|regulator of social housing|housing regulator|social housing regulator",
    "incident": "fire|blaze|flood|flooding|explosion|collapse|collapses|crash|stabbing|shooting",
    "purchase": "buys|buy|bought|buying|acquires|acquire|acquired|acquisition|purchase|purchases|purchased|"
                "snaps up|snapped up",
    "sale": "sells|sell|sold|selling|sale|sell off|sells off|sold off|up for sale|on the market|disposal|disposes of|"
            "finds buyer|found buyer|finds a buyer|found a buyer",
    "insourcing": "in house|inhouse|insource|insourced|insourcing|takes back|took back|taking back|brings back|"
                  "brought back|back under council control|under council control|"
                  "back in public hands|in public hands|public ownership|public control|council control",
    "reorganisation": "reorganisation|reorganization|lgr|new unitaries|new unitary|unitary councils|split into|"
                      "shadow authority|shadow authorities|shadow councils|shadow council|vesting day",
    "call in": "call in|calls in|called in|calling in",
    "firm collapse": "firm collapse",
    "devolution deal": "devolution deal|devolution agreement|elected mayor|directly elected mayor|mayoral authority",
}
