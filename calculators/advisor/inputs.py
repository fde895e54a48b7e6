"""The decision advisor's inputs (the guide's five questions, then the reader's situation) and
its presets, the guide's five real-world examples."""

from __future__ import annotations

from .. import figures
from ..kit.calculator import Preset
from ..kit.provenance import Judgement
from ..kit.schema import ChoiceField, Group, NumberField, Option, Value, flat_fields
from .facts import DEFAULT_WINDOW, DEFAULT_WINDOW_TOKENS, FREQUENCIES, QUESTION_AND_ANSWER_TOKENS, RETRIEVAL_LATENCY_MS
from .platforms import ANYWHERE, NOT_DECIDED, PLATFORMS, RESIDENCIES

_YES_NO = (Option("yes", "Yes"), Option("no", "No"))
_LOW, _HIGH = RETRIEVAL_LATENCY_MS
# The guide names cost at scale and mixed traffic as reasons for its patterns but gives no volume.
VOLUME_READING = Judgement("The guide names cost at scale and traffic of simple and complex "
                           "queries as reasons for its patterns but gives no query volume, so "
                           "the reader judges when cost per query matters.")

FIELDS = (
    Group("The five questions",
          "The guide's decision framework, for the product as it should work. Its Q2 names tone, "
          "style and reasoning; format and narrow-task accuracy come from its list of when "
          "fine-tuning fits. Q5 (knowledge and behaviour both) follows from the others.", (
              ChoiceField("knowledge", "Q1. Does the model need specific, current information?",
                          "Facts it cannot know from training: your catalogue, prices, policies, "
                          "documents, news.", _YES_NO, "yes"),
              ChoiceField("tone", "Q2a. Must its tone or style change?",
                          "A brand voice, your code conventions, the way it speaks to your "
                          "readers.", _YES_NO, "yes"),
              ChoiceField("format", "Q2b. Must its replies follow a fixed output format?",
                          "JSON for another program, a fixed set of labels, a report layout. "
                          "Answer yes to Q2a as well if the wording inside must change too.",
                          _YES_NO, "no"),
              ChoiceField("reasoning", "Q2c. Must it reason like a specialist in your domain?",
                          "The way a radiologist, a financial analyst or a lawyer works through a "
                          "case.", _YES_NO, "no"),
              ChoiceField("accuracy", "Q2d. Must one narrow task be right almost every time?",
                          "Classification, extraction or scoring, where a near miss counts as an "
                          "error.", _YES_NO, "no"),
              ChoiceField("prompting", "Q2e. Have you tried a good prompt with few-shot examples "
                                       "for it?",
                          "The guide's first step: a system prompt with a few worked examples, "
                          "measured on your own cases.", _YES_NO, "no"),
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
                          "Documents, articles or records the answers draw on; 0 if there are "
                          "none yet.",
                          default=2000, minimum=0, maximum=1_000_000_000, integer=True),
              NumberField("document_tokens", "Average length of a document", "tokens",
                          "A rough figure will do; your provider's token counter gives an exact "
                          "one. Count times length is what a prompt holding them all would carry.",
                          default=2000, minimum=1, maximum=100_000_000, integer=True),
              NumberField("window", "Your model's context window", "tokens",
                          f"Documents that fit it with {QUESTION_AND_ANSWER_TOKENS:,} tokens to "
                          f"spare for the question and the answer can sit in the prompt itself.",
                          default=DEFAULT_WINDOW_TOKENS, minimum=1_000, maximum=100_000_000,
                          integer=True, source=DEFAULT_WINDOW),
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
    Group("Your platform and training data",
          "Where the model runs, where the data must stay, and what you could train on.", (
        ChoiceField("platform", "Platform you answer with, or would use",
                    "Which models can be tuned, and where, depends on it; the vendor facts are "
                    "dated and shown with the advice.", PLATFORMS, NOT_DECIDED),
        ChoiceField("residency", "Where must the data stay?",
                    "A rule of your own or your customers': only the tuning roads that keep the "
                    "data there are offered.", RESIDENCIES, ANYWHERE),
        figures.TRAINING_EXAMPLES_FIELD,
        figures.EXAMPLE_QUALITY_FIELD,
    )),
)


def _preset(name: str, label: str, **answers: Value) -> Preset:
    return Preset(name, label, {f.name: answers.get(f.name, f.default) for f in flat_fields(FIELDS)})


# The guide's five real-world examples: each reaches the approach the guide gives it, through
# the answers that carry the guide's reason (the legal analyzer through its terminology).
PRESETS = (
    _preset("customer-support", "Customer support bot", knowledge="yes", tone="no", change="weekly",
            citations="yes", prompting="yes", documents=5000, examples=0, quality="raw"),
    _preset("medical-assistant", "Medical diagnosis assistant", knowledge="yes", tone="no",
            reasoning="yes", change="monthly", citations="yes", prompting="yes", documents=20000,
            examples=1500),
    _preset("brand-content", "Brand content generator", knowledge="no", tone="yes", change="never",
            prompting="yes", documents=0, examples=300),
    _preset("legal-analyzer", "Legal document analyzer", knowledge="yes", tone="no",
            change="monthly", citations="yes", prompting="yes", documents=50000, vocabulary="yes",
            examples=1000),
    _preset("code-completion", "Code completion tool", knowledge="no", tone="yes", change="yearly",
            prompting="yes", documents=0, latency="realtime", volume="high", examples=2000,
            platform="open"),
)
