"""Command line: parse options, call the core, print. Nothing here decides what is true.

Errors from the core arrive as ExporterError and leave as `Error: …` on stderr with exit 1
(usage errors exit 2, click's convention); a traceback only with --debug.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from exporter import __version__, regexes
from exporter.errors import ExporterError

EPILOG_BUILD = """\b
Examples:
  exporter build                       # sources and settings from exporter.yaml
  exporter build blog.txt --tz Asia/Tokyo --out site/
"""
EPILOG_UPDATES = """\b
Examples:
  exporter updates seeds/tokyo-state-visit-liveblog.txt
  exporter updates blog.txt --tz Europe/London --json
"""


class _Group(click.Group):
    """Turns our errors into one-line messages and honours NO_COLOR."""

    def invoke(self, ctx: click.Context) -> Any:
        if "NO_COLOR" in os.environ:
            ctx.color = False
        try:
            return super().invoke(ctx)
        except ExporterError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            _fail(exc.message)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _fail("interrupted")
        except BrokenPipeError:  # `exporter updates … | head`: the reader left, not an error
            sys.stderr.close()
            sys.exit(0)
        except Exception as exc:  # a bug: say so plainly, trace only on request
            if ctx.find_root().params.get("debug"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


def _fail(message: str) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(1)


def _verbosity_options(func: Any) -> Any:
    """-v/-q on every command too, so they work before or after the command name."""

    def set_verbose(ctx: click.Context, _param: Any, value: int) -> None:
        if value:
            ctx.find_root().obj["verbosity"] = max(ctx.find_root().obj["verbosity"], 0) + value

    def set_quiet(ctx: click.Context, _param: Any, value: bool) -> None:
        if value:
            ctx.find_root().obj["verbosity"] = -1

    func = click.option(
        "-v", "--verbose", count=True, expose_value=False, callback=set_verbose, help="Say more."
    )(func)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=set_quiet,
        help="Print nothing but errors.",
    )(func)


def _source_options(func: Any) -> Any:
    """--tz, --year and --date: what a command may be told about its sources when their
    text does not say it, kept for `_config` (as -v/-q are kept for `_say`)."""

    def keep(name: str) -> Any:
        def store(ctx: click.Context, _param: Any, value: Any) -> None:
            if isinstance(value, datetime):
                value = value.date()
            ctx.find_root().obj.setdefault("facts", {})[name] = value

        return store

    func = click.option(
        "--date",
        "day",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        expose_value=False,
        callback=keep("date"),
        help="Day of the updates when the text names none, e.g. 2025-10-29.",
    )(func)
    func = click.option(
        "--year",
        type=click.IntRange(1900, 2200),
        expose_value=False,
        callback=keep("year"),
        help="Year when headers omit it.",
    )(func)
    return click.option(
        "--tz",
        metavar="ZONE",
        expose_value=False,
        callback=keep("tz"),
        help="IANA zone of the stamps, e.g. Asia/Tokyo.",
    )(func)


def _facts(ctx: click.Context) -> dict[str, Any]:
    """The --tz, --year and --date given (None for each one not given)."""
    given = ctx.find_root().obj.get("facts", {})
    return {name: given.get(name) for name in ("tz", "year", "date")}


def _say(ctx: click.Context, message: str, *, level: int = 0, **style: Any) -> None:
    """Print unless --quiet; level 1 messages need --verbose."""
    verbosity = ctx.find_root().obj["verbosity"]
    if verbosity >= level and verbosity >= 0:
        click.secho(message, **style)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="exporter")
@click.option("-v", "--verbose", count=True, help="Say more (repeat for even more).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Config file (default: exporter.yaml when present).",
)
@click.pass_context
def cli(
    ctx: click.Context, verbose: int, quiet: bool, debug: bool, config_path: str | None
) -> None:
    """Turn news live blogs and articles into a calendar and feeds people subscribe to.

    \b
    Examples:
      exporter build                 # everything exporter.yaml describes, into out/
      exporter updates blog.txt      # what the live-blog reader understood
    """
    ctx.ensure_object(dict)
    ctx.obj["verbosity"] = -1 if quiet else verbose
    ctx.obj["config_path"] = config_path


def _config(ctx: click.Context, files: tuple[str, ...]):
    """The config file when no files are given, else a config made from the flags; its
    warnings said, whatever the command."""
    config = _load_config(ctx, files)
    for warning in config.warnings:
        click.secho(f"Warning: {warning}", fg="yellow", err=True)
    return config


def _load_config(ctx: click.Context, files: tuple[str, ...]):
    from exporter import config as cfg

    facts = _facts(ctx)
    if files:
        base = cfg.from_files(list(files), **facts)
        path = ctx.find_root().obj["config_path"]
        if path:
            loaded = cfg.load(Path(path))
            base = loaded.with_overrides(sources=base.sources)
        return base
    path = ctx.find_root().obj["config_path"] or cfg.DEFAULT_FILE
    loaded = cfg.load(Path(path))
    if any(facts.values()):
        from dataclasses import replace

        loaded = loaded.with_overrides(
            sources=tuple(
                replace(
                    s,
                    tz=facts["tz"] or s.tz,
                    year=facts["year"] or s.year,
                    date=facts["date"] or s.date,
                )
                for s in loaded.sources
            )
        )
    return loaded


@cli.command(epilog=EPILOG_BUILD)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@_source_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Output folder.")
@click.option("--base-url", help="Public URL of the output folder (for links and ids).")
@click.option("--strict", is_flag=True, help="Stop at the first source that fails.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to read live blogs and write the calendar with (default: one per core "
    "for a big build).",
)
@_verbosity_options
@click.pass_context
def build(
    ctx: click.Context,
    files: tuple[str, ...],
    out_dir: str | None,
    base_url: str | None,
    strict: bool,
    jobs: int | None,
) -> None:
    """Build the calendar and feeds from FILES (or from exporter.yaml)."""
    from exporter import parallel
    from exporter.understand import prepare

    # A second process loads what understanding needs while this one reads the config and
    # the sources (some 50 ms each); stopped at once when nothing has changed.
    with parallel.standing_by(prepare, jobs):
        config = _config(ctx, files).with_overrides(jobs=jobs)
        if out_dir:
            config = config.with_overrides(out=str(Path(out_dir).resolve()))
        if base_url:
            from exporter.config import web_base

            base = web_base(base_url)
            if base is None:
                raise click.BadParameter(
                    "an address starting with http:// or https://", param_hint="'--base-url'"
                )
            config = config.with_overrides(base_url=base)
        from exporter import uptodate

        today = date.today()
        out_path = config.root / config.out
        current = uptodate.is_up_to_date(out_path, uptodate.inputs_digest(config, today))
        if current is not None:
            shown = [n for n in current if not n.startswith(".")]
            _say(ctx, f"Nothing changed: {len(shown)} export(s) in {config.out}/ are up to date")
            return
        from exporter.build import build as run_build

        result = _with_progress(
            ctx,
            config,
            lambda progress: run_build(config, strict=strict, progress=progress, today=today),
        )
    out = config.out
    for failure in result.failures:
        click.secho(f"Error: {failure.error.message}", fg="red", err=True)
    updates = sum(len(d.updates) for d in result.documents)
    _say(ctx, f"Read {len(result.documents)} source(s): {updates} updates, {result.events} events")
    for name in result.written:
        _say(ctx, f"  wrote {Path(out) / name}", level=1)
    for name in result.kept:
        _say(ctx, f"  kept {Path(out) / name} (a source failed)", level=1)
    shown = [n for n in result.written + result.unchanged if not n.startswith(".")]
    changed = [n for n in result.written if not n.startswith(".")]
    _say(ctx, f"{len(changed)} of {len(shown)} export(s) changed in {out}/")
    if result.failures:
        sys.exit(1)


def _with_progress(ctx: click.Context, config, run):
    """A progress bar on a terminal when there is enough to read to be worth watching."""
    sizes = []
    for source in config.sources:
        try:
            sizes.append(config.source_path(source).stat().st_size)
        except OSError:
            sizes.append(0)
    big = len(config.sources) > 5 or sum(sizes) > 5 * 1024 * 1024
    if not (big and sys.stderr.isatty() and ctx.find_root().obj["verbosity"] >= 0):
        return run(None)
    with click.progressbar(length=len(config.sources), label="Reading", file=sys.stderr) as bar:
        return run(lambda _source: bar.update(1))


@cli.command(epilog=EPILOG_UPDATES)
@click.argument("file")
@_source_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_verbosity_options
@click.pass_context
def updates(ctx: click.Context, file: str, as_json: bool) -> None:
    """Show the updates the live-blog reader found in FILE (a path or URL), newest first."""
    from exporter.build import read_sources
    from exporter.config import from_files
    from exporter.sentences import short_title

    documents, _ = read_sources(from_files([file], **_facts(ctx)), strict=True, today=date.today())
    doc = documents[0]
    if doc.kind != "liveblog":
        raise ExporterError(
            "not a live blog (no stamped updates found)",
            path=file,
            hint="updates are lines that start with a time such as '9:50 a.m.'",
        )
    rows = [
        {
            "anchor": u.anchor,
            "instant": u.instant.isoformat(),
            "stamp": u.stamp,
            "line": u.line,
            "paragraphs": len(u.paragraphs),
            "approximate": u.approximate,
            "title": short_title(u.paragraphs[0] if u.paragraphs else u.stamp),
        }
        for u in doc.updates
    ]
    if as_json:
        payload = {
            "title": doc.title,
            "zone": doc.zone,
            "updates": rows,
            "deleted": [
                {"anchor": d.anchor, "instant": d.instant.isoformat(), "line": d.line}
                for d in doc.deletions
            ],
            "notes": list(doc.notes),
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(f"{doc.title}  [{doc.zone}]")
    for u, row in zip(doc.updates, rows, strict=True):
        local = u.instant.strftime("%a %Y-%m-%d %H:%M")
        mark = "~" if u.approximate else " "
        click.echo(f"{local}{mark} line {u.line:<4} {row['paragraphs']}¶  {row['title']}")
    for d in doc.deletions:
        click.echo(f"{d.instant.strftime('%a %Y-%m-%d %H:%M')}  line {d.line:<4} deleted")
    click.echo(f"{len(rows)} updates, {len(doc.deletions)} deleted")


EPILOG_EVENTS = """\b
Examples:
  exporter events                      # the itinerary exporter.yaml's sources describe
  exporter events blog.txt article.txt --tz Asia/Tokyo --json
