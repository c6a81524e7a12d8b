"""Entry point for `python -m fravaer_desktop` (and the bundle's executable)."""

import os
import sys

from fravaer_desktop.overview_worker import WORKER_FLAG

if sys.argv[1:2] == [WORKER_FLAG]:  # the second process of a window start (decision 0012)
    from fravaer_desktop.overview_worker import run_worker

    # run_worker has flushed its answer; the window waits for this process to end, and
    # tearing down the interpreter (freeing everything one by one) would take ~10 ms more.
    os._exit(run_worker(sys.argv[2:]))

from fravaer_desktop.app import main

sys.exit(main())
