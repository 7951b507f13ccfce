"""A gunicorn worker reads the judgement models before its first request (`gunicorn.conf.py`, `feeds.warmup`)."""
from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import SimpleNamespace

from flask import Flask

from feeds import councils
from feeds.warmup import warm_judgements
from models import sentence_meaning, story_meaning

ROOT = Path(__file__).resolve().parent.parent


def _gunicorn_conf():
    spec = importlib.util.spec_from_file_location("herald_gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cold() -> None:
    """As a freshly forked worker: no encoder, no vectors, no council matcher."""
    sentence_meaning._encoder.cache_clear()
    sentence_meaning.forget_sentences()
    story_meaning._model.cache_clear()
    story_meaning.vector.cache_clear()
    councils._CACHE.clear()


def test_a_worker_loads_every_judgement_model_before_its_first_request(app, caplog):
    _cold()
    worker = SimpleNamespace(wsgi=app, log=logging.getLogger("gunicorn.error"))
    with caplog.at_level(logging.INFO, logger="gunicorn.error"):
        _gunicorn_conf().post_worker_init(worker)
    assert sentence_meaning._encoder.cache_info().currsize == 1
    assert story_meaning._model.cache_info().currsize == 1
    assert len(councils._CACHE) == 1
    assert any("judgement models loaded in" in r.getMessage() for r in caplog.records)


def test_a_worker_whose_warm_up_fails_still_starts_and_says_so(app, caplog, monkeypatch):
    """Warming is an optimisation: the database away for a moment must not stop the worker."""
    def unavailable():
        raise RuntimeError("database away")

    monkeypatch.setattr(app.extensions["herald"], "reading", unavailable)
    worker = SimpleNamespace(wsgi=app, log=logging.getLogger("gunicorn.error"))
    with caplog.at_level(logging.INFO, logger="gunicorn.error"):
        _gunicorn_conf().post_worker_init(worker)
    assert any("load on first use" in r.getMessage() for r in caplog.records)


def test_another_app_under_the_same_settings_is_left_alone():
    """The benchmarks serve a bare Bolt app through the same gunicorn settings."""
    worker = SimpleNamespace(wsgi=Flask("bare"), log=logging.getLogger("gunicorn.error"))
    _gunicorn_conf().post_worker_init(worker)


def test_warming_stores_nothing(herald):
    from sqlalchemy import func, select

    from models.coverage import CoverageItem, Story
    with herald.reading() as session:
        before = (session.scalar(select(func.count(CoverageItem.id))), session.scalar(select(func.count(Story.id))))
        assert warm_judgements(session) > 0
    with herald.reading() as session:
        assert (session.scalar(select(func.count(CoverageItem.id))),
                session.scalar(select(func.count(Story.id)))) == before
