"""The file backend: a data directory of per-unit directories (layout.py), opened
so a hostile colleague cannot plant, swap or block anything (safe.py), each unit's
cached reads and locked atomic writes (unitfile.py), its list index (listing.py),
the id registry (ids.py), and the admin's commands (admin.py)."""
