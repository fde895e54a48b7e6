"""The pages the vendor facts were read from, each with the day this site read it.

A fact names one of these; the methodology page lists them. When a fact is re-checked,
update its page's `read` date here and `CHECKED` in `calculators.vendors`.
"""

from __future__ import annotations

from ..kit.provenance import Page

READ = "2026-12-04"

OPENAI_DEPRECATIONS = Page("OpenAI API deprecations",
                           "https://developers.openai.com/api/docs/deprecations",
                           READ, "entries 2026-04-22 to 2026-11-05")
OPENAI_PRICING = Page("OpenAI API pricing", "https://developers.openai.com/api/docs/pricing",
                      READ, "captured September 2026")
OPENAI_CACHING = Page("OpenAI prompt caching guide",
                      "https://developers.openai.com/api/docs/guides/prompt-caching",
                      READ, "October-November 2026")
OPENAI_GPT6_LUNA = Page("OpenAI GPT-6 Luna model page",
                        "https://developers.openai.com/api/docs/models/gpt-6-luna",
                        READ, "September-October 2026")
AZURE_FINE_TUNING = Page("Microsoft Learn: Azure OpenAI fine-tuning",
                         "https://learn.microsoft.com/azure/ai-foundry/openai/how-to/fine-tuning",
                         READ, "2026-07-30")
AZURE_RETIREMENTS = Page("Microsoft Learn: Azure OpenAI model deprecations and retirements",
                         "https://learn.microsoft.com/azure/ai-services/openai/concepts/model-retirements",
                         READ, "2026-07-07")
AZURE_COSTS = Page("Microsoft Learn: Azure OpenAI fine-tuning cost management",
                   "https://learn.microsoft.com/azure/foundry/openai/how-to/fine-tuning-cost-management",
                   READ, "2026")
ANTHROPIC_MODELS = Page("Claude models overview",
                        "https://platform.claude.com/docs/en/models/opus-5/overview", READ,
                        "October 2026")
ANTHROPIC_CACHING = Page("Claude prompt caching",
                         "https://platform.claude.com/docs/en/build-with-claude/prompt-caching",
                         READ, "2026-10-04")
ANTHROPIC_STRUCTURED = Page("Claude structured outputs",
                            "https://platform.claude.com/docs/en/build-with-claude/structured-outputs",
                            READ, "2026")
BEDROCK_CLAUDE_3_HAIKU = Page(
    "Amazon Bedrock: Claude 3 Haiku model card",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-3-haiku",
    READ, "after 2026-09-10")
BEDROCK_FINE_TUNING = Page(
    "Amazon Bedrock: supported models for fine-tuning",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning", READ,
    "undated")
BEDROCK_ON_DEMAND = Page(
    "Amazon Bedrock: on-demand inference for custom models",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html",
    READ, "2026")
BEDROCK_RFT = Page(
    "Amazon Bedrock: reinforcement fine-tuning of open-weight models",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/fine-tuning-openai-apis.html", READ,
    "2026")
GEMINI_API_TUNING = Page("Gemini API: model tuning", "https://ai.google.dev/gemini-api/docs/model-tuning",
                         READ, "2026-04-29")
GEAP_TUNING = Page("Gemini Enterprise Agent Platform: tuning reference",
                   "https://docs.cloud.google.com/gemini-enterprise-agent-platform/reference/models/tuning",
                   READ, "2026")
GEAP_PRICING = Page("Gemini Enterprise Agent Platform: generative AI pricing",
                    "https://cloud.google.com/vertex-ai/generative-ai/pricing", READ,
                    "captured 2026-08-05")
GEAP_LIFECYCLE = Page("Gemini Enterprise Agent Platform: model versions and lifecycle",
                      "https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/model-versions",
                      READ, "captured 2026-09-17")
GEMINI_CACHING = Page("Gemini API: context caching", "https://ai.google.dev/gemini-api/docs/caching",
                      READ, "2026-07-07")
GEMINI_DEPRECATIONS = Page("Gemini API: deprecations",
                           "https://ai.google.dev/gemini-api/docs/deprecations", READ,
                           "September-November 2026")
GEMINI_PRICING = Page("Gemini API: pricing", "https://ai.google.dev/gemini-api/docs/pricing", READ,
                      "harvested 2026-10-07")
GEMINI_STRUCTURED = Page("Firebase AI Logic: structured output",
                         "https://firebase.google.com/docs/ai-logic/generate-structured-output",
                         READ, "late 2026")
MISTRAL_DEPRECATED = Page("Mistral docs: deprecated features",
                          "https://docs.mistral.ai/resources/deprecated", READ, "undated")
MISTRAL_STRUCTURED = Page("Mistral docs: custom structured outputs",
                          "https://docs.mistral.ai/capabilities/structured-output/custom_structured_output/",
                          READ, "2025-01-28")
TOGETHER_FINE_TUNING = Page("Together AI: fine-tuning pricing and deployment",
                            "https://docs.together.ai/docs/fine-tuning/pricing", READ, "2026")
FIREWORKS_COSTS = Page("Fireworks AI: cost structure",
                       "https://docs.fireworks.ai/faq/billing-pricing-usage/pricing/cost-structure",
                       READ, "2026")
# What vendors do with the data sent to them (data_terms.py).
OPENAI_DATA_CONTROLS = Page("OpenAI: data controls in the OpenAI platform",
                            "https://developers.openai.com/api/docs/guides/your-data", READ,
                            "undated")
ANTHROPIC_TRAINING = Page(
    "Anthropic: is my data used for model training?",
    "https://support.anthropic.com/en/articles/7996868-is-my-data-used-for-model-training",
    READ, "undated")
ANTHROPIC_ZERO_RETENTION = Page(
    "Anthropic privacy centre: zero data retention agreements",
    "https://privacy.claude.com/en/articles/8956058-i-have-a-zero-data-retention-agreement-with-anthropic-what-products-does-it-apply-to",
    READ, "undated; copies differ")
GEMINI_ZERO_RETENTION = Page("Gemini API: zero data retention",
                             "https://ai.google.dev/gemini-api/docs/zdr", READ, "undated")
GEMINI_USAGE_POLICIES = Page("Gemini API: additional usage policies",
                             "https://ai.google.dev/gemini-api/docs/usage-policies", READ,
                             "undated")
GEMINI_TERMS = Page("Gemini API Additional Terms of Service", "https://ai.google.dev/gemini-api/terms",
                    READ, "version effective 2025-05-20, in Google's Chinese edition")
GEAP_ZERO_RETENTION = Page(
    "Gemini Enterprise Agent Platform and zero data retention",
    "https://docs.cloud.google.com/gemini-enterprise-agent-platform/resources/zero-data-retention",
    READ, "undated")
