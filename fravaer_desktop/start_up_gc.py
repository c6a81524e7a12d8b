"""Start-up without the cyclic garbage collector (decision 0008).

Opening the window creates tens of thousands of objects that live as long as the window does:
modules, classes, Qt wrappers, the company's rows and the overview. While they are created the
collector scans them again and again (about 10 ms on the large test company) and finds no
garbage. So the program pauses the collector when it starts the window and, once the window has
been painted, moves everything made so far out of its way (`gc.freeze`) and turns it back on.
Reference counting frees objects as usual all the time; only reference cycles wait.

Qt-free: `app.main` pauses; `ui.launch` resumes after the first paint, or after
`LATEST_RESUME_MS` if that comes first; `app.main` resumes when it returns.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


#: Resumed after this long at the latest, also if the window is never painted (started
#: minimised) or a dialog comes first (creating the company, an error message).
LATEST_RESUME_MS = 3000


def resume() -> None:
    """The window is up: collect once, keep what lives on out of later collections, and turn
    the collector back on."""
    if gc.isenabled():
        return
    gc.collect()
    gc.freeze()
    gc.enable()
