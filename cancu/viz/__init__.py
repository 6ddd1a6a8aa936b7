"""Pictures of query results. Imports ontology and queries, never loaders."""
