"""`flask --app app teams …`: status without secrets, a test card through Workflows, signing a body."""
from tests.fakes.http import Answer, FakeServer
from tests.teams_fixtures import DOC_SECRET, OTHER_SECRET, activity, card_validator, teams_auth


def test_status_test_post_and_sign(make_app, sqlite_url, tmp_path):
    with FakeServer() as flow:
        flow.script("/flow", Answer(202))
        url = f"{flow.url}/flow?sig=HIDDEN"
        app = make_app(sqlite_url, TEAMS_OUTGOING_WEBHOOK_SECRET=f"{DOC_SECRET},comms={OTHER_SECRET}",
                       TEAMS_WORKFLOWS_URL=url)
        runner = app.test_cli_runner()
        status = runner.invoke(args=["teams", "status"])
        assert status.exit_code == 0
        assert "(default): callback /teams/outgoing; Workflows URL on 127.0.0.1" in status.output
        assert "comms: callback /teams/outgoing?team=comms; no Workflows URL" in status.output
        assert "HIDDEN" not in status.output and DOC_SECRET not in status.output

        posted = runner.invoke(args=["teams", "test-post"])
        assert posted.exit_code == 0 and "HIDDEN" not in posted.output
        [request] = flow.received("/flow")
        card = request.json()["attachments"][0]["content"]
        card_validator().validate(card)
        assert "Herald is connected" in request.body.decode() and "Mon 23 Nov 2026 09:00" in request.body.decode()

        missing = runner.invoke(args=["teams", "test-post", "--team", "comms"])
        assert missing.exit_code != 0 and "team 'comms'" in missing.output

    body = tmp_path / "activity.json"
    body.write_bytes(activity("<at>Herald</at> help"))
    signed = runner.invoke(args=["teams", "sign", "--team", "comms", str(body)])
    assert signed.output.strip() == teams_auth(OTHER_SECRET, body.read_bytes())