"""


@cli.command(epilog=EPILOG_EVENTS)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@_source_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_verbosity_options
@click.pass_context
def events(ctx: click.Context, files: tuple[str, ...], as_json: bool) -> None:
    """Show the itinerary found in FILES (or exporter.yaml's sources), with its evidence."""
    from exporter.build import read_sources
    from exporter.itinerary_view import event_rows
    from exporter.understand import understand

    config = _config(ctx, files)
    documents, _ = read_sources(config, strict=True, today=date.today())
    rows = event_rows(understand(documents, config))
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        mark = {"happened": " ", "planned": "?", "approximate": "~", "cancelled": "x"}[
            row["status"]
        ]
        place = f"  @ {row['place']}" if row["place"] else ""
        click.echo(f"{row['when']:<27}{mark} {row['title']}{place}")
        if ctx.find_root().obj["verbosity"] >= 0:
            for ev in row["evidence"]:
                written = f"[{ev['written']}] " if ev["written"] else "[article] "
                click.echo(f"    {written}{ev['text']}")
    click.echo(f"{len(rows)} events (? planned, ~ time estimated, x cancelled)")


EPILOG_SERVE = """\b
Examples:
  exporter serve                       # http://127.0.0.1:8000/ serving out/
  exporter serve --port 8080 --watch   # rebuild when a source or the config changes
"""


@cli.command(epilog=EPILOG_SERVE)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder to serve.")
@click.option("--watch", is_flag=True, help="Rebuild when a source or the config changes.")
@_verbosity_options
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, out_dir: str | None, watch: bool) -> None:
    """Serve the exports for calendar and feed subscriptions (Ctrl-C stops)."""
    gc.enable()  # this command runs until stopped (see `main`)
    from exporter.build import build as run_build
    from exporter.serve import Watcher, make_server, subscription_urls

    config = _config(ctx, ()) if (watch or not out_dir) else None
    if config is not None and out_dir:
        config = config.with_overrides(out=str(Path(out_dir).resolve()))
    folder = Path(out_dir) if out_dir else config.root / config.out
    refresh = int(config.refresh.total_seconds()) if config else 3600
    if watch:
        run_build(config, today=date.today())

    def log(line: str) -> None:
        _say(ctx, line, level=0)

    server = make_server(folder, host, port, refresh_seconds=refresh, log=log)
    bound = server.server_address[1]
    _say(ctx, f"Serving {folder}/ on http://{host}:{bound}/")
    for label, url in subscription_urls(folder, host, bound):
        _say(ctx, f"  {label:32} {url}")
    watcher = None
    if watch:
        paths = [config.source_path(s) for s in config.sources]
        if config.path:
            paths.append(Path(config.path))

        def rebuild() -> None:
            result = run_build(config, today=date.today())
            changed = [n for n in result.written if not n.startswith(".")]
            _say(ctx, f"Rebuilt: {len(changed)} export(s) changed")

        def failed(exc: BaseException) -> None:
            message = exc.message if isinstance(exc, ExporterError) else repr(exc)
            click.secho(f"Error: {message} (previous exports kept)", fg="red", err=True)

        watcher = Watcher(paths, rebuild, on_error=failed)
        watcher.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher:
            watcher.stop()
        server.server_close()


