-- Version 6: the schema holds against a person's own psql (issue 27).
--
-- 1. A unit's role is named from a number no user chooses (a sequence), and
--    create_unit() makes that role or fails: it never grants a role that existed.
-- 2. Every function runs with `search_path = pg_catalog, pg_temp` and calls
--    spiegel's own functions by their schema: nothing a person creates in a
--    writable schema (`public` on PostgreSQL 14 and older) is ever called by them.
--    The policy on records names no function at all: its operators and pg_has_role
--    were resolved when this file ran, by the administrator's pinned search path.
-- 3. Members write only through the SECURITY DEFINER functions below and hold no
--    write grant on a shared table: no `LOCK TABLE` (that needs a write grant), no
--    row lock (`FOR UPDATE` needs one), no rows planted in the id register. Each
--    function checks that the person (session_user: the login role) is a member of
--    the unit's role before it touches the unit, since it runs as the schema's
--    owner, whom row-level security does not restrain.
-- 4. Lists and names come from columns the trigger fills, so one document no
--    JSON operator of PostgreSQL can read (a `\u0000` escape) no longer breaks the
--    lists of everyone who may read its unit: its NULLs send that unit's list to
--    the whole-unit read, whose load checks judge that record alone, as with files.

-- 1. Unit roles ---------------------------------------------------------------
CREATE SEQUENCE spiegel.unit_roles;

-- The role for a new unit: a hash of the database's name (roles belong to the whole
-- cluster) and the next number; the slug's start only makes it readable.
CREATE FUNCTION spiegel.new_unit_role(of_slug text) RETURNS name
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.concat('spiegel_', pg_catalog.substr(pg_catalog.md5(pg_catalog.current_database()), 1, 8),
                             '_', pg_catalog.nextval('spiegel.unit_roles'::pg_catalog.regclass),
                             '_', pg_catalog.left(of_slug, 30))::name
$$;

CREATE OR REPLACE FUNCTION spiegel.create_unit(new_slug text, new_meta json) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    new_role name;
BEGIN
    IF EXISTS (SELECT 1 FROM spiegel.units WHERE slug = new_slug) THEN
        RETURN false;
    END IF;
    new_role := spiegel.new_unit_role(new_slug);
    INSERT INTO spiegel.units (slug, meta, role) VALUES (new_slug, new_meta, new_role)
        ON CONFLICT (slug) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    -- Fails (and rolls the unit back) if someone made a role of that name: a role
    -- that existed before is never granted.
    EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', new_role);
    EXECUTE pg_catalog.format('GRANT %I TO %I WITH ADMIN OPTION', new_role, session_user);
    RETURN true;
END
$$;

