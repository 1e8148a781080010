"""The profile-details form: role, company, career stage and the question practised.

The same form makes a new blank profile and edits an existing one, so both fit 80x24 and
explain the stages alike. What a stage means is drawn from DOMAIN.md ("What strong
answers look like by career stage"): the stage decides what the realism scorer expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ...models import CAREER_STAGES, QUESTIONS, Draft, Profile, check_company, check_role
from ...session import Session

#: One line on each stage: at most 60 characters, the room the form has at 80 columns.
STAGE_MEANING: dict[str, str] = {
    "entry": "First role: a specialism, and how you will keep learning.",
    "mid": "Moving into leadership: the next role, people you develop.",
    "senior": "Deepening your field: the projects you want to lead.",
    "executive": "Leader aiming higher: wider scope, strategy, new leaders.",
    "changer": "Changing field: what transfers, new credentials, the role.",
}
NO_STAGE = "The stage sets what a realistic next step is for you."
#: The width of the form's one line for a problem at 80 columns.
ERROR_CHARS = 70
STAGE_LABEL: dict[str, str] = {
    "entry": "Entry level",
    "mid": "Mid-level",
    "senior": "Senior professional",
    "executive": "Executive",
    "changer": "Career changer",
}


@dataclass(frozen=True)
class ProfileDetails:
    """What the form edits; `career_stage` is "" until one is chosen (a new profile)."""

    role: str
    company: str
    career_stage: str
    question: str

    @classmethod
    def of(cls, session: Session) -> ProfileDetails:
        p = session.profile
        return cls(p.role, p.company, p.career_stage, session.question)


def apply_details(session: Session, details: ProfileDetails) -> bool:
    """Put `details` (already checked by the form) into the session; True if changed."""
    return session.set_details(
        details.role, details.company, details.career_stage, details.question
    )


def new_profile(details: ProfileDetails) -> Profile:
    """A blank profile with these details and one empty draft."""
    question = None if details.question == QUESTIONS[0] else details.question
    return Profile(
        role=details.role,
        company=details.company,
        career_stage=details.career_stage,  # type: ignore[arg-type]
        question=question,
        drafts=[Draft(title="Draft 1")],
    )


class ProfileForm(ModalScreen[ProfileDetails | None]):
    """Dismissed with the checked details, or None. A problem is shown on one line in the
    form, beside what it is about, rather than as a notice that fades."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel")
    ]

    def __init__(
        self,
        details: ProfileDetails | None = None,
        title: str = "Profile details",
        ok: str = "Save",
    ) -> None:
        super().__init__()
        self.details = details or ProfileDetails("", "", "", QUESTIONS[0])
        self.heading, self.ok = title, ok

    def compose(self) -> ComposeResult:
        d = self.details
        questions = list(QUESTIONS) if d.question in QUESTIONS else [*QUESTIONS, d.question]
        with Vertical(classes="dialog", id="profile-form"):
            yield Label(self.heading, classes="form-title")
            with Horizontal(classes="form-row"):
                yield Label("Role", classes="form-label")
                yield Input(d.role, placeholder="e.g. Junior Data Analyst", id="role", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Company", classes="form-label")
                yield Input(d.company, placeholder="optional", id="company", compact=True)
            with Horizontal(classes="form-row stage-row"):
                yield Label("Stage", classes="form-label")
                yield Select(
                    [(f"{STAGE_LABEL[s]} ({s})", s) for s in CAREER_STAGES],
                    prompt="Choose your career stage",
                    value=d.career_stage or Select.NULL,
                    allow_blank=not d.career_stage,
                    id="stage",
                    compact=True,
                )
            yield Static(STAGE_MEANING.get(d.career_stage, NO_STAGE), id="stage-meaning")
            with Horizontal(classes="form-row"):
                yield Label("Question", classes="form-label")
                yield Select(
                    [(q, q) for q in questions],
                    value=d.question,
                    allow_blank=False,
                    id="question-choice",
                    compact=True,
                )
            yield Static("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button(self.ok, variant="primary", id="create", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#role", Input).focus()

    @on(Select.Changed, "#stage")
    def _stage_changed(self, event: Select.Changed) -> None:
        meaning = (
            STAGE_MEANING.get(event.value, NO_STAGE) if isinstance(event.value, str) else NO_STAGE
        )
        self.query_one("#stage-meaning", Static).update(meaning)
        self._problem("")

    @on(Input.Changed)
    def _typed(self) -> None:
        self._problem("")

    def _problem(self, text: str) -> None:
        self.query_one("#form-error", Static).update(text)

    @on(Button.Pressed, "#create")
    @on(Input.Submitted)
    def _save(self) -> None:
        role = self.query_one("#role", Input).value.strip()
        company = self.query_one("#company", Input).value.strip()
        stage = self.query_one("#stage", Select).value
        question = self.query_one("#question-choice", Select).value
        if not role:
            self._problem('Give the role: the job title, such as "Support Team Lead".')
            self.query_one("#role", Input).focus()
            return
        checks = (("Role", check_role, role), ("Company", check_company, company))
        for name, check, value in checks:
            try:
                check(value)
            except ValueError as exc:
                # One line: the problem alone when the advice after it would not fit.
                text = f"{name} {exc}."
                if len(text) > ERROR_CHARS:
                    text = f"{name} {str(exc).split(';')[0]}."
                self._problem(text)
                self.query_one(f"#{name.lower()}", Input).focus()
                return
        if not isinstance(stage, str):
            self._problem("Choose your career stage: it sets what realistic ambition is.")
            self.query_one("#stage", Select).focus()
            return
        if not isinstance(question, str):
            question = self.details.question
        self.dismiss(ProfileDetails(role, company, stage, question))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
