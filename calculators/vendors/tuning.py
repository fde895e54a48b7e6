"""Where a reader can fine-tune today, and the roads that have closed, as of the checked date.

Only routes a reader would really weigh: the hosted platforms that still tune a well-known
model family, the open-weight hosts, the reader's own hardware, and the closed roads the
guide or older advice still points to (so the site can say plainly that they are closed).
"""

from __future__ import annotations

from ..guide import Guide
from . import sources as s
from .model import (
                    CHOSEN_REGION,
                    CLOSED,
                    DEDICATED,
                    EXISTING_CUSTOMERS,
                    HOSTS_CLOUD,
                    OPEN,
                    OWN_HARDWARE,
                    PER_TOKEN,
                    Fact,
                    TuningRoute,
)

_OPENAI_WIND_DOWN = Fact(
    "OpenAI is winding down self-serve fine-tuning: organisations that had never tuned were "
    "shut out on 2026-05-07, those without recent use of a tuned model on 2026-07-02, and no "
    "one can start a job from 2027-01-06.", s.OPENAI_DEPRECATIONS)
_OPENAI_SHUTDOWN = Fact(
    "GPT-4o, GPT-4o mini, GPT-4.1 and GPT-4.1 mini shut down on 2027-01-14, and every model "
    "tuned from them with them.", s.OPENAI_DEPRECATIONS)
_AZURE_HOSTING = Fact(
    "A deployed fine-tuned model on Azure is billed for every hour it is deployed, used or not, "
    "on top of its tokens; Global and Developer training tiers cost less but do not promise "
    "data residency.", s.AZURE_COSTS)
_AZURE_PRICE = Fact(
    "Azure's per-token rates for tuned models were not in the pages read; OpenAI's own price for "
    "a tuned model of this family stands in for them.", s.OPENAI_PRICING, "low")
_GEAP_PRICE = Fact(
    "A tuned Gemini endpoint is billed at its base model's prediction price, with no hosting "
    "fee.", s.GEAP_PRICING, "medium")
_GEAP_TRAINING = Fact(
    "Google's training price for Gemini 3.x models was not in the pages read; its last published "
    "rate for a Flash model was 3 USD per million training tokens (Gemini 2.0 Flash).",
    s.GEAP_PRICING, "low")
_FIREWORKS = Fact(
    "A tuned (LoRA) model on Fireworks needs a dedicated deployment, billed by GPU time; up to "
    "100 tuned adapters can share one deployment.", s.FIREWORKS_COSTS, "medium")



def _azure(family: str, price_key: str, factor: float) -> TuningRoute:
    """One of the GPT-4.1 family on Azure: the same terms and dates, its own model and price."""
    return TuningRoute(
        f"azure-{price_key.removeprefix('openai-')}", "Azure AI Foundry", family, "openai",
        ("openai", "azure"), OPEN, ("supervised", "preference"), DEDICATED, CHOSEN_REGION,
        (Fact(f"Azure AI Foundry still tunes {family} (supervised and preference); new training "
              "ends on 2027-04-14 and tuned deployments retire on 2027-10-14. Microsoft's "
              "retirement pages have given three different dates for this family in 2026, and "
              "mark the training phase for existing customers only: a new customer may already "
              "be shut out.", s.AZURE_RETIREMENTS, "medium"), _AZURE_HOSTING),
        price_key=price_key, tuned_price_factor=factor, jobs_until="2027-04-14",
        retires="2027-10-14", price_note=_AZURE_PRICE)


