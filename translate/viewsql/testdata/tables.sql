-- The tables the view tests of translate and translate/viewsql select from, as pg_dump writes them.
SET search_path = '';
CREATE TABLE public.customer (customer_id integer NOT NULL, store_id smallint NOT NULL, first_name text NOT NULL,
    last_name text NOT NULL, activebool boolean DEFAULT true NOT NULL, address_id integer NOT NULL, create_date date NOT NULL);
CREATE TABLE public.address (address_id integer NOT NULL, address text NOT NULL, postal_code text, city_id integer NOT NULL);
CREATE TABLE public.payment (payment_id integer NOT NULL, customer_id integer NOT NULL, amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL, note jsonb, tags text[]);
CREATE TABLE public.mixed ("Name" text, name text);
ALTER TABLE ONLY public.customer ADD CONSTRAINT customer_pkey PRIMARY KEY (customer_id);
