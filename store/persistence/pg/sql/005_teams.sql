-- Teams (schema 5 of the unit data, store/records.py `Team`): ids `T-n`. Their
-- documents need no SQL change (a new table is a new `kind`); only the id register
-- learns the prefix and gets its own sequence.
ALTER TABLE spiegel.ids DROP CONSTRAINT IF EXISTS ids_prefix_check;
ALTER TABLE spiegel.ids ADD CONSTRAINT ids_prefix_check CHECK (prefix IN ('A', 'B', 'K', 'L', 'M', 'T'));
CREATE SEQUENCE spiegel.ids_t;
GRANT USAGE ON SEQUENCE spiegel.ids_t TO spiegel_users;
