"""Import peer challenge records from CSV: a council per row, its kind, team, report link and stage
dates. Every row is read first, each bad row reported by its line number and the rest imported;
importing the same file again updates the challenges already held instead of adding duplicates."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.council import resolve_council
from models.peer_challenge import (CHANGE_OF_CONTROL_DAYS, STAGES, PeerChallenge, PeerChallengeStage, StageError,
                                   challenges_of, current_stage, parse_kind, parse_stage)
from models.periods import PeriodError, parse_day
from models.plan_import import ImportReport, PlanFileError, RowError, cell_text, header_key, read_rows

@dataclass
class ChallengeColumns:
    """Which column holds what in a peer challenge CSV."""

    council: int
    kind: int | None = None
    lead: int | None = None
    team: int | None = None
    report: int | None = None
    notes: int | None = None
    days: int | None = None
    stages: dict[str, int] = field(default_factory=dict)


def challenge_columns(header: list[str]) -> ChallengeColumns | None:
    keys = [header_key(h) for h in header]
    council = next((i for i, k in enumerate(keys) if k in ("council", "authority", "local authority", "council name",
                                                             "local authority code", "code")), None)
    if council is None:
        return None
    cols = ChallengeColumns(council=council)
    for i, k in enumerate(keys):
        if i == council:
            continue
        if (stage := _stage_header(k)) is not None:
            cols.stages[stage] = i
        elif k in ("kind", "type", "challenge", "kind of challenge"):
            cols.kind = i
        elif "lead" in k:
            cols.lead = i
        elif k in ("team", "peers", "peer team"):
            cols.team = i
        elif "report" in k and ("link" in k or "url" in k):
            cols.report = i
        elif k in ("notes", "note", "comments"):
            cols.notes = i
        elif "days" in k:
            cols.days = i
    return cols if cols.stages else None


def _stage_header(key: str) -> str | None:
    """The stage a column is named for ("On-site", "Report published"), if any."""
    try:
        return parse_stage(key)
    except StageError:
        return None


def import_challenges(session: Session, text: str, actor: ActorLike, now: datetime,
                      today: date) -> ImportReport:
    """Create or update each council's challenge from a CSV with one date column per stage."""
    rows = read_rows(text)
    header_at, cols = next(((i, c) for i, row in enumerate(rows) if (c := challenge_columns(row))), (None, None))
    if cols is None:
        raise PlanFileError("No header row found: the file needs a 'Council' column and at least one stage column ("
                           + ", ".join(STAGES) + ").")
    report = ImportReport()
    for line, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(row):
            continue
        try:
            _import_challenge_row(session, row, cols, actor, now, today, report)
        except (StageError, PeriodError, ValueError) as exc:
            report.errors.append(RowError(line, str(exc)))
    record_audit(session, at=now, actor=actor, action="peer_challenge.import", entity="peer_challenge",
                 detail={"created": report.created, "updated": report.updated, "errors": len(report.errors)})
    session.flush()
    return report


def _import_challenge_row(session: Session, row: list[str], cols: ChallengeColumns, actor: ActorLike,
                          now: datetime, today: date, report: ImportReport) -> None:
    name = cell_text(row, cols.council)
    resolution = resolve_council(session, name) if name else None
    if resolution is not None and resolution.council is None and resolution.abolished is not None:
        raise ValueError(resolution.note)
    if resolution is None or resolution.council is None:
        hint = f" (did you mean {', '.join(resolution.suggestions)}?)" if resolution and resolution.suggestions else ""
        raise ValueError(f"unknown council {name[:60]!r}{hint}" if name else "no council named")
    kind = parse_kind(cell_text(row, cols.kind)) if cell_text(row, cols.kind) else "corporate"
    dates = {stage: parse_day(cell_text(row, i), today) for stage, i in cols.stages.items() if cell_text(row, i)}
    if not dates:
        raise ValueError("no stage dates on this row")
    if len(cell_text(row, cols.lead)) > 200 or len(cell_text(row, cols.report)) > 2000:
        raise ValueError("lead peer (200 characters) or report link (2000) is too long")
    days = cell_text(row, cols.days)
    if days and not days.isdigit():
        raise ValueError(f"days used {days[:10]!r} is not a whole number")
    code = resolution.council.code
    challenge = _matching_challenge(session, code, kind, dates.get("offered"))
    created = challenge is None
    if created:
        challenge = PeerChallenge(council_code=code, kind=kind, created_at=now, updated_at=now, stages=[],
                                  days_allowed=CHANGE_OF_CONTROL_DAYS if kind == "change of control" else None)
        session.add(challenge)
    changed = _merge_stages(challenge, dates, actor, now)
    for attr, value in (("lead_peer", cell_text(row, cols.lead)), ("team", cell_text(row, cols.team)),
                        ("report_url", cell_text(row, cols.report)), ("notes", cell_text(row, cols.notes)),
                        ("days_used", int(days) if days else None)):
        if value not in ("", None) and getattr(challenge, attr) != value:
            setattr(challenge, attr, value)
            changed = True
    latest = current_stage(challenge.stages)
    challenge.stage, challenge.stage_on = latest.stage, latest.occurred_on
    if changed and not created:
        challenge.updated_at = now
    if created:
        report.created += 1
    elif changed:
        report.updated += 1
    else:
        report.unchanged += 1
    session.flush()


def _matching_challenge(session: Session, code: str, kind: str, offered: date | None) -> PeerChallenge | None:
    """The council's challenge this row describes: same kind, and the same offer date when both have one."""
    for challenge in challenges_of(session, code):
        if challenge.kind != kind:
            continue
        had = next((s.occurred_on for s in challenge.stages if s.stage == "offered"), None)
        if offered is None or had is None or had == offered:
            return challenge
    return None


def _merge_stages(challenge: PeerChallenge, dates: dict[str, date], actor: ActorLike, now: datetime) -> bool:
    changed = False
    for stage, on in dates.items():
        existing = [s for s in challenge.stages if s.stage == stage]
        if any(s.occurred_on == on for s in existing):
            continue
        if existing:
            existing[-1].occurred_on = on
        else:
            challenge.stages.append(PeerChallengeStage(
                stage=stage, occurred_on=on, recorded_by=(actor.name or actor.user_id)[:100], recorded_at=now))
        changed = True
    return changed
