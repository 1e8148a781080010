"""Never lose a word: one profile in two places, hand edits, slow disks, links, leases."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from aspire_tui.errors import ChangedOnDisk, ProfileError
from aspire_tui.lease import Lease, holder, lease_path
from aspire_tui.merge import merge3
from aspire_tui.models import Draft
from aspire_tui.session import Session
from aspire_tui.storage import (
    create_profile,
    dump_profile,
    load_profile,
    private_dir,
    profiles_dir,
)

from .conftest import make_profile


def _profile_file() -> Path:
    profile = make_profile()
    profile.drafts.append(Draft(title="Draft 1", text="First answer."))
    return create_profile(profiles_dir(), "support lead", dump_profile(profile).encode())


def _open(path: Path) -> Session:
    return Session.open(str(path))[0]


def test_a_second_window_never_writes_over_the_first() -> None:
    path = _profile_file()
    one, two = _open(path), _open(path)
    one.set_text("Typed in the first window.")
    one.save()
    two.set_text("Typed in the second window.")
    with pytest.raises(ChangedOnDisk) as caught:
        two.save()
    assert "Typed in the first window." in path.read_text()
    assert caught.value.theirs == path.read_bytes()


def test_changes_to_different_parts_merge_and_keep_both() -> None:
    path = _profile_file()
    one, two = _open(path), _open(path)
    one.set_text("The first window rewrote the draft.")
    one.save()
    two.set_field("research", "culture", "The second window filled in the culture.")
    with pytest.raises(ChangedOnDisk) as caught:
        two.save()
    conflict = two.conflict(caught.value.theirs)
    assert conflict.merged is not None and conflict.clashes == []
    conflict.merge()
    saved = load_profile(path)
    assert saved.drafts[-1].text == "The first window rewrote the draft."
    assert saved.research.culture == "The second window filled in the culture."


def test_the_same_draft_changed_twice_offers_copies_and_loses_neither() -> None:
    path = _profile_file()
    one, two = _open(path), _open(path)
    one.set_text("Mine from window one.")
    one.save()
    two.set_text("Mine from window two.")
    with pytest.raises(ChangedOnDisk) as caught:
        two.save()
    conflict = two.conflict(caught.value.theirs)
    assert conflict.merged is None
    assert any(c.endswith(".text") for c in conflict.clashes)
    theirs_copy = conflict.keep_mine()
    assert theirs_copy is not None and theirs_copy.parent == path.parent
    assert load_profile(path).drafts[-1].text == "Mine from window two."
    assert load_profile(theirs_copy).drafts[-1].text == "Mine from window one."


def test_keeping_theirs_keeps_mine_as_a_copy() -> None:
    path = _profile_file()
    one, two = _open(path), _open(path)
    one.set_text("One.")
    one.save()
    two.set_text("Two.")
    with pytest.raises(ChangedOnDisk) as caught:
        two.save()
    mine_copy = two.conflict(caught.value.theirs).keep_theirs()
    assert two.draft.text == "One."
    assert load_profile(mine_copy).drafts[-1].text == "Two."
    two.set_text("Two, after taking theirs.")
    two.save()  # the session now knows the file again: saving goes through
    assert load_profile(path).drafts[-1].text == "Two, after taking theirs."


def test_a_file_that_no_longer_loads_is_never_written_over() -> None:
    path = _profile_file()
    session = _open(path)
    path.write_text("role = 'half-typed by hand\n")
    session.set_text("Still typing here.")
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert path.read_text() == "role = 'half-typed by hand\n"
    conflict = session.conflict(path.read_bytes())
    assert conflict.their_profile is None and conflict.problem
    kept = conflict.keep_mine()
    assert kept is not None and kept.read_text() == "role = 'half-typed by hand\n"
    assert load_profile(path).drafts[-1].text == "Still typing here."


def test_a_touch_or_the_same_bytes_rewritten_is_no_change() -> None:
    path = _profile_file()
    session = _open(path)
    data = path.read_bytes()
    os.utime(path, (time.time() + 5, time.time() + 5))
    path.write_bytes(data)
    session.set_text("Saved after a touch.")
    session.save()
    assert load_profile(path).drafts[-1].text == "Saved after a touch."


def test_hand_written_comments_and_key_order_survive_saves() -> None:
    path = _profile_file()
    text = path.read_text()
    text = "# My notes for the Brightwell interview\n" + text.replace(
        "[research]", "[research] # filled in on Monday", 1
    )
    path.write_text(text)
    session = _open(path)
    session.set_text("A new answer, saved over a hand-edited file.")
    session.set_field("reflection", "strengths", "Calm on the phone")
    session.save()
    saved = path.read_text()
    assert saved.startswith("# My notes for the Brightwell interview\n")
    assert "[research] # filled in on Monday" in saved
    profile = load_profile(path)
    assert profile.drafts[-1].text == "A new answer, saved over a hand-edited file."
    assert profile.reflection.strengths == "Calm on the phone"


def test_slow_disk_one_write_at_a_time_and_the_newest_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _profile_file()
    session = _open(path)
    real_fsync = os.fsync
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def slow_fsync(fd: int) -> None:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.15)
        real_fsync(fd)
        with lock:
            in_flight -= 1

    monkeypatch.setattr(os, "fsync", slow_fsync)
    saver = session.saver
    threads = []
    for n in range(1, 7):
        session.set_text(f"Version {n}.")
        saver.offer(n, session.data())
        thread = threading.Thread(target=saver.flush)
        thread.start()
        threads.append(thread)
        time.sleep(0.03)
    for thread in threads:
        thread.join()
    assert most == 1  # never two writes at once
    assert saver.written == 6
    assert load_profile(path).drafts[-1].text == "Version 6."


def test_a_profile_that_is_a_link_is_written_through(tmp_path: Path) -> None:
    path = _profile_file()
    target = tmp_path / "synced" / "mine.toml"
    target.parent.mkdir()
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)
    session = _open(path)
    session.set_text("Through the link.")
    session.save()
    assert path.is_symlink()
    assert load_profile(target).drafts[-1].text == "Through the link."


def test_folders_are_private_and_links_in_the_cache_are_not_followed(
    aspire_home: Path, tmp_path: Path
) -> None:
    path = _profile_file()
    for folder in (aspire_home, path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    os.chmod(path.parent, 0o755)
    private_dir(path.parent)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    exports = aspire_home / "exports"
    exports.symlink_to(tmp_path)
    with pytest.raises(OSError, match="symbolic link"):
        private_dir(exports)


def test_a_new_profile_is_whole_or_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", full_disk)
    with pytest.raises(ProfileError, match="no space left"):
        create_profile(profiles_dir(), "support lead", b"role = 'x'\n")
    assert list(profiles_dir().iterdir()) == []


@contextmanager
def _open_in_another_aspire(path: Path) -> Iterator[int]:
    """Another process holding the profile's lease, as a second Aspire would; its pid."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from aspire_tui.lease import Lease; "
            "Lease(Path(sys.argv[1])).acquire(); print('ok', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ok"
        yield child.pid
    finally:
        child.kill()
        child.wait()


