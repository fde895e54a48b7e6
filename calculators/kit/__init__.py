"""The shared machinery every calculator is built from; it imports no calculator.

schema      inputs as data: fields, grouping, validation
provenance  where each figure, rule and threshold comes from
calculator  the Calculator and Preset types a calculator module fills in
report      one result structure, rendered to HTML, Markdown and plain text
form        the calculator widget (form, status, result, actions) as HTML
html        `tag` and `Markup`: every piece of text is escaped once, here
stacked_bar stacked horizontal bars as SVG
links       URLs that open a calculator filled in
reference   the methodology tables: every default, figure and rule with its source
"""
