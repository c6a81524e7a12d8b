"""Is the company file in a sync folder or on a network drive? (Decision 0020.)

SQLite in WAL mode needs every program that uses the file to be on one machine (its shared
memory file), and a sync program (OneDrive, Dropbox, Google Drive, iCloud) copies the file and
its -wal separately, at moments of its own: both are known ways to lose data. What can be seen
from the path is detected here, cheaply enough to run at every opening (no network calls).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

#: Folder names used by sync programs (compared without case), and the name to tell the user.
SYNC_FOLDER_NAMES: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mit drev", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("iclouddrive", "iCloud"),
    ("mobile documents", "iCloud"),
    ("com~apple~clouddocs", "iCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("pcloud drive", "pCloud"),
)
#: Linux mount types of network file systems (/proc/mounts).
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ceph", "glusterfs", "9p", "davfs",
     "fuse.sshfs", "fuse.rclone", "fuse.davfs2"}
)  # fmt: skip
_WINDOWS_DRIVE_REMOTE = 4  # GetDriveTypeW


class SharedLocation:
    """Where the file is: `kind` is "sync" or "network"; `name` what to call it. (A plain
    class: the module is loaded at every opening, and a dataclass costs start-up time.)"""

    __slots__ = ("kind", "name")

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SharedLocation) and (self.kind, self.name) == (
            other.kind, other.name
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.kind, self.name))

    def __repr__(self) -> str:
        return f"SharedLocation({self.kind!r}, {self.name!r})"


def shared_location(path: Path, mounts_file: Path = Path("/proc/mounts")) -> SharedLocation | None:
    """The sync folder or network drive the file lies in, or None (this computer's disk, as
    far as can be seen)."""
    sync = sync_folder_name(path)
    if sync is not None:
        return SharedLocation("sync", sync)
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return SharedLocation("network", "et netværksdrev")
    if sys.platform == "win32":
        return SharedLocation("network", "et netværksdrev") if _windows_remote(path) else None
    file_system = mount_type(path, mounts_file)
    if file_system is not None and file_system in NETWORK_FILE_SYSTEMS:
        return SharedLocation("network", "et netværksdrev")
    return None


def sync_folder_name(path: Path) -> str | None:
    """'OneDrive' when a folder on the path is a sync program's ("OneDrive - Firma ApS" too)."""
    for part in PurePath(os.path.abspath(path)).parts[:-1]:
        lowered = part.lower()
        for folder, name in SYNC_FOLDER_NAMES:
            if lowered == folder or lowered.startswith((f"{folder} ", f"{folder}-")):
                return name
    return None


def mount_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The file system type of the mount the path is on (Linux), or None if unknown."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type


def _windows_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    try:
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False
    return kind == _WINDOWS_DRIVE_REMOTE


def shared_location_warning(location: SharedLocation, safe_folder: Path) -> str:
    """What to tell the user, calmly, and what is safe instead."""
    if location.kind == "sync":
        where = f"i en mappe, som {location.name} synkroniserer"
        risk = (
            f"{location.name} kopierer filen, mens Fravær skriver i den, og kan lave "
            "dubletter eller en halv kopi, især hvis filen også åbnes på en anden computer."
        )
    else:
        where = "på et netværksdrev"
        risk = (
            "Hvis to computere har filen åben, eller forbindelsen afbrydes, mens Fravær "
            "gemmer, kan data gå tabt."
        )
    return (
        f"<b>Virksomhedsfilen ligger {where}.</b> {risk} Det sikre er at have filen på denne "
        f"computers egen disk, fx i '{safe_folder}', og lade sikkerhedskopierne gå til den "
        "delte mappe (Virksomhed › Skift mappe til kopier…)."
    )