-- 2. Pinned search paths --------------------------------------------------------
ALTER FUNCTION spiegel.unit_role(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION spiegel.uncheck() SET search_path = pg_catalog, pg_temp;

-- Whether a role may use the unit: a member of its role, or the schema's owner (who
-- is not subject to row-level security: the database's root, as root is for files).
CREATE FUNCTION spiegel.role_may_use(who name, of_slug text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce((SELECT pg_catalog.pg_has_role(who, u.role, 'MEMBER') FROM spiegel.units u
                     WHERE u.slug = of_slug AND u.role IS NOT NULL), false)
        OR pg_catalog.pg_has_role(who, (SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = 'spiegel'),
                                  'USAGE')
$$;

CREATE OR REPLACE FUNCTION spiegel.may_use(of_slug text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT spiegel.role_may_use(current_user, of_slug)
$$;

-- Inside the SECURITY DEFINER functions current_user is the owner: they ask about
-- the login role. Raises insufficient_privilege (spiegel says "geen toegang");
-- false if there is no such unit.
CREATE FUNCTION spiegel.check_member(of_slug text) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    of_role name;
BEGIN
    SELECT u.role INTO of_role FROM spiegel.units u WHERE u.slug = of_slug;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF NOT spiegel.role_may_use(session_user, of_slug) THEN
        RAISE EXCEPTION 'permission denied for unit %', of_slug USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN true;
END
$$;

-- 4. What lists and names read, filled by the trigger --------------------------
ALTER TABLE spiegel.records ADD COLUMN deleted boolean;

-- `listed`: an action's list fields (store/files/listing.py FIELDS: keep in step),
-- the unit record's name; `deleted`: an action's tombstone (store/schema.py
-- tombstone()). Both NULL where PostgreSQL cannot read the document.
CREATE OR REPLACE FUNCTION spiegel.set_listed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.listed := NULL;
    NEW.deleted := NULL;
    IF NEW.kind IN ('actions', 'unit') THEN
        BEGIN
            NEW.listed := (SELECT coalesce(pg_catalog.json_object_agg(key, value), '{}')
                           FROM pg_catalog.json_each(NEW.doc)
                           WHERE CASE WHEN NEW.kind = 'unit' THEN key = 'name'
                                 ELSE key IN ('id', 'status', 'phase', 'route', 'deadline', 'owner', 'title', 'description') END);
            NEW.deleted := pg_catalog.json_typeof(NEW.doc) = 'object'
                           AND coalesce(pg_catalog.json_typeof(NEW.doc -> 'deleted') = 'string'
                                        AND NEW.doc ->> 'deleted' <> '', false);
        EXCEPTION WHEN invalid_text_representation OR untranslatable_character OR invalid_parameter_value THEN
            NEW.listed := NULL;  -- an escape PostgreSQL cannot read: lists read the whole unit
            NEW.deleted := NULL;
        END;
    END IF;
    RETURN NEW;
END
$$;
UPDATE spiegel.records SET doc = doc WHERE kind IN ('actions', 'unit');

-- 3. Writes through functions ---------------------------------------------------
-- The unit's row locked for this transaction (other writers of the unit wait);
-- its write counter, NULL if there is no such unit.
CREATE FUNCTION spiegel.lock_unit(of_slug text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    found bigint;
BEGIN
    IF NOT spiegel.check_member(of_slug) THEN
        RETURN NULL;
    END IF;
    SELECT version INTO found FROM spiegel.units WHERE slug = of_slug FOR UPDATE;
    RETURN found;
END
$$;

-- The documents that changed (kinds[i], numbers[i], docs[i] as JSON text), those
-- deleted, and the unit's `_meta`; with `new_meta` NULL (a new unit's first
-- records) the write counter stays. Returns the write counter.
CREATE FUNCTION spiegel.save_unit(of_slug text, new_meta json, kinds text[], numbers bigint[], docs text[],
                                  gone_kinds text[], gone_numbers bigint[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    now_version bigint;
BEGIN
    IF NOT spiegel.check_member(of_slug) THEN
        RAISE EXCEPTION 'no unit %', of_slug USING ERRCODE = 'no_data_found';
    END IF;
    SELECT version INTO now_version FROM spiegel.units WHERE slug = of_slug FOR UPDATE;
    INSERT INTO spiegel.records (unit, kind, number, doc)
        SELECT of_slug, k, n, d::json FROM ROWS FROM (pg_catalog.unnest(kinds), pg_catalog.unnest(numbers), pg_catalog.unnest(docs)) AS t (k, n, d)
        ON CONFLICT (unit, kind, number) DO UPDATE SET doc = excluded.doc;
    DELETE FROM spiegel.records r USING ROWS FROM (pg_catalog.unnest(gone_kinds), pg_catalog.unnest(gone_numbers)) AS g (k, n)
        WHERE r.unit = of_slug AND r.kind = g.k AND r.number = g.n;
    IF new_meta IS NOT NULL THEN
        UPDATE spiegel.units SET version = version + 1, meta = new_meta WHERE slug = of_slug
            RETURNING version INTO now_version;
        PERFORM pg_catalog.pg_notify('spiegel', '');
    END IF;
    RETURN now_version;
END
$$;

-- New ids for a unit. A number the register holds already (ids copied in, or
-- planted before this version) is skipped in one step however many follow it:
-- the sequence jumps to the first gap after it, never backwards.
CREATE FUNCTION spiegel.next_ids(of_prefix text, how_many integer, for_slug text) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    seq regclass;
    candidate bigint;
    gap bigint;
    made integer := 0;
BEGIN
    IF NOT spiegel.check_member(for_slug) THEN
        RAISE EXCEPTION 'no unit %', for_slug USING ERRCODE = 'no_data_found';
    END IF;
    IF how_many NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION 'cannot hand out % ids at once', how_many USING ERRCODE = 'invalid_parameter_value';
    END IF;
    seq := CASE of_prefix WHEN 'A' THEN 'spiegel.ids_a' WHEN 'B' THEN 'spiegel.ids_b' WHEN 'K' THEN 'spiegel.ids_k'
                          WHEN 'L' THEN 'spiegel.ids_l' WHEN 'M' THEN 'spiegel.ids_m' WHEN 'T' THEN 'spiegel.ids_t' END;
    IF seq IS NULL THEN
        RAISE EXCEPTION 'no id prefix %', of_prefix USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WHILE made < how_many LOOP
        candidate := pg_catalog.nextval(seq);
        INSERT INTO spiegel.ids (prefix, number, unit) VALUES (of_prefix, candidate, for_slug) ON CONFLICT DO NOTHING;
        IF FOUND THEN
            made := made + 1;
            RETURN NEXT candidate;
        ELSE
            SELECT min(i.number) INTO gap FROM spiegel.ids i
                WHERE i.prefix = of_prefix AND i.number >= candidate
                  AND NOT EXISTS (SELECT 1 FROM spiegel.ids j WHERE j.prefix = of_prefix AND j.number = i.number + 1);
            IF gap IS NOT NULL AND gap > candidate THEN
                PERFORM pg_catalog.setval(seq, gap);  -- the next nextval is gap + 1, free
            END IF;
        END IF;
    END LOOP;
END
$$;

-- A reader that found every action of the unit good at `at_version` marks it.
-- It waits for no writer: a unit being written is marked by the next list.
CREATE FUNCTION spiegel.mark_checked(of_slug text, at_version bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '200ms' AS $$
BEGIN
    IF spiegel.check_member(of_slug) THEN
        UPDATE spiegel.units SET checked = at_version WHERE slug = of_slug AND version = at_version;
    END IF;
END
$$;

-- The portfolio's figures of a unit, a cache a reader writes (store/pg/figures.py).
CREATE FUNCTION spiegel.keep_figures(of_slug text, figures text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '200ms' AS $$
BEGIN
    IF spiegel.check_member(of_slug) THEN
        INSERT INTO spiegel.records (unit, kind, number, doc) VALUES (of_slug, 'portfolio_figures', 1, figures::json)
            ON CONFLICT (unit, kind, number) DO UPDATE SET doc = excluded.doc;
    END IF;
END
$$;

-- Reading: row-level security on records without a function call, so no search
-- path is consulted when a policy runs.
DROP POLICY records_of_members ON spiegel.records;
CREATE POLICY records_of_members ON spiegel.records FOR SELECT
    USING (unit IN (SELECT u.slug FROM spiegel.units u WHERE pg_catalog.pg_has_role(CURRENT_USER, u.role, 'MEMBER')));
DROP POLICY units_written_by_members ON spiegel.units;

-- Grants: members read; every write is one of the functions above.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON spiegel.records FROM spiegel_users;
REVOKE UPDATE (version, meta, checked) ON spiegel.units FROM spiegel_users;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON spiegel.units FROM spiegel_users;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON spiegel.ids FROM spiegel_users;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA spiegel FROM spiegel_users;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA spiegel FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA spiegel FROM PUBLIC;
-- Functions made by later versions are no one's to call until granted.
ALTER DEFAULT PRIVILEGES IN SCHEMA spiegel REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT EXECUTE ON FUNCTION spiegel.may_use(text), spiegel.role_may_use(name, text), spiegel.create_unit(text, json), spiegel.lock_unit(text),
    spiegel.save_unit(text, json, text[], bigint[], text[], text[], bigint[]), spiegel.next_ids(text, integer, text),
    spiegel.mark_checked(text, bigint), spiegel.keep_figures(text, text) TO spiegel_users;
