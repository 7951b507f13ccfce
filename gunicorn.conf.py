"""gunicorn's settings beyond the Procfile's command line (gunicorn reads this file from the directory it starts in).

Each worker reads the judgement models once it has loaded the app and before it accepts a connection
(`feeds.warmup`), so no request waits for them. A worker that cannot (say, the database is briefly away) starts
anyway and loads them on first use, as before.
"""


def post_worker_init(worker) -> None:
    """Warm the judgement models in this worker (see the module's docstring)."""
    herald = getattr(worker.wsgi, "extensions", {}).get("herald")
    if herald is None:  # not Herald's app (the benchmarks' bare-Bolt floor)
        return
    from feeds.warmup import warm_judgements

    try:
        with herald.reading() as session:
            seconds = warm_judgements(session)
    except Exception:  # noqa: BLE001 - warming is an optimisation; the first request loads what is missing
        worker.log.exception("judgement models not loaded ahead; they load on first use")
    else:
        worker.log.info("judgement models loaded in %.1f s", seconds)
