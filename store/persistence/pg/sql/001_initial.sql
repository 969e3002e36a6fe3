-- spiegel's schema, version 1: units, their records, and the id register.
-- A unit's data is the file format of store/schema.py split into rows: one row in
-- `units` (its `_meta` document and a write counter) and one row per record.

CREATE SCHEMA IF NOT EXISTS spiegel;

CREATE TABLE spiegel.units (
    slug     text PRIMARY KEY CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    meta     json NOT NULL,             -- the `_meta` document (schema version of the documents)
    version  bigint NOT NULL DEFAULT 1   -- counts writes: the fingerprint screens poll
);

-- Records as the documents the file format holds; `kind` is the file's table name,
-- `number` the document id (`A-12` is number 12 of `actions`; the unit's own record is
-- number 1 of `unit`). Records never move between units. `json`, not `jsonb`: it keeps
-- a document as written (key order: a change log's fields are listed in the order
-- they changed; escapes a hand edit may hold), and spiegel never queries inside it
-- beyond picking a list's fields.
CREATE TABLE spiegel.records (
    unit    text NOT NULL REFERENCES spiegel.units (slug) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind ~ '^[a-z_]{1,32}$'),  -- a table of store/schema.py (a new one: no SQL change)
    number  bigint NOT NULL CHECK (number > 0),
    doc     json NOT NULL,
    listed  json,                        -- an action's fields a list shows: set by the trigger below
    PRIMARY KEY (unit, kind, number)
);

-- What `spiegel list` shows of an action (store/files/listing.py FIELDS: keep in step),
-- those of its fields the document holds: lists need not read every action's history.
-- A trigger, so a document edited with SQL by hand is listed as it now is.
CREATE FUNCTION spiegel.set_listed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.listed := NULL;
    IF NEW.kind = 'actions' THEN
        BEGIN
            NEW.listed := (SELECT coalesce(json_object_agg(key, value), '{}') FROM json_each(NEW.doc)
                           WHERE key IN ('id', 'status', 'phase', 'route', 'deadline', 'owner', 'title', 'description'));
        EXCEPTION WHEN invalid_text_representation OR untranslatable_character THEN
            NULL;  -- an escape json_each cannot read (a lone surrogate): lists read the whole unit
        END;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER records_listed BEFORE INSERT OR UPDATE OF doc ON spiegel.records
    FOR EACH ROW EXECUTE FUNCTION spiegel.set_listed();

-- Every id ever handed out, and the unit it was made for (like the files' .ids/):
-- `spiegel show A-12` goes straight to its unit, and a copy of the id in another
-- unit is never taken for it. One sequence per prefix hands numbers out; a rolled
-- back transaction loses its numbers rather than handing them out twice.
CREATE TABLE spiegel.ids (
    prefix  text NOT NULL CHECK (prefix IN ('A', 'K', 'L', 'M')),
    number  bigint NOT NULL CHECK (number > 0),
    unit    text NOT NULL,
    PRIMARY KEY (prefix, number)
);
CREATE SEQUENCE spiegel.ids_a;
CREATE SEQUENCE spiegel.ids_k;
CREATE SEQUENCE spiegel.ids_l;
CREATE SEQUENCE spiegel.ids_m;
