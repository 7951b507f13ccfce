"""`/programme update`: managers and admins rate a programme; history kept, audited, changes announced."""
from sqlalchemy import select

from bot.plaintext import render_text
from handlers.context import Actor, Notice
from models.audit import AuditEntry
from models.demo import load_demo
from models.programme import Programme, RagRating
from tests.programme_data import add_programmes

MANAGER = Actor(user_id="U0MANAGER", name="Pat Manager", platform="slack", workspace="T1")
STRANGER = Actor(user_id="U0OTHER", name="Sam Other", platform="slack", workspace="T1")


def demo_app(make_app, url, **settings):
    app = make_app(url, **settings)
    herald = app.extensions["herald"]
    with herald.session() as session:
        load_demo(session, herald.clock.now(), herald.settings.tz)
        lg_inform = session.scalar(select(Programme).where(Programme.name == "LG Inform"))
        lg_inform.manager_user_ids = [MANAGER.user_id]
    return herald


def test_a_manager_changes_the_rating_history_is_kept_audited_and_announced(make_app, database_url):
    herald = demo_app(make_app, database_url, HERALD_PROGRAMME_CHANNEL="C0PROGRAMMES")
    reply, ctx = herald.run_command(
        '/programme update "LG Inform" red "Prototype Plus procurement has slipped" review:"Nov 2026 review"', MANAGER)
    assert reply.title == "LG Inform: Amber → Red" and not reply.is_error
    assert ctx.notices == [Notice(destination="C0PROGRAMMES", text="LG Inform: Amber → Red (Nov 2026 review), "
                                  "by Pat Manager: Prototype Plus procurement has slipped")]
    with herald.session() as session:
        history = session.scalars(select(RagRating).join(Programme).where(Programme.name == "LG Inform")
                                  .order_by(RagRating.rated_at)).all()
        assert [(r.rating, r.review) for r in history] == [
            ("amber", "March 2011 review"), ("amber", "Oct 2011 review"), ("red", "Nov 2026 review")]
        assert (history[-1].rated_by, history[-1].platform, history[-1].rated_at) == (
            "Pat Manager", "slack", herald.clock.now())
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "programme.rate")).one()
        assert (audit.actor, audit.workspace, audit.detail["previous"], audit.detail["rating"]) == (
            "U0MANAGER", "T1", "amber", "red")
    board, _ = herald.run_command("programme", STRANGER)
    item = next(i for s in board.sections for i in s.items if i.title == "LG Inform")
    assert item.marker == "red" and item.meta[0] == "Red ▼ from Amber" and len(item.meta) == 2  # fresh: not stale
    same, ctx = herald.run_command('programme update LG Inform red still waiting on the supplier', MANAGER)
    assert same.title == "LG Inform: still Red" and ctx.notices == []


def test_only_managers_and_admins_may_rate_and_nothing_changes_otherwise(make_app, database_url):
    herald = demo_app(make_app, database_url)
    reply, ctx = herald.run_command('programme update "LG Inform" green "All done"', STRANGER)
    assert reply.title == "Not allowed" and "Only admins or programme managers can rate a programme" in render_text(reply)
    admin = Actor(user_id="U0ADMIN", name="Ada Admin", platform="teams", is_admin=True)
    reply, ctx = herald.run_command('programme update "Knowledge Hub" amber/green "Usage dipped"', admin)
    assert reply.title == "Knowledge Hub: Green → Amber/Green"
    assert ctx.notices == []  # no programme channel configured
    with herald.session() as session:
        assert session.scalar(select(RagRating).where(RagRating.comment == "All done")) is None


def test_bad_updates_say_how(make_app, sqlite_url):
    herald = demo_app(make_app, sqlite_url)
    for command, message in [
        ('programme update "LG Inform" purple "x"', "Give the programme, then red, amber or green"),
        ('programme update "LG Inform" red', "Say why: add a comment"),
        ('programme update', "Give the programme"),
        ('programme update "LG Inform" red "why" review:', "review: needs a name"),
        ('programme update "Nothing Like It" red "why"', "I don't know a programme"),
    ]:
        reply, _ = herald.run_command(command, MANAGER)
        text = render_text(reply)
        assert reply.is_error and message in text, command
    reply, _ = herald.run_command('programme update "LG Inform" purple "x"', MANAGER)
    assert '/programme update "LG Inform" amber' in render_text(reply)  # the example


def test_stale_age_is_configurable(make_app, sqlite_url):
    herald = demo_app(make_app, sqlite_url, HERALD_RAG_STALE_DAYS=365 * 100)
    reply, _ = herald.run_command("programme", STRANGER)
    assert all("stale" not in " ".join(i.meta) for s in reply.sections for i in s.items)
    assert reply.sections[0].facts[-1].value == "0"


def test_a_large_board_pages_and_counts_every_programme(make_app, sqlite_url):
    herald = demo_app(make_app, sqlite_url)
    with herald.session() as session:
        add_programmes(session, 40, herald.clock.now())
    first, _ = herald.run_command("programme", STRANGER)
    assert first.title == "Programme board: 55 programmes" and first.next_page == "/programme page:2"
    assert sum(len(s.items) for s in first.sections) == 30
    assert sum(int(f.value) for f in first.sections[0].facts[:4]) == 55
    second, _ = herald.run_command("programme page:2", STRANGER)
    assert second.next_page is None
    titles = [i.title for reply in (first, second) for s in reply.sections for i in s.items]
    assert len(titles) == len(set(titles)) == 55
    assert [s.heading for s in second.sections[1:]] == [f"Outcome {n}" for n in range(2, 7)]  # not repeated
