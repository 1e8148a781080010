"""One open profile: which file it came from, which draft is being edited, whether it has
unsaved changes. The app edits through this; it holds no UI code, so it is tested alone."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from .errors import ProfileError
from .models import QUESTIONS, Draft, Profile
from .storage import (
    dump_profile,
    example_paths,
    examples_dir,
    load_profile,
    profiles_dir,
    reserve_profile_path,
    resolve_profile,
    save_profile,
)

FIRST_RUN_EXAMPLE = "entry-graduate-civil-engineer"


class Session:
    """A profile being edited, saved back to the file it came from (never to an example)."""

    def __init__(self, path: Path, profile: Profile) -> None:
        self.path = path
        self.profile = profile
        if not profile.drafts:
            profile.drafts.append(Draft(title="Draft 1", updated=_now()))
        self.draft_index = len(profile.drafts) - 1
        latest = profile.latest_draft()
        if latest is not None:
            self.draft_index = profile.drafts.index(latest)
        self.dirty = False

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, name_or_path: str | None) -> tuple[Session, str | None]:
        """Open a profile by name or path; an example is copied to the user's folder first.

        With nothing named, open the most recently changed profile, or on a first run a copy
        of an example. Returns the session and a one-line note for the user, if any.
        """
        if name_or_path is None:
            mine = sorted(profiles_dir().glob("*.toml"), key=lambda p: p.stat().st_mtime)
            for path in reversed(mine):
                try:
                    return cls(path, load_profile(path)), None
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
        return cls(path, load_profile(path)), None

    @classmethod
    def copy_of(cls, source: Path, role: str | None = None) -> Session:
        profile = load_profile(source)
        if role:
            profile = dataclasses.replace(profile, role=role)
        stem = profile.role + (f" {profile.company}" if profile.company else "")
        path = reserve_profile_path(profiles_dir(), stem)
        save_profile(profile, path)
        return cls(path, profile)

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

    def new_draft(self, copy: bool = False) -> Draft:
        text = self.draft.text if copy else ""
        draft = Draft(
            title=f"Draft {len(self.profile.drafts) + 1}",
            text=text,
            updated=_now(),
            question=self.draft.question,
        )
        self.profile.drafts.append(draft)
        self.draft_index = len(self.profile.drafts) - 1
        self.dirty = True
        return draft

    def select_draft(self, index: int) -> None:
        self.draft_index = max(0, min(index, len(self.profile.drafts) - 1))

    # ---- saving -----------------------------------------------------------------------------

    def snapshot(self) -> bytes:
        """The profile as it should be on disk now; taken on the UI thread, written elsewhere."""
        return dump_profile(self.profile).encode("utf-8")

    def save(self) -> None:
        save_profile(self.profile, self.path)
        self.dirty = False


def export_draft(draft: Draft, profile: Profile, question: str, fmt: str) -> str:
    """The draft as Markdown or plain text, with the question it answers."""
    title = f"{profile.role}" + (f" at {profile.company}" if profile.company else "")
    if fmt == "md":
        return f"# {title}\n\n**{question}**\n\n{draft.text.strip()}\n"
    return f"{title}\n\n{question}\n\n{draft.text.strip()}\n"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