def main() -> None:
    """Console-script entry point.

    The process ends with the command (but `serve`, which turns it back on), so Python's
    cyclic collector is off from the start: the few reference cycles a command makes are
    the system's to reclaim. Left on, it would walk every object a build made once the
    build let it run again (5 ms after the sample's). The process then ends at once
    (`_exit_now`), without the collection and teardown Python makes on its way out.
    """
    gc.disable()
    # The first zone asked of pytz makes it check that each of its 600 zone files exists
    # (6 ms, in each process of a build); its own switch skips that where the files are
    # all there, as in the package from PyPI. A missing one is still an unknown zone.
    os.environ.setdefault("PYTZ_SKIPEXISTSCHECK", "1")
    try:
        cli(obj={})
    except SystemExit as exc:
        regexes.save()
        _exit_now(exc.code)


def _exit_now(code: object) -> None:
    """End the process as `sys.exit(code)` would, without tearing the interpreter down.

    A command leaves no thread, no `atexit` handler and no open file of its own behind, so
    all the teardown would do is free, object by object, everything still alive (8 ms after
    the sample's build, even with the objects frozen: 4 ms more than this). click flushes
    what it writes; anything else still buffered is flushed here, a failure to do so being
    past reporting (the reader of a pipe left early, or stderr is closed).
    """
    if isinstance(code, str):
        print(code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not stream.closed:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":
    main()
