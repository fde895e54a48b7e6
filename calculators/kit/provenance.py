"""The sources that default figures cite. Each figure names one of these."""

from .schema import Source

# The practitioner guide (2026) whose facts and figures this site is built on.
GUIDE_2026 = Source(label="RAG vs fine-tuning practitioner guide, 2026", checked="2026-03-16")
