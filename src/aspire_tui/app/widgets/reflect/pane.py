"""Reflect: the coach's self-reflection questions (DOMAIN: "Finding one's aspirations")."""

from __future__ import annotations

from ..fields import Field, FieldsPane


class ReflectPane(FieldsPane):
    SECTION = "reflection"
    INTRO = (
        "Aspirations come from your talents, values and the life you want. "
        "Answer in a few honest lines; the coach uses them to check your draft."
    )
    FIELDS = (
        Field(
            "strengths",
            "What are you good at? What do people come to you for?",
            "Your strengths become the talking points of the answer.",
        ),
        Field(
            "enjoy",
            "Which tasks do you enjoy?",
            "An aim built on work you enjoy sounds sincere, and lasts.",
        ),
        Field("avoid", "Which tasks do you dread?", "So you don't aim at a role made of them."),
        Field(
            "work_style",
            "Lead people or grow as an expert? Alone or in a team? "
            "What does a good working day look like, hour by hour?",
            "This decides whether your next step is a management or a specialist one.",
        ),
        Field(
            "success",
            "How will you know your career is going well?",
            "Your own measure of success is the long-range aspiration.",
        ),
        Field(
            "motivators",
            "What drives you: influence, pay, learning, building new things, "
            "helping people, being recognised?",
            "Lead with the drivers that serve the job; everyone wants to earn well.",
        ),
        Field(
            "values",
            "What matters to you outside work that your career has to respect?",
            "Know your limits before you promise a path.",
        ),
    )
