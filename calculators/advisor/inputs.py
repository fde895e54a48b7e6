"""The decision advisor's inputs: the guide's five questions, then the reader's situation."""

from __future__ import annotations

from .. import figures
from ..kit.provenance import Judgement
from ..kit.schema import ChoiceField, Group, NumberField, Option
from .facts import (FREQUENCIES, RETRIEVAL_LATENCY_MS, SMALL_KNOWLEDGE_DOCUMENTS, VENDORS,
                    VENDORS_SOURCE)

_YES_NO = (Option("yes", "Yes"), Option("no", "No"))
_LOW, _HIGH = RETRIEVAL_LATENCY_MS
# The guide names cost at scale and mixed traffic as reasons for its patterns but gives no volume.
VOLUME_READING = Judgement("The guide names cost at scale and traffic of simple and complex "
                           "queries as reasons for its patterns but gives no query volume, so "
                           "the reader judges when cost per query matters.")

FIELDS = (
    Group("The five questions",
          "The guide's decision framework, for the product as it should work. A yes to any part "
          "of Q2 is a yes to Q2; Q5 (knowledge and behaviour both) follows from the others.", (
              ChoiceField("knowledge", "Q1. Does the model need specific, current information?",
                          "Facts it cannot know from training: your catalogue, prices, policies, "
                          "documents, news.", _YES_NO, "yes"),
              ChoiceField("tone", "Q2a. Must its tone, style or output format change?",
                          "A brand voice, your code conventions, an output format it must always "
                          "follow.", _YES_NO, "yes"),
              ChoiceField("reasoning", "Q2b. Must it reason like a specialist in your domain?",
                          "The way a radiologist, a financial analyst or a lawyer works through a "
                          "case.", _YES_NO, "no"),
              ChoiceField("accuracy", "Q2c. Must one narrow task be right almost every time?",
                          "Classification, extraction or scoring, where a near miss counts as an "
                          "error.", _YES_NO, "no"),
              ChoiceField("prompting", "Q2d. Have you tried a good prompt with few-shot examples "
                                       "for it?",
                          "The guide's first step: a few worked examples in the prompt often get "
                          "most of the way on style and format.", _YES_NO, "no"),
              ChoiceField("change", "Q3. How often does that knowledge change?",
                          "More than once a month (weekly or daily) is too often to keep "
                          "retraining a model.",
                          tuple(Option(key, key.capitalize()) for key in FREQUENCIES), "monthly"),
              ChoiceField("citations", "Q4. Must answers cite their sources?",
                          "Common in legal, medical and compliance work.", _YES_NO, "no"),
          )),
    Group("Your documents",
          "What the answers draw on. These decide between a long prompt, plain retrieval and a "
          "tuned retriever.", (
              NumberField("documents", "Knowledge base size", "documents",
                          f"Documents, articles or records the answers draw on; 0 if there are "
                          f"none yet. Up to {SMALL_KNOWLEDGE_DOCUMENTS} that rarely change can sit "
                          f"in the prompt itself.",
                          default=2000, minimum=0, maximum=1_000_000_000, integer=True),
              ChoiceField("vocabulary", "Does standard search miss your domain's words?",
                          "Terms of art, abbreviations, part or case codes that a general-purpose "
                          "search matches poorly, so the right passages do not come back. Not sure? "
                          "Answer no, and measure what comes back once retrieval runs.",
                          _YES_NO, "no"),
              ChoiceField("access", "Do different users see different documents?",
                          "Access control per user or team over the knowledge base.", _YES_NO,
                          "no"),
          )),
    Group("Your traffic", "How fast each answer must come and how many there are.", (
        ChoiceField("latency", "Latency budget",
                    f"Real-time means a retrieval step ({_LOW}-{_HIGH} ms) would break it, as in "
                    "code completion while someone types.",
                    (Option("flexible", "Flexible"), Option("realtime", "Hard real-time budget")),
                    "flexible"),
        ChoiceField("volume", "Query volume",
                    "High means the cost of each query decides whether the product pays. Say "
                    "whether the queries are alike, or mostly simple with a few hard ones.",
                    (Option("modest", "Modest"), Option("high", "High: queries are alike"),
                     Option("mixed", "High: mostly simple queries, a few hard ones")),
                    "modest", source=VOLUME_READING),
    )),
    Group("Fine-tuning data and provider", "Only matters if some model gets fine-tuned.", (
        figures.TRAINING_EXAMPLES_FIELD,
        figures.EXAMPLE_QUALITY_FIELD,
        ChoiceField("provider", "Model provider in mind",
                    "Fine-tuning availability differs by vendor, as of the 2026-03 source.",
                    tuple(Option(v.key, f"{v.name} ({v.models})") for v in VENDORS)
                    + (Option("undecided", "Not decided"),), "undecided", source=VENDORS_SOURCE),
    )),
)