ROUTES = (
    TuningRoute(
        "geap-gemini-3.5-flash-lite", "Gemini Enterprise Agent Platform (formerly Vertex AI)",
        "Gemini 3.5 Flash-Lite", "google", ("google",), OPEN, ("supervised", "preference"),
        PER_TOKEN, CHOSEN_REGION,
        (Fact("Gemini 3.5 Flash-Lite can be tuned with supervised and preference tuning in "
              "Google's Agent Platform, in us-central1 and europe-west4.", s.GEAP_TUNING),
         Fact("Gemini 3.5 Flash-Lite retires on 2027-07-21 or later; Google may extend the date "
              "but does not bring it forward.", s.GEAP_LIFECYCLE), _GEAP_PRICE),
        price_key="google-gemini-3.5-flash-lite", tuned_price_factor=1.0,
        retires="2027-07-21", retires_or_later=True, price_note=_GEAP_TRAINING),
    TuningRoute(
        "geap-gemini-3.5-flash", "Gemini Enterprise Agent Platform (formerly Vertex AI)",
        "Gemini 3.5 Flash", "google", ("google",), OPEN, ("supervised", "preference"),
        PER_TOKEN, CHOSEN_REGION,
        (Fact("Gemini 3.5 Flash can be tuned in Google's Agent Platform; the Gemini API and AI "
              "Studio tune no model.", s.GEAP_TUNING),
         Fact("Gemini 3.5 Flash retires on 2027-05-19 or later.", s.GEAP_LIFECYCLE), _GEAP_PRICE),
        tuned_price_factor=1.0, retires="2027-05-19", retires_or_later=True,
        price_note=_GEAP_TRAINING),
    _azure("GPT-4.1 mini", "openai-gpt-4.1-mini", 2.0),
    _azure("GPT-4.1", "openai-gpt-4.1", 1.5),
    TuningRoute(
        "bedrock-nova-2-lite", "Amazon Bedrock", "Amazon Nova 2 Lite", "amazon", ("aws",), OPEN,
        ("supervised", "adapters", "reinforcement"), PER_TOKEN, CHOSEN_REGION,
        (Fact("Amazon Bedrock tunes its Nova models (supervised, adapters, reinforcement) in "
              "us-east-1, and serves custom Nova models on demand, billed per token.",
              s.BEDROCK_ON_DEMAND, "medium"),)),
    TuningRoute(
        "bedrock-open-weight", "Amazon Bedrock", "gpt-oss-20b and Qwen3-32B", "open",
        ("aws", "open"), OPEN, ("reinforcement",), PER_TOKEN, CHOSEN_REGION,
        (Fact("Since February 2026 Bedrock runs reinforcement fine-tuning on gpt-oss-20b and "
              "Qwen3-32B and serves the result on demand, with no endpoint to provision.",
              s.BEDROCK_RFT, "medium"),)),
    TuningRoute(
        "fireworks-gpt-oss-20b", "Fireworks AI", "gpt-oss-20b", "open", ("open",), OPEN,
        ("supervised", "preference", "reinforcement", "adapters"), DEDICATED, HOSTS_CLOUD,
        (_FIREWORKS,), price_key="fireworks-gpt-oss-20b"),
    TuningRoute(
        "fireworks-llama-3.1-8b", "Fireworks AI", "Llama 3.1 8B Instruct", "open", ("open",), OPEN,
        ("supervised", "preference", "reinforcement", "adapters"), DEDICATED, HOSTS_CLOUD,
        (_FIREWORKS,), price_key="fireworks-llama-v3p1-8b-instruct"),
    TuningRoute(
        "together-open-weight", "Together AI", "open-weight models (Llama, Qwen, gpt-oss, others)",
        "open", ("open",), OPEN, ("supervised", "preference", "adapters", "full"), DEDICATED,
        HOSTS_CLOUD,
        (Fact("Together bills tuning per token processed and serves a tuned model on a dedicated "
              "endpoint billed by the minute; an older page also described serverless adapters, "
              "which the current one does not.", s.TOGETHER_FINE_TUNING, "medium"),)),
    TuningRoute(
        "own-hardware", "Your own hardware or cloud account", "open-weight models whose licence "
        "allows it (Llama, Qwen, gpt-oss, Mistral)", "open", ("open",), OPEN,
        ("supervised", "preference", "reinforcement", "adapters", "full"), DEDICATED, OWN_HARDWARE,
        (Fact("Open-weight models can be tuned by whoever holds the weights, within their "
              "licences.", Guide("Can I fine-tune ChatGPT or Claude on my data?")),)),
    # Closed roads, kept so that the site can say so plainly.
    TuningRoute(
        "openai-api", "OpenAI API", "GPT-4o, GPT-4o mini, GPT-4.1, GPT-4.1 mini", "openai",
        ("openai",), EXISTING_CUSTOMERS, ("supervised", "preference"), PER_TOKEN, HOSTS_CLOUD,
        (_OPENAI_WIND_DOWN, _OPENAI_SHUTDOWN,
         Fact("No current GPT model (GPT-5 and later) can be tuned through OpenAI's API.",
              s.OPENAI_GPT6_LUNA)),
        jobs_until="2027-01-06", retires="2027-01-14"),
    TuningRoute(
        "anthropic", "Anthropic (Claude API, Bedrock, Agent Platform, Foundry)", "Claude models",
        "anthropic", ("anthropic",), CLOSED, (), PER_TOKEN, HOSTS_CLOUD,
        (Fact("Anthropic's own API has never tuned Claude models.", s.ANTHROPIC_MODELS),
         Fact("The one route to a tuned Claude, Claude 3 Haiku on Amazon Bedrock in us-west-2, "
              "ended when that model reached end of life on 2026-09-10; no other platform was "
              "found to tune Claude.", s.BEDROCK_CLAUDE_3_HAIKU, "medium")),
        retires="2026-09-10"),
    TuningRoute(
        "gemini-api", "Gemini API and AI Studio", "Gemini models", "google", ("google",), CLOSED,
        (), PER_TOKEN, HOSTS_CLOUD,
        (Fact("The Gemini API and AI Studio tune no model and Google has no plans to; tuning "
              "moved to the Agent Platform.", s.GEMINI_API_TUNING),)),
    TuningRoute(
        "mistral-api", "Mistral La Plateforme", "Mistral models", "mistral", ("open",), CLOSED,
        (), PER_TOKEN, HOSTS_CLOUD,
        (Fact("Mistral lists its fine-tuning API as deprecated with no replacement documented; "
              "its Forge service for custom training is sold through sales.",
              s.MISTRAL_DEPRECATED),)),
)
