--
-- Row triggers in the PL/pgSQL subset pgcopy translates (issue 16), and
-- some it skips. Loaded into PostgreSQL and copied to Dolt by
-- cmd/pgcopy/triggers_test.go, which applies the same DML to both;
-- translated by translate/triggers_test.go (golden triggers.golden).
--
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.item (
    id integer NOT NULL,
    name text NOT NULL,
    qty integer DEFAULT 0 NOT NULL,
    version integer DEFAULT 0 NOT NULL,
    name_lc text,
    note text
);
ALTER TABLE ONLY public.item ADD CONSTRAINT item_pkey PRIMARY KEY (id);

CREATE TABLE public.tag (
    id integer NOT NULL,
    name text NOT NULL,
    name_lc text
);
ALTER TABLE ONLY public.tag ADD CONSTRAINT tag_pkey PRIMARY KEY (id);

CREATE TABLE public.audit (
    item_id integer NOT NULL,
    op text NOT NULL,
    old_qty integer,
    new_qty integer
);

-- BEFORE INSERT OR UPDATE: IF / ELSIF / ELSE, RAISE EXCEPTION, RAISE NOTICE
CREATE FUNCTION public.item_check() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.qty < 0 THEN
        RAISE EXCEPTION 'qty must not be negative';
    ELSIF NEW.qty > 1000 THEN
        NEW.qty := 1000;
    ELSE
        NEW.version = NEW.version + 1;
    END IF;
    RAISE NOTICE 'checked %', NEW.id;
    RETURN NEW;
END
$$;

-- AFTER UPDATE OF qty: write another table
CREATE FUNCTION public.item_audit() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.audit (item_id, op, old_qty, new_qty) VALUES (NEW.id, 'update', OLD.qty, NEW.qty);
    RETURN NULL;
END
$$;

-- AFTER DELETE WHEN (...): delete from another table
CREATE FUNCTION public.item_gone() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM public.audit WHERE item_id = OLD.id;
    RETURN OLD;
END
$$;

-- AFTER INSERT that updates its own row: becomes BEFORE INSERT setting NEW
-- (tag has no UPDATE trigger that the update would fire)
CREATE FUNCTION public.tag_lc() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE public.tag SET name_lc = lower(name) WHERE id = NEW.id;
    RETURN NULL;
END
$$;

-- skipped: dynamic SQL
CREATE FUNCTION public.audit_dyn() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE 'SELECT 1';
    RETURN NEW;
END
$$;

-- skipped: a loop over a query
CREATE FUNCTION public.audit_loop() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT 1 AS x LOOP
        NULL;
    END LOOP;
    RETURN NEW;
END
$$;

-- a statement-level function (skipped trigger)
CREATE FUNCTION public.item_note() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE NOTICE 'statement done';
    RETURN NULL;
END
$$;

-- a single-expression SQL function: Dolt 1.83 has no stored functions
CREATE FUNCTION public.twice(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT x * 2 $$;

COPY public.item (id, name, qty, version, name_lc, note) FROM stdin;
1	Apple	5	7	\N	loaded
2	Pear	0	3	\N	loaded
\.

COPY public.tag (id, name, name_lc) FROM stdin;
1	Red	\N
\.

COPY public.audit (item_id, op, old_qty, new_qty) FROM stdin;
2	update	1	0
\.

-- triggers come after the data, as pg_dump puts them (post-data section)
CREATE TRIGGER item_check BEFORE INSERT OR UPDATE ON public.item FOR EACH ROW EXECUTE FUNCTION public.item_check();
CREATE TRIGGER item_audit AFTER UPDATE OF qty ON public.item FOR EACH ROW EXECUTE FUNCTION public.item_audit();
CREATE TRIGGER item_gone AFTER DELETE ON public.item FOR EACH ROW WHEN ((old.qty = 0)) EXECUTE FUNCTION public.item_gone();
CREATE TRIGGER tag_lc AFTER INSERT ON public.tag FOR EACH ROW EXECUTE FUNCTION public.tag_lc();
CREATE TRIGGER audit_dyn BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.audit_dyn();
CREATE TRIGGER audit_loop BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.audit_loop();
CREATE TRIGGER item_stmt AFTER INSERT ON public.item FOR EACH STATEMENT EXECUTE FUNCTION public.item_note();
CREATE TRIGGER item_truncate AFTER TRUNCATE ON public.item FOR EACH STATEMENT EXECUTE FUNCTION public.item_note();
