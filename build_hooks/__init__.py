"""MkDocs glue: build the calculators wheel, stage Pyodide, place calculators in pages.

Nothing here computes what a calculator owns; it calls `calculators` and places its output.
"""
