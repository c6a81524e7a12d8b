"""Start-up without the cyclic garbage collector (decision 0008).

Opening the window creates tens of thousands of objects that live as long as the window does:
modules, classes, Qt wrappers, the company's rows and the overview. While they are created the
collector scans them again and again (about 10 ms on the large test company) and finds no
garbage. So the program pauses the collector when it starts the window and, once the window has
been painted, moves everything made so far out of its way (`gc.freeze`) and turns it back on.
Reference counting frees objects as usual all the time; only reference cycles wait.

Qt-free: `app.main` pauses, `ui.launch` resumes after the first paint.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """The window is up: keep what exists out of later collections and collect as usual."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
