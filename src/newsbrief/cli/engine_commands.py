"""``newsbrief cluster up``: a local Dask cluster (a scheduler and worker processes) for ``--engine``."""

from __future__ import annotations

import threading

import click

from newsbrief.cli.app import handle_errors
from newsbrief.engine import local_cluster
from newsbrief.stopping import exit_status, stop_on_signals

__all__ = ["cluster_group"]


@click.group("cluster")
def cluster_group() -> None:
    """A local cluster that fetch and run use with --engine (see docs/distributed.md)."""


@cluster_group.command("up")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address the scheduler listens on (a private-network address lets other machines' workers join).")
@click.option("--port", default=8786, show_default=True, type=click.IntRange(0, 65535), help="Scheduler port (0: any free port).")
@handle_errors
def cluster_up(workers: int, host: str, port: int) -> None:
    """Start a scheduler and worker processes here, print its address, and run until Ctrl-C stops them all."""
    try:
        with stop_on_signals(), local_cluster(workers, host=host, port=port) as address:
            click.echo(f"scheduler: {address} ({workers} worker processes)")
            click.echo(f"use it:    newsbrief fetch --engine {address}   (or NEWSBRIEF_ENGINE={address})")
            click.echo("Ctrl-C stops the scheduler and every worker.", err=True)
            threading.Event().wait()
    except KeyboardInterrupt as stop:
        click.get_current_context().exit(exit_status(stop))
