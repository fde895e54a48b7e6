"""The site's own readings behind the advisor's rules, each with its one-sentence reason:
where the guide gives no rule, or where the site departs from the guide and says why."""

from __future__ import annotations

from ..kit.provenance import Judgement

NOTHING_NEEDED = Judgement("The guide gives no outcome when every question is answered no; its "
                           "first step, a better prompt, is where the advisor stops.")
FITS_IN_PROMPT = Judgement(
    "The guide does not weigh this option and always starts with retrieval; when the documents "
    "fit the model's window whole, the prompt does retrieval's job with fewer moving parts.")
FORMAT_FIRST = Judgement(
    "The guide counts an output format among its reasons to tune; the site departs from it "
    "because the large vendors' APIs now hold replies to a schema, as their dated pages show, "
    "so a format alone no longer needs tuning.")
TASK_PROMPT_FIRST = Judgement(
    "The guide's figure for prompting covers style and format only; for a narrow task or a "
    "way of reasoning, the site asks for a prompt first as the cheap baseline that tuning "
    "must beat.")
