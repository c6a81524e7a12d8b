"""A company file in a sync folder or on a network drive is told apart from one on this
computer's own disk (decision 0020), from the path and the mount table alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from fravaer_desktop.storage.file_location import (
    SharedLocation,
    mount_type,
    shared_location,
    shared_location_warning,
    sync_folder_name,
)

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/kontor /mnt/kontor cifs rw,vers=3.0 0 0
nas:/export/data /srv/data nfs4 rw 0 0
/dev/sdb1 /mnt/kontor/usb vfat rw 0 0
/dev/sdc1 /media/mit\\040drev ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("C:/Users/anna/OneDrive/Fravær/virksomhed.sqlite", "OneDrive"),
        ("C:/Users/anna/OneDrive - Bageriet Solsikken ApS/virksomhed.sqlite", "OneDrive"),
        ("/home/anna/Dropbox/virksomhed.sqlite", "Dropbox"),
        ("/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.dk/virksomhed.sqlite",
         "Google Drive"),
        ("G:/My Drive/virksomhed.sqlite", "Google Drive"),
        ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/virksomhed.sqlite", "iCloud"),
        ("/home/anna/Dokumenter/virksomhed.sqlite", None),
        ("/home/anna/onedrive-noter/virksomhed.sqlite", "OneDrive"),
        ("/home/anna/Dokumenter/onedrivebog/virksomhed.sqlite", None),
        ("/home/anna/Dokumenter/OneDrive.sqlite", None),  # the file's own name does not count
    ],
)  # fmt: skip
def test_sync_folders_are_recognised_by_their_names(path: str, expected: str | None) -> None:
    assert sync_folder_name(Path(path)) == expected


def test_the_mount_a_file_is_on_is_the_longest_matching_mount_point(tmp_path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    assert mount_type(Path("/mnt/kontor/fravaer/virksomhed.sqlite"), mounts) == "cifs"
    assert mount_type(Path("/mnt/kontor/usb/virksomhed.sqlite"), mounts) == "vfat"
    assert mount_type(Path("/mnt/kontorer/virksomhed.sqlite"), mounts) == "ext4"
    assert mount_type(Path("/media/mit drev/virksomhed.sqlite"), mounts) == "ext4"
    assert mount_type(Path("/srv/data/virksomhed.sqlite"), mounts) == "nfs4"
    assert mount_type(Path("/x"), tmp_path / "missing") is None


def test_network_drives_and_sync_folders_are_shared_locations(tmp_path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    network = SharedLocation("network", "et netværksdrev")
    assert shared_location(Path("/mnt/kontor/virksomhed.sqlite"), mounts) == network
    assert shared_location(Path("/srv/data/virksomhed.sqlite"), mounts) == network
    assert shared_location(Path("//server/deling/virksomhed.sqlite"), mounts) == network
    assert shared_location(Path("/home/anna/virksomhed.sqlite"), mounts) is None
    assert shared_location(Path("/home/anna/Dropbox/v.sqlite"), mounts) == SharedLocation(
        "sync", "Dropbox"
    )


def test_the_warning_says_what_is_safe() -> None:
    text = shared_location_warning(SharedLocation("sync", "OneDrive"), Path("/data/fravaer"))
    assert "OneDrive synkroniserer" in text
    assert "denne computers egen disk" in text and "/data/fravaer" in text
    assert "Skift mappe til kopier" in text
    assert "netværksdrev" in shared_location_warning(
        SharedLocation("network", "et netværksdrev"), Path("/data")
    )
