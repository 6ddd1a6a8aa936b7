"""PlanRecord in, graph out: entity resolution, stores (embedded, Neo4j), exports.
Imports ontology (and the leaf errors module), never loaders' internals."""
