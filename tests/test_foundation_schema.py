"""The schema: migrations apply on both databases, agree with the models, and guard start-up."""
import pytest
from sqlalchemy import func, select

from config import ConfigError
from models.council import Council, CouncilName
from models.db import make_engine
from models.migrate import SchemaBehind, check_models_match, ensure_current


def test_models_and_migrations_agree(database_url):
    engine = make_engine(database_url)
    try:
        check_models_match(engine)  # raises if a model change has no migration
        ensure_current(engine)
    finally:
        engine.dispose()


def test_councils_loaded_with_their_names(session):
    assert session.scalar(select(func.count()).select_from(Council)) == 470
    thurrock = session.get(Council, "THR")
    assert thurrock.official_name == "Thurrock Council" and thurrock.current
    names = set(session.scalars(select(CouncilName.normalized).where(CouncilName.council_code == "WOI")))
    assert {"woking", "woking borough council"} <= names
    cumbria = session.get(Council, "CMA")
    assert not cumbria.current and cumbria.successor_codes == ["CBD", "WAF"]


def test_an_empty_database_is_refused_with_the_fix(make_app, tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with pytest.raises(ConfigError) as err:
        make_app(url)
    assert "flask --app app db upgrade" in str(err.value)
    engine = make_engine(url)
    with pytest.raises(SchemaBehind):
        ensure_current(engine)
    engine.dispose()


def test_readyz_reports_a_database_that_is_behind(make_app, tmp_path):
    flask_app = make_app(f"sqlite:///{tmp_path / 'empty.db'}", CHECK_SCHEMA=False)
    response = flask_app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["migrations"] == "behind"
    assert response.get_json()["fix"] == "flask --app app db upgrade"


def test_health_endpoints(app):
    client = app.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ok", "database": "reachable", "migrations": "current"}


def test_unknown_routes_answer_json_with_a_reason(app):
    response = app.test_client().get("/no-such-page")
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"
