"""The records and their rules: record types, fields and their checks, the stored
form and its migrations, and each rule in one place (status, overdue, advice,
feedback duty, KPIs and run charts, figures). Imports only the store's ground floor
(store/*.py: words, errors, dates, text) and itself (docs/architecture.md)."""
