"""One open profile: which file it came from, which draft is being edited, whether it has
unsaved changes. The app edits through this; it holds no UI code, so it is tested alone."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ProfileError
from .lease import Lease
from .merge import merge3
from .models import DEFAULT_PACE, QUESTIONS, Draft, Profile, Rehearsal, one_line_problem
from .ondisk import stamp_of
from .saving import ProfileFile, Saver
from .storage import (
    create_profile,
    decode_profile,
    example_paths,
    examples_dir,
    parse_profile,
    profile_data,
    profiles_dir,
    read_profile,
    resolve_profile,
    validate_profile_data,
)
from .tomledit import render_new

FIRST_RUN_EXAMPLE = "entry-graduate-civil-engineer"
#: Rounds of practice a profile keeps (the newest).
MAX_REHEARSALS = 500


class Session:
    """A profile being edited, saved back to the file it came from (never to an example)."""

    def __init__(self, path: Path, profile: Profile, raw: bytes | None = None) -> None:
        self.profile = profile
        if raw is None:  # opened by a caller that did not keep the bytes: read them now
            try:
                raw = path.read_bytes()
            except OSError:
                raw = None
        self.saver = Saver(ProfileFile(path, raw, profile_data(profile)))
        self.lease = Lease(path)
        if not profile.drafts:
            profile.drafts.append(Draft(title="Draft 1", updated=_now()))
        self.draft_index = len(profile.drafts) - 1
        latest = profile.latest_draft()
        if latest is not None:
            self.draft_index = profile.drafts.index(latest)
        self.dirty = False

    @property
    def path(self) -> Path:
        return self.saver.file.path

    @path.setter
    def path(self, path: Path) -> None:
        self.saver.file.path = path

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, name_or_path: str | None) -> tuple[Session, str | None]:
        """Open a profile by name or path; an example is copied to the user's folder first.

        With nothing named, open the most recently changed profile, or on a first run a copy
        of an example. Returns the session and a one-line note for the user, if any.
        """
        if name_or_path is None:
            mine = sorted(profiles_dir().glob("*.toml"), key=_changed_at)
            for path in reversed(mine):
                try:
                    return cls(path, *read_profile(path)), None
                except ProfileError:
                    continue
            example = next((p for p in example_paths() if p.stem == FIRST_RUN_EXAMPLE), None)
            example = example or next(iter(example_paths()), None)
            if example is None:
                raise ProfileError(examples_dir(), "no example profiles found; reinstall Aspire")
            session = cls.copy_of(example)
            return session, (
                f"This is a copy of an example. Make your own with ctrl+l, then n or b "
                f"(profiles are kept in {profiles_dir()})."
            )
        path = resolve_profile(name_or_path)
        if path.resolve().parent == examples_dir().resolve():
            session = cls.copy_of(path)
            return session, f"Copied the example to {session.path}; edits are saved there."
        return cls(path, *read_profile(path)), None

    @classmethod
    def copy_of(cls, source: Path, role: str | None = None) -> Session:
        profile, _ = read_profile(source)
        if role:
            profile = dataclasses.replace(profile, role=role)
        stem = profile.role + (f" {profile.company}" if profile.company else "")
        raw = render_new(profile_data(profile)).encode("utf-8")
        path = create_profile(profiles_dir(), stem, raw)
        return cls(path, profile, raw)

    # ---- the draft being edited -------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        return self.profile.drafts[self.draft_index]

    @property
    def question(self) -> str:
        return self.draft.question or self.profile.question or QUESTIONS[0]

    def set_text(self, text: str) -> None:
        if text != self.draft.text:
            self.draft.text = text
            self.draft.updated = _now()
            self.dirty = True

    def set_field(self, section: str, key: str, value: str) -> None:
        target = getattr(self.profile, section)
        if getattr(target, key) != value:
            setattr(target, key, value)
            self.dirty = True

    def set_question(self, question: str) -> None:
        self.draft.question = question
        self.dirty = True

    def set_details(self, role: str, company: str, career_stage: str, question: str) -> bool:
        """Put checked profile details in; True if anything changed. The question becomes
        the profile's, and the open draft's too when it had one of its own, so the draft
        shows the question chosen."""
        p = self.profile
        changed = False
        for name, value in (("role", role), ("company", company), ("career_stage", career_stage)):
            if getattr(p, name) != value:
                setattr(p, name, value)
                changed = True
        if question != self.question:
            p.question = question
            if self.draft.question:
                self.set_question(question)
            changed = True
        self.dirty = self.dirty or changed
        return changed

    def new_draft(self, copy: bool = False) -> Draft:
        """Add a draft after the others and edit it: blank, or with `copy` a copy of the
        draft open now, so an answer can be improved without retyping it."""
        text = self.draft.text if copy else ""
        draft = Draft(
            title=self._free_title(),
            text=text,
            updated=_now(),
            question=self.draft.question,
        )
        self.profile.drafts.append(draft)
        self.draft_index = len(self.profile.drafts) - 1
        self.dirty = True
        return draft

    def _free_title(self) -> str:
        """ "Draft N" for the next N no draft is called yet (after a delete, the count
        alone would repeat a title)."""
        taken = {d.title for d in self.profile.drafts}
        n = len(self.profile.drafts) + 1
        while f"Draft {n}" in taken:
            n += 1
        return f"Draft {n}"

    def select_draft(self, index: int) -> None:
        """Edit another draft. Which one is open is not part of the profile, so this is no
        change to save."""
        self.draft_index = max(0, min(index, len(self.profile.drafts) - 1))

    def rename_draft(self, title: str) -> None:
        """Retitle the open draft; ValueError says why a title cannot be used."""
        title = title.strip()
        if not title:
            raise ValueError("A draft's title must not be blank.")
        problem = one_line_problem(title)
        if problem:
            raise ValueError(f"That title {problem}.")
        if title != self.draft.title:
            for r in self.profile.rehearsals:  # its history goes with it
                if r.draft == self.draft.title:
                    r.draft = title
            self.draft.title = title
            self.dirty = True

    def delete_draft(self) -> Draft:
        """Remove the open draft and edit its neighbour (the one before, or the new first).
        The last draft is never deleted: a profile always has one to type into."""
        drafts = self.profile.drafts
        if len(drafts) <= 1:
            raise ValueError("This is the only draft; a profile keeps at least one.")
        gone = drafts.pop(self.draft_index)
        if not any(d.title == gone.title for d in drafts):  # its history goes with it
            self.profile.rehearsals[:] = [
                r for r in self.profile.rehearsals if r.draft != gone.title
            ]
        self.draft_index = max(0, self.draft_index - 1)
        self.dirty = True
        return gone

    # ---- rehearsals ------------------------------------------------------------------------

    def add_rehearsal(self, rehearsal: Rehearsal) -> None:
        """Keep one round of practice; the oldest go past `MAX_REHEARSALS`, so a profile
        practised daily for years stays small."""
        rows = self.profile.rehearsals
        rows.append(rehearsal)
        del rows[: max(0, len(rows) - MAX_REHEARSALS)]
        self.dirty = True

    def last_pace(self) -> int:
        """The pace the open draft was last rehearsed at (the user's choice is kept)."""
        mine = [r for r in self.profile.rehearsals if r.draft == self.draft.title]
        return mine[-1].pace if mine else DEFAULT_PACE

    # ---- saving -----------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        """The profile as it should be on disk now: a copy taken on the UI thread, so it
        can be written on another."""
        return profile_data(self.profile)

    def save(self, changes: int | None = None) -> None:
        """Save now (raises `ChangedOnDisk` rather than write over someone's change)."""
        saver = self.saver
        saver.offer(saver.offered + 1 if changes is None else changes, self.data())
        saver.flush()
        self.dirty = False

    # ---- when the file changed elsewhere ------------------------------------------------------

    def conflict(self, theirs: bytes | None) -> Conflict:
        """What can be done about a file that changed on disk since this session knew it."""
        return Conflict.between(self, theirs)

    def adopt(self, profile: Profile, raw: bytes | None) -> None:
        """Make `profile` (read from `raw`, what the file holds now) the one being edited."""
        self.profile = profile
        if not profile.drafts:
            profile.drafts.append(Draft(title="Draft 1", updated=_now()))
        self.draft_index = min(self.draft_index, len(profile.drafts) - 1)
        self.saver.discard()
        self.saver.file.adopt(raw, profile_data(profile))

    def keep_mine(self) -> Path:
        """Keep this session's version as a copy beside the profile (the file is theirs)."""
        return self.keep_copy(render_new(self.data()).encode("utf-8"), "mine")

    def keep_copy(self, data: bytes, whose: str) -> Path:
        """Keep `data` as a new profile beside this one, named for `whose` version it is."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        stem = self.path.stem[:36].rstrip("-")  # names are cut at 60: keep whose and when
        try:
            return create_profile(self.path.parent, f"{stem}-{whose}-{stamp}", data)
        except ProfileError:
            if self.path.parent == profiles_dir():
                raise
            return create_profile(profiles_dir(), f"{stem}-{whose}-{stamp}", data)


class Conflict:
    """Both this session and someone else changed the profile. The ways out, each losing
    nothing: merge (when the two touched different fields or drafts), keep theirs with
    this session's version kept as a copy, or keep this one with theirs kept as a copy."""

    def __init__(
        self,
        session: Session,
        theirs: bytes | None,
        their_profile: Profile | None,
        problem: str | None,
        merged: Profile | None,
        clashes: list[str],
    ) -> None:
        self.session = session
        self.theirs = theirs
        self.their_profile = their_profile
        self.problem = problem  # why their file cannot be used as it is, if it cannot
        self.merged = merged
        self.clashes = clashes

    @classmethod
    def between(cls, session: Session, theirs: bytes | None) -> Conflict:
        if theirs is None:
            return cls(session, None, None, "the file was removed", None, [])
        try:
            their_profile = parse_profile(decode_profile(theirs, session.path), session.path)
        except ProfileError as exc:
            return cls(session, theirs, None, exc.in_words, None, [])
        base = session.saver.file.text
        try:
            base_data = tomllib.loads(base) if base else {}
        except tomllib.TOMLDecodeError:
            base_data = {}
        merged_data, clashes = merge3(
            _as_read_back(base_data),
            _as_read_back(session.data()),
            _as_read_back(profile_data(their_profile)),
        )
        merged: Profile | None = None
        if not clashes:
            try:
                merged = validate_profile_data(merged_data, render_new(merged_data), session.path)
            except ProfileError as exc:
                clashes = [exc.message]
        return cls(session, theirs, their_profile, None, merged, clashes)

    def merge(self, changes: int | None = None) -> None:
        """Both versions in one file; `changes` is the caller's count of edits, if it keeps one."""
        assert self.merged is not None and self.theirs is not None
        self.session.adopt(self.merged, self.theirs)
        self.session.save(changes)

    def keep_theirs(self) -> Path:
        """Their version becomes the one open; this session's is kept as a copy."""
        assert self.their_profile is not None
        copy = self.session.keep_mine()
        self.session.adopt(self.their_profile, self.theirs)
        self.session.dirty = False
        return copy

    def keep_mine(self, changes: int | None = None) -> Path | None:
        """This session's version is saved over theirs, which is kept as a copy first."""
        copy = self.session.keep_copy(self.theirs, "theirs") if self.theirs else None
        file = self.session.saver.file
        file.stamp = stamp_of(self.session.path, self.theirs) if self.theirs else None
        self.session.save(changes)
        return copy


def export_draft(draft: Draft, profile: Profile, question: str, fmt: str) -> str:
    """The draft as Markdown or plain text, with the question it answers."""
    title = f"{profile.role}" + (f" at {profile.company}" if profile.company else "")
    if fmt == "md":
        return f"# {title}\n\n**{question}**\n\n{draft.text.strip()}\n"
    return f"{title}\n\n{question}\n\n{draft.text.strip()}\n"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _changed_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # a dangling link, a name too long: listed last, never fatal
        return 0.0


def _as_read_back(value: Any) -> Any:
    """Data as TOML reads it back (dates and text alike), so the two sides compare fairly."""
    return tomllib.loads(render_new(value)) if isinstance(value, dict) else value