def test_a_lease_says_who_else_has_the_profile_open() -> None:
    path = _profile_file()
    with _open_in_another_aspire(path) as pid:
        mine = Lease(path).acquire()
        assert mine.other is not None and mine.other.pid == pid and not mine.mine
        assert holder(path) is not None
    # Its process is gone: the lease is stale and taken over without a word.
    assert holder(path) is None
    mine = Lease(path).acquire()
    assert mine.mine and mine.other is None
    mine.release()
    assert not lease_path(path).exists()


def test_merge_keeps_drafts_added_on_both_sides() -> None:
    base = {"drafts": [{"title": "A", "text": "a"}]}
    mine = {"drafts": [{"title": "A", "text": "a"}, {"title": "B", "text": "mine"}]}
    theirs = {"drafts": [{"title": "A", "text": "a2"}, {"title": "B", "text": "theirs"}]}
    merged, clashes = merge3(base, mine, theirs)
    assert clashes == []
    assert [d["text"] for d in merged["drafts"]] == ["a2", "mine", "theirs"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("aspire")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=60)


def test_the_cli_will_not_rename_or_delete_a_profile_open_elsewhere() -> None:
    path = _profile_file()
    with _open_in_another_aspire(path) as pid:
        before = path.read_bytes()
        for args in (("rename", path.stem, "Team Lead"), ("delete", path.stem, "--yes")):
            done = _run("profile", *args)
            assert done.returncode == 2
            assert len(done.stderr.strip().splitlines()) == 1
            assert f"process {pid}" in done.stderr
        assert path.read_bytes() == before
    renamed = _run("profile", "rename", path.stem, "Team Lead")
    assert renamed.returncode == 0, renamed.stderr
    assert not path.exists()
    (new,) = profiles_dir().glob("team-lead*.toml")
    assert load_profile(new).role == "Team Lead"
    refused = _run("profile", "delete", new.stem)
    assert refused.returncode == 2 and new.exists()
    assert _run("profile", "delete", new.stem, "--yes").returncode == 0
    assert not new.exists()
