-- Lists trust an action's `listed` fields only while every action of its unit is known
-- to load (store/validate.py), as the files write their list index only then: a
-- document that fails the load-time check (a hand edit with SQL) must not show in
-- `spiegel list` while `spiegel check` reports it. `checked` is the unit's `version`
-- at which a spiegel client last found every action good; any change to a unit's
-- records (spiegel's own writes, or SQL by hand, which need not bump `version`)
-- clears it, so the next list reads the whole unit once and checks it again.

ALTER TABLE spiegel.units ADD COLUMN checked bigint;

CREATE FUNCTION spiegel.uncheck() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    of_unit text := CASE WHEN TG_OP = 'DELETE' THEN OLD.unit ELSE NEW.unit END;
    of_kind text := CASE WHEN TG_OP = 'DELETE' THEN OLD.kind ELSE NEW.kind END;
BEGIN
    IF of_kind = 'portfolio_figures' THEN  -- the portfolio's cache (store/pg/figures.py), written by readers
        RETURN NULL;
    END IF;
    UPDATE spiegel.units SET checked = NULL WHERE slug = of_unit AND checked IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER records_uncheck AFTER INSERT OR UPDATE OR DELETE ON spiegel.records
    FOR EACH ROW EXECUTE FUNCTION spiegel.uncheck();

GRANT SELECT (checked) ON spiegel.units TO spiegel_users;
GRANT UPDATE (checked) ON spiegel.units TO spiegel_users;
