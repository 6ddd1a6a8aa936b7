"""Pictures of query results. Imports ontology and queries, never loaders.

``render.render(picture, path, fmt)`` is the one entry point: an adapter
(``adapters.py``) turns a query result into a neutral ``picture.Picture``;
``collapse`` keeps it within a node budget; ``html`` writes one offline,
escaped page around the vendored vis-network, ``static`` an SVG or PNG with
the same layout (``layout``). docs/viz.md says why not pyvis's own template.
"""
