"""The decision advisor's inputs, grouped as a reader answers them."""

from __future__ import annotations

from .. import figures
from ..kit.provenance import Judgement
from ..kit.schema import ChoiceField, Group, NumberField, Option
from .facts import FREQUENCIES, RETRIEVAL_LATENCY_MS, VENDORS, VENDORS_SOURCE

_YES_NO = (Option("yes", "Yes"), Option("no", "No"))
_LOW, _HIGH = RETRIEVAL_LATENCY_MS
# The guide names cost at scale as a reason to tune but gives no volume; the reader judges.
HIGH_VOLUME = Judgement("The guide names cost at scale as a reason to fine-tune but gives no "
                        "query volume, so the reader judges whether cost per query matters.")

FIELDS = (
    Group("The five questions", "The guide's decision framework; answer for the product as it "
                                "should work, not as it works today.", (
        ChoiceField("knowledge", "Q1. Does the model need specific, current information?",
                    "Facts it cannot know from training: your catalogue, prices, policies, "
                    "documents, news.", _YES_NO, "yes"),
        ChoiceField("tone", "Q2a. Must its tone, style or output format change?",
                    "A brand voice, your code conventions, an output format it must always follow.",
                    _YES_NO, "yes"),
        ChoiceField("reasoning", "Q2b. Must it reason like a specialist in your domain?",
                    "The way a radiologist, a financial analyst or a lawyer works through a case.",
                    _YES_NO, "no"),
        ChoiceField("accuracy", "Q2c. Must one narrow task be right almost every time?",
                    "Classification, extraction or scoring, where a near miss counts as an error.",
                    _YES_NO, "no"),
        ChoiceField("change", "Q3. How often does that knowledge change?",
                    "More than once a month (weekly or daily) is too often to keep retraining a "
                    "model.", tuple(Option(key, key.capitalize()) for key in FREQUENCIES),
                    "monthly"),
        ChoiceField("citations", "Q4. Must answers cite their sources?",
                    "Common in legal, medical and compliance work.", _YES_NO, "no"),
    )),
    Group("Before you build", "The guide's first step, before either approach.", (
        ChoiceField("prompting", "Have you tried a good system prompt with few-shot examples?",
                    "A few worked examples in the prompt often get most of the way on style and "
                    "format.", _YES_NO, "no"),
    )),
    Group("Your situation", "Facts that add reasons or warnings to the answer.", (
        NumberField("documents", "Knowledge base size", "documents",
                    "Documents, articles or records the answers draw on; 0 if there are none.",
                    default=2000, minimum=0, maximum=1_000_000_000, integer=True),
        ChoiceField("access", "Do different users see different documents?",
                    "Access control per user or team over the knowledge base.", _YES_NO, "no"),
        ChoiceField("latency", "Latency budget",
                    f"Real-time means a retrieval step ({_LOW}-{_HIGH} ms) would break it, as in "
                    "code completion while someone types.",
                    (Option("flexible", "Flexible"), Option("realtime", "Hard real-time budget")),
                    "flexible"),
        ChoiceField("volume", "Query volume",
                    "High means the cost of each query decides whether the product pays.",
                    (Option("modest", "Modest"), Option("high", "High: cost per query matters")),
                    "modest", source=HIGH_VOLUME),
        ChoiceField("provider", "Model provider in mind",
                    "Fine-tuning availability differs by vendor, as of the 2026-03 source.",
                    tuple(Option(v.key, f"{v.name} ({v.models})") for v in VENDORS)
                    + (Option("undecided", "Not decided"),), "undecided", source=VENDORS_SOURCE),
    )),
    Group("Training data", "Only matters if some model gets fine-tuned.",
          (figures.TRAINING_EXAMPLES_FIELD, figures.EXAMPLE_QUALITY_FIELD)),
)
