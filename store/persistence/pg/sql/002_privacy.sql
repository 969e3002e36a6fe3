-- Privacy enforced by the database, as the operating system enforces it for files:
-- one login role per person; every unit has a group role, and only its members read
-- and write the unit's records. The policies depend on `current_user` alone, never on
-- anything the client sets. Every person's login role is a member of `spiegel_users`
-- (what the data directory's group is for files): it may see which units exist (slug,
-- write counter), never their records or names.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spiegel_users') THEN
        CREATE ROLE spiegel_users NOLOGIN;
    END IF;
END
$$;

-- The unit's group role (roles belong to the whole cluster: the name holds a hash of
-- the database's name, so two databases' units of the same slug never share one).
ALTER TABLE spiegel.units ADD COLUMN role name;

CREATE FUNCTION spiegel.unit_role(of_slug text) RETURNS name
LANGUAGE sql IMMUTABLE AS $$
    SELECT ('spiegel_' || substr(md5(current_database() || ':' || of_slug), 1, 8) || '_' || left(of_slug, 45))::name
$$;

-- Whether the current user may read and write the unit's records.
CREATE FUNCTION spiegel.may_use(of_slug text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT pg_has_role(current_user, u.role, 'MEMBER') FROM spiegel.units u
                     WHERE u.slug = of_slug AND u.role IS NOT NULL), false)
$$;

-- A new unit, its group role, and the person who made it as its first member (who may
-- add colleagues: GRANT <role> TO <person>). Runs as the schema's owner, who may make
-- roles; false if the slug is taken.
CREATE FUNCTION spiegel.create_unit(new_slug text, new_meta json) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    new_role name := spiegel.unit_role(new_slug);
BEGIN
    INSERT INTO spiegel.units (slug, meta, role) VALUES (new_slug, new_meta, new_role)
        ON CONFLICT (slug) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = new_role) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', new_role);
    END IF;
    EXECUTE format('GRANT %I TO %I WITH ADMIN OPTION', new_role, session_user);
    RETURN true;
END
$$;

-- Units made before this version get their group role; members are granted by hand.
DO $$
DECLARE
    unit record;
BEGIN
    FOR unit IN SELECT slug FROM spiegel.units WHERE role IS NULL LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = spiegel.unit_role(unit.slug)) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', spiegel.unit_role(unit.slug));
        END IF;
        UPDATE spiegel.units SET role = spiegel.unit_role(unit.slug) WHERE slug = unit.slug;
    END LOOP;
END
$$;

ALTER TABLE spiegel.units ENABLE ROW LEVEL SECURITY;
CREATE POLICY units_listed ON spiegel.units FOR SELECT USING (true);
CREATE POLICY units_written_by_members ON spiegel.units FOR UPDATE
    USING (pg_has_role(current_user, role, 'MEMBER'));

ALTER TABLE spiegel.records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_of_members ON spiegel.records
    USING (spiegel.may_use(unit)) WITH CHECK (spiegel.may_use(unit));

REVOKE ALL ON ALL TABLES IN SCHEMA spiegel FROM PUBLIC;
REVOKE ALL ON FUNCTION spiegel.create_unit(text, json) FROM PUBLIC;
GRANT USAGE ON SCHEMA spiegel TO spiegel_users;
GRANT SELECT ON spiegel.schema_version TO spiegel_users;
GRANT SELECT (slug, version, role, meta) ON spiegel.units TO spiegel_users;
GRANT UPDATE (version, meta) ON spiegel.units TO spiegel_users;
GRANT SELECT, INSERT, UPDATE, DELETE ON spiegel.records TO spiegel_users;
GRANT SELECT, INSERT ON spiegel.ids TO spiegel_users;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA spiegel TO spiegel_users;
GRANT EXECUTE ON FUNCTION spiegel.create_unit(text, json) TO spiegel_users;
