"""The quarterly board update on the demo data: `flask digest board` writes a .docx python-docx
re-opens with seed 004's headings and Q1 2023/24's figures; Markdown too; `/digest board` in chat."""
from __future__ import annotations

from docx import Document

from handlers.context import Actor
from models.demo import load_demo

SEED_004_HEADINGS = [
    "Summary", "Recommendations", "Background", "Update on Q1 activity", "Launch of sector support offer",
    "Media relations", "Campaigns", "New ways of sharing good practice", "Events", "Public affairs",
    "Communications support and improvement",
    "Implications for Wales", "Financial Implications", "Equalities implications", "Next steps",
]


def _demo(herald):
    with herald.session() as session:
        load_demo(session, herald.clock.now(), herald.settings.tz)


def test_board_cli_writes_a_docx_with_the_seed_headings_and_the_quarters_figures(app, herald, tmp_path):
    _demo(herald)
    target = tmp_path / "q1.docx"
    result = app.test_cli_runner().invoke(args=["digest", "board", "--quarter", "Q1 2023/24", "--format", "docx",
                                                "--output", str(target)])
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == SEED_004_HEADINGS
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Cross-improvement Communications Strategy: Q1 update" in text
    assert "page views 2,200" in text and "unique visitors 850" in text
    assert "Coverage items: 8 (3 positive, 4 neutral, 1 negative)." in text
    assert "Press activity: 2 interview, 2 press release, 1 exclusive, 1 podcast, 1 response, 1 statement." in text
    assert "[To write:" in text
    assert len(document.inline_shapes) == 1  # the coverage chart


def test_board_markdown_and_bad_quarters(app, herald, tmp_path):
    _demo(herald)
    runner = app.test_cli_runner()
    target = tmp_path / "q1.md"
    result = runner.invoke(args=["digest", "board", "--quarter", "Q1 2023/24", "--format", "md", "--output", str(target)])
    assert result.exit_code == 0
    markdown = target.read_text()
    assert "### Media relations" in markdown and "- Coverage items: 8" in markdown
    bad = runner.invoke(args=["digest", "board", "--quarter", "June 2023"])
    assert bad.exit_code == 2 and "quarter" in bad.output


def test_board_in_chat_returns_the_docx(herald):
    _demo(herald)
    reply, _ = herald.run_command("digest board Q1 2023/24", Actor(user_id="U1", platform="slack"))
    (attachment,) = reply.attachments
    assert attachment.filename == "board-update-Q1-2023-24.docx" and attachment.content[:2] == b"PK"
    reply, _ = herald.run_command("digest board last month", Actor(user_id="U1", platform="slack"))
    assert reply.is_error and "/digest board Q1 2023/24" in str(reply)
