"""One program per company file: an OS lock on '<file>.lock', held while the file is open.

Decision 0020. The first Fravær that opens a company file takes an exclusive lock on a small
file beside it (`fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows) and holds it for
as long as it has the file open. A second Fravær that finds the lock taken opens the file
read-only. The operating system drops the lock when the process ends in any way (closed,
killed, crashed, power cut), so a lock left by a killed program never blocks the next start.
The lock file is deleted when the file is closed normally; one left by a killed program is
simply taken over. A program that took the lock on a lock file deleted meanwhile (it opened
the old one just before) sees that the name now points elsewhere, and tries again.

The lock file holds who has the file open (computer, process, since when) so the second
program can say so; it never holds staff data.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"
#: Windows locks a byte range that readers cannot read: lock one byte far past the text.
_WINDOWS_LOCK_OFFSET = 1 << 20


def computer_name() -> str:
    """This computer's network name (without importing `socket`, ~8 ms of every start)."""
    if sys.platform == "win32":
        return os.environ.get("COMPUTERNAME", "")
    return os.uname().nodename


class LockHolder:
    """Who holds the lock, as the holder wrote it (best effort: it may be missing). A plain
    class: a dataclass costs start-up time, and this module is loaded at every start."""

    def __init__(self, computer: str, pid: int, since: datetime | None):
        self.computer, self.pid, self.since = computer, pid, since

    def on_this_computer(self) -> bool:
        return self.computer == computer_name()

    def __repr__(self) -> str:
        return f"LockHolder({self.computer!r}, {self.pid}, {self.since})"


class FileLock:
    """The lock on one company file. `owned`: this program may write to the file. When it is
    not owned, `holder` says who has the file open (if they wrote it)."""

    def __init__(self, company_file: Path, fd: int | None, owned: bool, holder=None):
        self.company_file = company_file
        self._fd = fd
        self.owned = owned
        self.holder: LockHolder | None = holder

    @property
    def path(self) -> Path:
        return lock_path(self.company_file)

    def release(self) -> None:
        """Let another program write to the file: delete the lock file, drop the lock."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":  # an open file cannot be deleted there: close first
            _close(fd)
            _unlink_quietly(self.path)
            return
        if _same_file(fd, self.path):  # deleted while locked: nobody can take the old one
            _unlink_quietly(self.path)
        _close(fd)

    def __repr__(self) -> str:
        return f"FileLock({self.company_file}, owned={self.owned})"


def lock_path(company_file: Path) -> Path:
    company_file = Path(company_file)
    return company_file.with_name(company_file.name + LOCK_SUFFIX)


def take_file_lock(company_file: Path) -> FileLock:
    """Take the lock on `company_file`, without waiting.

    Returns an owned lock, or one that is not owned (another program has the file open; its
    `holder` says who). When the lock file cannot be made at all (a folder this user may not
    write in), the lock counts as owned: opening the file then says what is wrong with it.
    """
    company_file = Path(company_file)
    path = lock_path(company_file)
    for _attempt in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return FileLock(company_file, None, owned=True)
        try:
            locked = _try_lock(fd)
        except OSError:  # a file system without locks: as if there were no lock file
            _close(fd)
            return FileLock(company_file, None, owned=True)
        if not locked:
            holder = _read_holder(fd)
            _close(fd)
            return FileLock(company_file, None, owned=False, holder=holder)
        if _same_file(fd, path):
            _write_holder(fd)
            return FileLock(company_file, fd, owned=True)
        _close(fd)  # the holder deleted the file as we opened it: take the new one
    return FileLock(company_file, None, owned=False)  # never settled: the safe side


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # in use by another program that took it meanwhile, or no rights
        pass


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _write_holder(fd: int) -> None:
    """Three lines: the computer, the process id, since when."""
    since = datetime.now().isoformat(timespec="seconds")
    text = f"{computer_name()}\n{os.getpid()}\n{since}\n".encode()
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text.ljust(256))  # a fixed length: no truncate, which Windows may refuse
    except OSError:
        pass  # who holds it is a courtesy; the lock is what counts


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        computer, pid, since = os.read(fd, 4096).decode().strip().splitlines()[:3]
        return LockHolder(computer, int(pid), datetime.fromisoformat(since.strip()))
    except (OSError, ValueError):
        return None
