"""The model-price dataset as the calculators cite it, and the choice that leaves it.

calculators/prices.py is generated; what it means to a calculator is written here once.
"""

from __future__ import annotations

from .kit.provenance import Dataset
from .prices import DATASET_NAME, DATASET_VERSION, PRICES_AS_OF

# Where every model price and context window comes from.
PRICE_DATASET = Dataset(DATASET_NAME, DATASET_VERSION, PRICES_AS_OF)
# The model picker's choice for a model the dataset does not list: the reader types its figures.
CUSTOM = "custom"
