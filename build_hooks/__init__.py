"""A MkDocs plugin that puts calculators written with the `calculators` kit in a site.

plugin.py (the plugin, options in config.py), blocks.py (the page markers, a Python-Markdown
extension) and finish.py (the plugin's work over a site another generator built). Nothing
here computes what a calculator owns, or knows a site's content: it calls the calculator
package and places its output.
"""
