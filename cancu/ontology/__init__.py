"""The vocabulary of cancu: node and edge kinds, reform areas, levels,
statuses, identifiers, and the curated registries as versioned data files.

Imports nothing of cancu (only the leaf ``cancu.errors``)."""
