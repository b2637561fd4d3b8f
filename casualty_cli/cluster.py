"""`casualty batch --scheduler tcp://HOST:PORT`: the same chunks of work, run on a Dask distributed cluster.

Only the submission changes: chunks go to the cluster's workers as futures (at most a few per worker
in flight) and come back, in input order, to the same writers as a local run. Each chunk costs round trips
between client, scheduler and worker, so chunks grow until each is about half a second of a worker's
time (batch._Sizer): with 64 short documents a chunk, that cost made a cluster of the same cores 0.58x
of a local run. Workers need
`casualty[dask]` installed and must see the input paths (a shared file system) or be given articles
(JSONL inputs are read here and their text is sent along).
"""
from __future__ import annotations

import contextlib
from typing import Iterator

from .errors import CasualtyError
from .options import ParseOptions


@contextlib.contextmanager
def dask_submitter(address: str, options: ParseOptions, connect_timeout: float = 20.0) -> Iterator[tuple]:
    try:
        from distributed import Client
    except ImportError:
        raise CasualtyError("--scheduler needs Dask: pip install 'casualty[dask]'") from None
    from .batch import absolute, run_timed_chunk

    try:
        client = Client(address, timeout=f"{connect_timeout}s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise CasualtyError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        [options_future] = client.scatter([options], broadcast=True)

        def submit(chunk):
            return client.submit(run_timed_chunk, [absolute(t) for t in chunk], options_future, pure=False)

        yield submit, workers
    finally:
        client.close()
