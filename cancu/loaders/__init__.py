"""Text in, PlanRecord out (EXTRACTION.md). No graph knowledge; imports only ontology."""
