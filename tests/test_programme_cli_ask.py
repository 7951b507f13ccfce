"""The issue's bars through the command line: `flask --app app ask …` on a fresh demo."""
pytest_plugins = ("tests.programme_fixtures",)  # demo_herald: one shared demo database


def ask(app, words):
    with app.app_context():  # `flask` pushes one for every command; the test runner does not
        return app.test_cli_runner().invoke(args=["ask", words])


def test_the_seed_facts_answer_through_ask(make_app, shared_url, demo_herald):
    app = make_app(shared_url)
    lg = ask(app, "programme LG Inform")
    assert lg.exit_code == 0
    assert "Launch of LG Inform as benchmarking tool for sector." in lg.output
    assert "Prototype launched in June 2011; development ongoing" in lg.output
    assert "[A] Oct 2011 review" in lg.output and "[A] March 2011 review" in lg.output
    thurrock = ask(app, "peer-challenge Thurrock")
    assert thurrock.exit_code == 0 and "Thurrock: corporate report published (1 Nov 2011)" in thurrock.output
    board = ask(app, "programme")
    assert board.exit_code == 0 and board.output.count("• [") == 15
    assert "Programme board: 15 programmes" in board.output
    unknown = ask(app, "peer-challenge Atlantis")
    assert unknown.exit_code == 1 and "I don't know a council called 'Atlantis'" in unknown.output
