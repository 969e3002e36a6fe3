"""Where the records live, behind the backend seam: `Store` (repository.py), a
unit's transaction, the backend interface and its two kinds, files/ and pg/.
Imports the model and the ground floor (docs/architecture.md)."""
