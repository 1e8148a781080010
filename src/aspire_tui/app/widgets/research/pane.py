"""Research: the company and the job (DOMAIN: "Preparing the answer", steps 1 and 2)."""

from __future__ import annotations

from ..fields import Field, FieldsPane


class ResearchPane(FieldsPane):
    SECTION = "research"
    INTRO = (
        "Research the company and the job, then choose, among the true things you "
        "want, the ones that align. Alignment is scored against what you put here."
    )
    FIELDS = (
        Field("culture", "Culture", "What it values and how people work there."),
        Field("short_term_plans", "Short-term plans", "What the company is working on now."),
        Field(
            "long_term_plans",
            "Long-term plans",
            "Where it says it is heading; an aim that grows with it shows staying power.",
        ),
        Field(
            "job_description",
            "Job description",
            "Paste it whole: its tasks and skills are what your answer should touch.",
        ),
        Field(
            "notes",
            "Notes",
            "The path above the role, e.g. Analyst -> Senior Analyst (2-3 years) -> Lead: "
            "targets are judged against it. The interviewers, what reviews say.",
        ),
    )
