"""The five ways to build that the estimator costs, and what each one's figure includes.

The words here are the site's, written once: the result's table, the CSV, the chart's
legend and the page's explanation all read them.
"""

from __future__ import annotations

PROMPT, LONG_CONTEXT, RAG, TUNED, TUNED_RAG = "prompt", "long_context", "rag", "ft", "ft_rag"
APPROACHES = (PROMPT, LONG_CONTEXT, RAG, TUNED, TUNED_RAG)
LABELS = {PROMPT: "Base model + prompt", LONG_CONTEXT: "Long context + caching", RAG: "RAG",
          TUNED: "Fine-tuned model", TUNED_RAG: "Fine-tuned model + RAG"}
IN_A_SENTENCE = {PROMPT: "a base model with a good prompt",
                 LONG_CONTEXT: "long context with prompt caching", RAG: "RAG",
                 TUNED: "a fine-tuned model", TUNED_RAG: "a fine-tuned model with RAG"}
RETRIEVES = frozenset({RAG, TUNED_RAG})
TUNES = frozenset({TUNED, TUNED_RAG})

# What each approach's figure includes, in a sentence: beside the calculator and in the
# methodology. The knowledge each approach draws on is said plainly.
INCLUDES = {
    PROMPT: "The answering model's tokens for your instructions, worked examples and the question; "
            "an evaluation before launch and after each forced model change. It knows nothing of "
            "your documents.",
    LONG_CONTEXT: "Every document in every prompt, ahead of the question, with the provider's "
                  "cache reads and writes (rewritten after each update), plus evaluations. No "
                  "retrieval system to build or run.",
    RAG: "Retrieval's running costs (embedding the documents and re-embedding what changes, the "
         "vector store, reranking) or the guide's monthly range, and the answering model's tokens "
         "with the retrieved passages in each prompt, plus evaluations.",
    TUNED: "Preparing training data, training runs (the first version, each behaviour change, each "
           "forced move to a new base model and, if the knowledge lives in the weights, each "
           "update), serving the tuned model on its short prompt, and evaluations.",
    TUNED_RAG: "Everything the fine-tuned model costs, except training for knowledge updates, plus "
               "everything retrieval costs: the tuned model answers from retrieved passages.",
}
