"""Questions over a graph and an as-of date: trace, responsible, audit, gaps.
Pure functions returning plain result objects. Imports ontology and graph."""
