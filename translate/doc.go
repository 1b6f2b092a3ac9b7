// Package translate turns the PostgreSQL statements of a pg_dump into the
// Dolt schema model and encodes the dump's rows as MySQL-dialect literals.
//
// In: [dump.Event] values from the dump reader. A first pass feeds every
// schema statement to [Translator.Statement]; [Translator.Finish] then yields
// the [schema.Database] to create. A second pass hands each COPY block or
// INSERT statement to [Translator.CopyRows] or [Translator.InsertRows], whose
// [Rows] encode each row as a SQL tuple.
//
// Out: the schema model, SQL tuples, and entries in the run report saying
// for every object whether it was translated, changed (and how) or skipped
// (and why). Nothing is dropped silently; an error from Finish names the
// dump file and line, the table and column, and says what to do.
//
// Statements are parsed with pg_query_go (the PostgreSQL 16 parser); its
// syntax tree never leaves this package. The package never opens a database
// connection and never writes to Dolt.
//
// # Types
//
// The type rules follow the PostgreSQL manual, chapter 8 "Data Types", and
// the Dolt limits in Dolt's docs, "SQL Language Support: Data Types"
// (https://docs.dolthub.com/sql-reference/sql-support/data-types). Every
// PostgreSQL type gets a Dolt type; every mapping that loses or alters
// something is reported on the column:
//
//	smallint, integer, bigint        smallint, int, bigint
//	numeric(p,s) / numeric           decimal(p,s) / decimal(65,30) (reported); p > 65 or s > 30 is an error
//	real, double precision           float, double (NaN and ±Infinity rows are rejected)
//	money                            decimal(19,2); "$1,234.56", "-$1.00", "($1.00)", "1.234,56 €" are read
//	varchar(n), char(n)              varchar(n) (longtext beyond 16383), char(n) (varchar(n) beyond 255)
//	text, varchar                    longtext; varchar(255) when keyed (see Keys)
//	"char", name                     char(1), varchar(63)
//	bytea                            longblob; varbinary(255) when keyed
//	date, time, timetz               date, time(p), time(p) in UTC
//	timestamp, timestamptz           datetime(p), datetime(p) in UTC
//	interval                         varchar(64), PostgreSQL text form
//	boolean                          tinyint(1)
//	enum types                       enum('a','b',...) in declared order
//	domains                          the base type, plus the domain's NOT NULL, DEFAULT and CHECKs
//	composite types                  longtext holding the text form, e.g. (1,"a b")
//	arrays                           json arrays (numbers, booleans, JSON or text-form strings)
//	json, jsonb                      json (json loses key order and duplicates: reported)
//	uuid                             char(36)
//	inet, cidr, macaddr, macaddr8    varchar(43), varchar(43), varchar(17), varchar(23)
//	bit(n) / varbit                  bit(n) up to 64, else varchar of 0s and 1s
//	xml, tsvector, tsquery           longtext
//	ranges / multiranges             varchar(255) / longtext, text form such as [1,10)
//	point, line, box, polygon, ...   longtext, text form
//	hstore                           json object of strings
//	citext                           longtext COLLATE utf8mb4_0900_as_ci
//	oid, xid; reg* types; pg_lsn     bigint unsigned; longtext; varchar(17)
//	any other type                   longtext holding the dumped text: "extension type X stored
//	                                 as text; use an override to choose a type" (PostGIS geometry,
//	                                 pgvector vector, ltree, ...)
//
// # Keys
//
// Dolt cannot put a TEXT or BLOB column in a primary key or a foreign key
// (either side), and cannot put a case-insensitive TEXT column in a unique
// key (dolt-facts E). Such text, unbounded varchar and citext columns
// become varchar([Options.KeyLength], default 255), bytea becomes
// varbinary(255), and the column is reported with a hint to set the length
// with an override. A unique key on an ordinary text column stays on
// longtext: Dolt enforces it on the full value. A text column in a
// non-unique index is indexed by its first [Options.IndexPrefix] (255)
// characters. Integer columns linked by foreign keys get the widest of
// their types (Dolt requires equal integer types on both sides). A table
// whose varchar columns exceed Dolt's row size (65,504 bytes at 4 bytes a
// character) gets its widest non-key varchars as longtext.
//
// # Names
//
// Every name is quoted with backticks ([sqltext.Ident]), so reserved words,
// quotes, semicolons, mixed case and non-ASCII names pass through. When the
// dump's tables live in more than one schema, the tables of schemas other
// than public are named "schema_table" (auth.users becomes auth_users next
// to users); [Options.PrefixAllSchemas] prefixes public tables too.
// Foreign keys and indexes follow the renamed tables. Names longer than 64
// characters are cut with a hash suffix. Table or column names that differ
// only by case, which Dolt would resolve to one object, get a "_2", "_3",
// ... suffix (reported). Foreign-key and CHECK names are unique per Dolt
// database and are made so. An unqualified name in a statement is resolved
// along the dump's search_path (SET search_path, set_config), then among
// all tables of the dump.
//
// # Defaults, checks and generated columns
//
// Defaults translate constants (with their casts), now() and
// CURRENT_TIMESTAMP (CURRENT_TIMESTAMP(p) on timestamp columns,
// UTC_TIMESTAMP(p) on timestamptz columns, which are stored in UTC),
// CURRENT_DATE, gen_random_uuid() (UUID()), timezone('UTC', now()),
// array literals and ARRAY[...] (as JSON) and the expressions below;
// TEXT, BLOB and JSON defaults and expressions use the parenthesised form
// Dolt requires. A nextval default or an identity column becomes
// AUTO_INCREMENT, started from the sequence's setval. A default that does
// not translate is dropped and reported. Expressions translate column
// references, constants and casts, comparisons (= ANY (ARRAY[...]) as IN),
// arithmetic, AND/OR/NOT, IS [NOT] NULL, IS [NOT] DISTINCT FROM, BETWEEN,
// LIKE/ILIKE, POSIX regular expressions (REGEXP_LIKE), CASE, COALESCE,
// NULLIF, GREATEST/LEAST (keeping PostgreSQL's NULL rule), json ->/->>,
// and common functions (lower, upper, length, char_length, btrim,
// cardinality, jsonb_typeof, array_length, ...). CHECK constraints
// translate the same expressions; one that uses now(), CURRENT_DATE, random() or a
// subquery, which Dolt rejects, is skipped and reported, as is NOT VALID
// (Dolt checks every row). Stored generated columns keep their expression
// when it translates; otherwise they become plain nullable columns (pg_dump
// does not dump generated values) and are reported.
//
// # Constraints and indexes
//
// Primary keys, unique constraints, foreign keys (with ON DELETE/UPDATE
// actions) and btree indexes (with DESC) are kept. DEFERRABLE, NOT VALID,
// MATCH FULL, NULLS NOT DISTINCT and INCLUDE columns are dropped and
// reported; ON DELETE SET DEFAULT, and SET NULL on a NOT NULL column, which
// Dolt rejects, are dropped and reported; a foreign key whose referenced
// columns lack an index in that order gets one. EXCLUDE constraints,
// partial indexes (a unique index is never created without its predicate),
// expression indexes (Dolt 1.83 silently does not create them) and
// GIN/GiST/BRIN indexes are skipped and reported. A GIN or GiST index on
// to_tsvector(text columns) becomes a FULLTEXT index only with
// [Options.FullText], as Dolt 1.83.2's dolt_verify_constraints fails on a
// database holding one.
//
// # Other objects
//
// Partitions fold into their partitioned table (one Dolt table holding all
// rows); their keys, indexes and foreign keys fold with them. An INHERITS
// child stays its own table holding the parent's columns (and inheritable
// CHECKs) in front of its own; the inheritance is reported as dropped, so
// the child's rows no longer show through the parent. UNLOGGED and storage
// parameters are dropped and reported. Views, materialized views,
// functions, procedures, aggregates, operators, triggers, event triggers,
// rules, policies and row-level security, extensions, publications,
// subscriptions, comments other than column comments, ownership and grants
// are skipped and listed one by one. Session settings (SET ..., including
// PostgreSQL 17's transaction_timeout, or a SET the parser does not know)
// are listed once per name. CREATE DATABASE and \connect of pg_dump -C are
// reported; pgcopy writes into its target. The DROP statements of pg_dump
// --clean are counted in one report entry and not applied (a DROP TABLE of
// a table the dump created earlier does remove it).
//
// # Rows
//
// A COPY or INSERT row's values are converted from PostgreSQL text form per
// column type: integers and decimals checked, booleans to 0/1, bytea to
// X'..', timestamps normalised (timestamptz to UTC), arrays and hstore to
// JSON, money to a decimal, everything else quoted as text. Rails and Ecto
// structure.sql trailers (INSERT INTO "schema_migrations" (version) VALUES
// ...) are data and load like any INSERT; an INSERT's DEFAULT values for a
// column (pg_dump writes them for generated columns) leave the column out.
package translate
