"""What vendors' published terms say about the data sent to their models: whether they train
on it, how long they keep it, and what a no-retention arrangement leaves out.

A few services a reader is likely to send data to, not every vendor; the privacy page shows
them as examples of what to check, so a service's pages that say nothing on a topic are shown
as silent rather than filled in.
"""

from __future__ import annotations

from . import sources as s
from .model import DataTerm, Fact

OPENAI, ANTHROPIC = "OpenAI API", "Claude API (Anthropic)"
GEMINI_API, GEAP = "Gemini API and Google AI Studio", "Gemini Enterprise Agent Platform (Google Cloud)"

DATA_TERMS = (
    DataTerm(OPENAI, "training", Fact(
        "OpenAI does not train its models on what is sent to its API, and has not since "
        "2023-03-01, unless the customer opts in to share it.", s.OPENAI_DATA_CONTROLS)),
    DataTerm(OPENAI, "retention", Fact(
        "Prompts and replies go into abuse-monitoring logs, kept for up to 30 days by default "
        "(longer where the law requires). Keeping them out, by zero data retention or modified "
        "abuse monitoring, needs OpenAI's approval first, and some endpoints still store "
        "application state under it.", s.OPENAI_DATA_CONTROLS)),
    DataTerm(ANTHROPIC, "training", Fact(
        "By default Anthropic does not train its models on the inputs and outputs of its "
        "commercial products, the API among them, unless the customer reports them as feedback "
        "or opts in.", s.ANTHROPIC_TRAINING)),
    DataTerm(ANTHROPIC, "retention", Fact(
        "Zero data retention is an arrangement Anthropic approves, organisation by "
        "organisation: inputs and outputs are then not stored unless the law or the fight "
        "against misuse requires it, though safety-classifier results are still kept. It is "
        "separate from Anthropic's default retention.", s.ANTHROPIC_ZERO_RETENTION)),
    DataTerm(ANTHROPIC, "exceptions", Fact(
        "One copy of Anthropic's zero-retention page lists features that set the arrangement aside: files sent "
        "through the Files API stay until you delete them, structured-output schemas are "
        "cached for up to 24 hours, and prompt caching keeps limited metadata and hashed, "
        "non-text forms of prompts for a while. Other copies do not mention them.",
        s.ANTHROPIC_ZERO_RETENTION, "medium")),
    DataTerm(GEMINI_API, "training", Fact(
        "On paid use, Google does not use prompts (cached content and uploaded files "
        "included) or replies to improve its products.", s.GEMINI_ZERO_RETENTION)),
    DataTerm(GEMINI_API, "training", Fact(
        "On free use (AI Studio, and the Gemini API's unpaid quota), Google uses prompts and "
        "replies to improve its products and machine learning, human reviewers may read them, "
        "and Google asks that nothing sensitive, confidential or personal be sent.",
        s.GEMINI_TERMS, "medium")),
    DataTerm(GEMINI_API, "retention", Fact(
        "For abuse monitoring, Google keeps Gemini API prompts, the context sent with them "
        "and the replies for 55 days, for enforcing its policies only, not for training.",
        s.GEMINI_USAGE_POLICIES)),
    DataTerm(GEAP, "training", Fact(
        "Google does not train or tune any model on a customer's data without the customer's "
        "permission or instruction; this covers every managed model on Agent Platform, "
        "previews included.", s.GEAP_ZERO_RETENTION)),
    DataTerm(GEAP, "retention", Fact(
        "Google keeps customer data for limited periods in the cases the page lists, prompt "
        "logging for abuse monitoring first; zero retention takes a specific step in each "
        "case.", s.GEAP_ZERO_RETENTION)),
)
