-- Visits (store/records.py Visit, ids B-n) are records like any other (`kind` is
-- 'visits': no table change); their ids come from their own sequence and are
-- registered in spiegel.ids like the others'.
ALTER TABLE spiegel.ids DROP CONSTRAINT IF EXISTS ids_prefix_check;
ALTER TABLE spiegel.ids ADD CONSTRAINT ids_prefix_check CHECK (prefix IN ('A', 'B', 'K', 'L', 'M'));
CREATE SEQUENCE IF NOT EXISTS spiegel.ids_b;
GRANT USAGE ON SEQUENCE spiegel.ids_b TO spiegel_users;
