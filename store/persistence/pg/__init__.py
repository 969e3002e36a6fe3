"""The PostgreSQL backend (store/persistence/backend.py): for a care group past one server.

psycopg is imported only when a database is configured (`--db postgresql://…`,
`SPIEGEL_DB`): with files, nothing here is loaded. The schema lives in sql/, one
file per version, applied in order by `spiegel db upgrade` (migrations.py).
"""
