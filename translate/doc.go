// Package translate turns the PostgreSQL statements of a pg_dump into the
// Dolt schema model and encodes the dump's rows as MySQL-dialect literals.
//
// In: [dump.Event] values from the dump reader. A first pass feeds every
// schema statement to [Translator.Statement]; [Translator.Finish] then yields
// the [schema.Database] to create. [ReadSchema] is that first pass, the one
// every command runs: it reads a dump text, feeds and measures every
// statement, records the COPY blocks and checks the input is whole. A second pass hands each COPY block or
// INSERT statement to [Translator.CopyRows] or [Translator.InsertRows], whose
// [Rows] encode each row as a SQL tuple. Rows is package rowcodec's codec:
// every column of the model carries its schema.Codec, so encoding a row
// needs only the *schema.Table (rowcodec.For), not the Translator.
//
// Out: the schema model, SQL tuples, and entries in the run report saying
// for every object whether it was translated, changed (and how) or skipped
// (and why). Nothing is dropped silently; an error from Finish names the
// dump file and line, the table and column, and says what to do. A
// statement, COPY header or INSERT the parser rejects fails at the
// file:line:col of the token PostgreSQL's parser stopped at (pg_query's
// cursor position), with that line quoted and a caret under the token.
//
// Statements are parsed with pg_query_go (the PostgreSQL 16 parser); its
// syntax tree never leaves this package and its view transpiler, package
// viewsql. The package never opens a database connection and never writes
// to Dolt.
//
// # Types
//
// The type rules follow the PostgreSQL manual, chapter 8 "Data Types", and
// the Dolt limits in Dolt's docs, "SQL Language Support: Data Types"
// (https://docs.dolthub.com/sql-reference/sql-support/data-types). Every
// PostgreSQL type gets a Dolt type; every mapping that loses or alters
// something is reported on the column. The rule of each built-in type (and
// of the extension types below) is its row in the type registry, package
// pgtypes; the Dolt type is a typed value (schema.Type, e.g.
// schema.StringType{T: "varchar", Size: 160}) that translate reads and
// changes as such, printed as SQL only by schema.FormatType:
//
//	smallint, integer, bigint        smallint, int, bigint
//	numeric(p,s) / numeric           decimal(p,s) / decimal(65,30) (reported; from the data when keyed,
//	                                 see Lengths); p > 65 or s > 30 is an error
//	real, double precision           float, double (NaN and ±Infinity rows are rejected)
//	money                            decimal(19,2); "$1,234.56", "-$1.00", "($1.00)", "1.234,56 €" are read
//	varchar(n), char(n)              varchar(n) (longtext beyond 16383), char(n) (varchar(n) beyond 255)
//	text, varchar                    longtext; varchar(n) from the data when keyed (see Keys, Lengths)
//	"char", name                     char(1), varchar(63)
//	bytea                            longblob; varbinary(n) from the data when keyed
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
//	ltree                            longtext, text form such as Top.Science.Astronomy
//	oid, xid; reg* types; pg_lsn     bigint unsigned; longtext; varchar(17)
//	any other type                   longtext holding the dumped text: "extension type X stored
//	                                 as text; use an override to choose a type" (PostGIS geometry,
//	                                 pgvector vector, ...)
//
// # Keys
//
// Dolt cannot put a TEXT or BLOB column in a primary key or a foreign key
// (either side), and cannot put a case-insensitive TEXT column in a unique
// key (dolt-facts E). Such text, unbounded varchar and citext columns
// become VARCHAR(n) and bytea VARBINARY(n), with n inferred from the data
// (see Lengths); without rows to measure, varchar([Options.KeyLength],
// default 255) and varbinary(255). Each is reported with the measured
// maximum and a hint to pin the length with an override. A unique key on
// an ordinary text column stays on longtext: Dolt enforces it on the full
// value. A text column in a non-unique index is indexed by its first
// [Options.IndexPrefix] (255) characters. Integer columns linked by
// foreign keys get the widest of their types (Dolt requires equal integer
// types on both sides). A table whose varchar columns exceed Dolt's row
// size (65,504 bytes at 4 bytes a character) gets its widest non-key
// varchars as longtext.
//
// # Lengths
//
// The first pass hands every COPY block and INSERT statement to
// [Translator.Measure], which records per column the longest value
// (characters and bytes), the most integer digits and the largest scale of
// numbers (trailing zeros do not count), the integer range and the NULLs,
// each with the dump line of the first row that reached it. A key column
// (above) of type text, varchar or citext becomes VARCHAR(n), bytea
// VARBINARY(n), and a numeric without precision DECIMAL(p,s); with
// [Options.InferLengths] every text, varchar, char and citext column
// without a length and every numeric without precision does. The headroom
// rule ([Headroom]): n is the next power of two at or above the longest
// value, at least 16, or the longest value itself above Dolt's VARCHAR
// limit of 16,383 characters; for DECIMAL(p,s), s is the largest scale and
// p-s the next power of two at or above the most integer digits, at least
// 16, with p at most 65. Columns that foreign keys link get one length,
// from all their values. A key value longer than any VARCHAR is an error.
//
// # Overrides
//
// [Options.Overrides] holds hand-written rules (package overrides):
// per column (type, length, collation, default, nullability, skip), per
// table (skip, skip_data, rename, a collation, rules per PostgreSQL type),
// per PostgreSQL type, and whole-table CREATE TABLE statements that replace
// a generated table after their columns are checked against the dump's.
// Precedence ([overrides.Set.Resolve]) is column rule > table rule > type rule > built-in rule,
// property by property; two rules of one level setting one property are an
// error, and so is an entry that matches nothing. pgcopy never changes a
// type an override chose (no widening across foreign keys, no longtext for
// the row size), and Finish fails, naming the table, the column and the
// dump line, when a measured value does not fit it: a longer string, a
// number with more integer digits or decimal places, an integer out of
// range, or a NULL in a column made NOT NULL. [Translator.Plan] says for
// every column which rule decided its type (pgcopy explain), and
// [Translator.Suggestions] proposes types from the data (pgcopy overrides
// suggest).
//
// # Collations
//
// String columns use Dolt's default utf8mb4_0900_bin, whose equality is
// byte equality, as in PostgreSQL's deterministic collations (PostgreSQL
// manual §24.2, "Collation Support"). citext is utf8mb4_0900_as_ci.
// COLLATE "C", "POSIX" and ucs_basic are utf8mb4_0900_bin. A
// nondeterministic ICU collation of the dump (CREATE COLLATION ...
// deterministic = false) at strength level 2 (ks-level2) is
// utf8mb4_0900_as_ci, at level 1 utf8mb4_0900_ai_ci, otherwise
// utf8mb4_0900_as_ci, reported. Any other collation (deterministic ICU or
// libc locales) keeps its equality as utf8mb4_0900_bin and is reported:
// ORDER BY sorts by code point instead of the locale's order.
//
// # Names
//
// Every name is quoted with backticks ([sqltext.Ident]), so reserved words,
// quotes, semicolons, mixed case and non-ASCII names pass through. Where
// each schema's tables go is [Options.Schemas] (see Schemas). Foreign keys
// and indexes follow the renamed tables. Names longer than 64 characters
// are cut with a hash suffix. Table or column names that differ only by
// case, which Dolt would resolve to one object, get a "_2", "_3", ...
// suffix (reported). Foreign-key and CHECK names are unique per Dolt
// database and are made so. An unqualified name in a statement is resolved
// along the dump's search_path (SET search_path, set_config), then among
// all tables of the dump.
//
// # Schemas
//
// A dump is one PostgreSQL database; its schemas (PostgreSQL manual §5.9,
// "Schemas") map to Dolt by [Options.Schemas]:
//
//	SchemasPrefix (default)  one database; tables of one schema keep their bare names; with
//	                         several, public's keep theirs and the others are schema_table
//	                         (auth.users becomes auth_users next to users)
//	SchemasPrefixAll         one database; with several schemas every table is schema_table
//	SchemasDatabases         public (or the only schema holding tables) goes to the target
//	                         database [Options.Database]; schema S to the database
//	                         Database_S, with bare names
//
// With SchemasDatabases, a "/" or "\" in a schema name becomes "_", a
// database name is cut to 64 characters, and names that differ only by
// case get "_2", "_3", ...; a schema holding no table or view gets no
// database (its SCHEMA entry is skipped). schema.Database.Databases lists
// the databases, the target first; every Table and View names its
// database, and every created object in the report says which database it
// went to (report.Object.Database). Indexes, keys and checks stay with
// their table. A foreign key between two databases is not created: Dolt
// 1.83 refuses it ("only foreign keys on the same database are currently
// supported", with FOREIGN_KEY_CHECKS on or off, measured on 1.83.2); it
// is reported as skipped and listed in schema.Database.CrossFKs, whose
// rows pgcopy checks itself (fkfix.VerifyCross). Column types do not
// depend on the mode: columns such a key links still get one type and
// key-able lengths. A view names the tables of other databases qualified.
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
// columns lack an index in that order gets one. A non-unique partial
// index (CREATE INDEX ... WHERE pred) becomes a plain index on its
// columns, reported as changed ("partial index predicate dropped: only
// affects speed"). EXCLUDE constraints, partial unique indexes (a unique
// index is never created without its predicate; Dolt 1.83.2 cannot create
// the exact unique functional index on (CASE WHEN pred THEN col END),
// reproduced in partialindex.go), expression indexes (Dolt 1.83 silently
// does not create them) and GIN/GiST/BRIN indexes are skipped and reported. A GIN or GiST index on
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
// parameters are dropped and reported. Views and materialized views are
// translated (see Views). Row triggers are translated (see Triggers).
// Functions and procedures are skipped: Dolt 1.83 has no stored functions
// (CREATE FUNCTION is a syntax error; the dolt CLI reproduction is in
// triggers.go), so a single-expression LANGUAGE sql function such as
// pagila's last_day is skipped too. Aggregates, operators,
// statement-level and other untranslatable triggers, event triggers,
// rules, policies and row-level security,
// extensions, publications, subscriptions, comments other than column
// comments, ownership and grants are skipped and listed one by one.
// Session settings (SET ..., including PostgreSQL 17's
// transaction_timeout, or a SET the parser does not know) are listed once
// per name. CREATE DATABASE and \connect of pg_dump -C are
// reported; pgcopy writes into its target. The DROP statements of pg_dump
// --clean are counted in one report entry and not applied (a DROP TABLE of
// a table the dump created earlier does remove it).
//
// Rows for a table the dump never creates are an error, except in the
// schema of an extension the dump creates (CREATE EXTENSION supabase_vault
// WITH SCHEMA vault): pg_dump writes the data of an extension's
// configuration tables (vault.secrets) without their CREATE TABLE. Those
// rows are not loaded; the report lists each such table as TABLE DATA,
// skipped, with the extension and the row count (extensions.go).
//
// # Triggers
//
// A CREATE TRIGGER ... FOR EACH ROW EXECUTE FUNCTION f() whose f is a
// PL/pgSQL function of the dump becomes Dolt triggers (schema.Routine,
// kind RoutineTrigger) that the loader creates after the data load and
// the foreign-key check, so that loading never fires them. f's body is
// parsed with pg_query's PL/pgSQL parser (ParsePlPgSqlToJSON) and
// translated when it stays inside this subset: NEW.col := expr (BEFORE
// triggers; expressions as for CHECK constraints, with NEW.col and OLD.col;
// OLD in an INSERT and NEW in a DELETE trigger are NULL, as in
// PostgreSQL; now() / CURRENT_TIMESTAMP assigned to a timestamptz
// column is UTC_TIMESTAMP(p), as for a DEFAULT); IF / ELSIF / ELSE; RETURN NEW (OLD for DELETE) at the end,
// or any RETURN in an AFTER trigger; RAISE EXCEPTION 'fmt %', args →
// SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT (through a declared variable
// pgcopy_msg when it has parameters); RAISE NOTICE and lower levels are
// dropped (changed); INSERT ... VALUES, UPDATE and DELETE without FROM /
// USING / RETURNING on another table pgcopy creates. UPDATE OF cols
// becomes IF NOT (OLD.c <=> NEW.c) OR ... (changed: PostgreSQL also fires
// when c is SET to its old value) and WHEN (cond) becomes IF cond. INSERT
// OR UPDATE OR DELETE becomes one Dolt trigger per event (name_insert,
// name_update, ...; changed), since MySQL allows one event per trigger. A
// trigger name that several tables of one Dolt database use (pagila's
// last_updated) becomes table_name on each: Dolt trigger names are unique
// per database. MySQL error 1442 forbids a trigger writing its own table:
// an AFTER INSERT or UPDATE trigger whose only statement is UPDATE own SET
// c = e WHERE pk = NEW.pk (over exactly the primary key) becomes a BEFORE
// trigger setting NEW.c = e, created after the table's other triggers
// (changed), unless the table has UPDATE triggers that PostgreSQL would
// fire for that UPDATE (skipped). A table's triggers are created in
// PostgreSQL's firing order (by name).
//
// Skipped, with the construct named: statement-level, TRUNCATE, INSTEAD
// OF and constraint triggers; transition tables (REFERENCING); trigger
// arguments; functions that are not PL/pgSQL functions of the dump
// (built-in trigger functions such as tsvector_update_trigger); RETURN
// NULL in a BEFORE trigger (it cancels the row); RETURN before the end;
// assignments to local variables or OLD; dynamic SQL (EXECUTE); FOR loops
// over queries; RETURN NEXT / QUERY; SELECT INTO and PERFORM; EXCEPTION
// handlers; TG_OP and other special variables; calls to user-defined
// functions; anything else the expression translator rejects.
//
// # Views
//
// A view's query (PostgreSQL manual, "CREATE VIEW", "SELECT") becomes a
// MySQL-dialect CREATE VIEW, created after the data load (Dolt docs,
// "Views": https://docs.dolthub.com/concepts/dolt/sql/views), each after
// the views it selects from; pg_dump's placeholder definitions are
// replaced by the final CREATE OR REPLACE VIEW. Tables and views are named
// as in Dolt (see Names; a view gets the rule tables get); joins,
// comma-separated FROM lists, subqueries in FROM and in expressions
// (EXISTS, IN, scalar, ARRAY(...) as a JSON array), WITH queries, UNION,
// INTERSECT and EXCEPT, DISTINCT, GROUP BY, HAVING, ORDER BY (with
// PostgreSQL's NULL ordering), LIMIT and OFFSET translate, with the
// expressions above plus aggregates (count, sum, min, max, avg, bool_and,
// bool_or, string_agg as GROUP_CONCAT, json_agg, json_object_agg,
// array_agg as JSON, FILTER), || and concat, integer division as DIV,
// date arithmetic, EXTRACT/date_part, json_build_object and casts that keep
// PostgreSQL's result; now() and CURRENT_DATE are read in UTC. A view that
// uses anything else (user-defined functions, window functions,
// set-returning functions in FROM, array operators, interval values, ...)
// is skipped and the report names the construct; so is a view over a
// partition or an INHERITS parent, whose rows would differ. A view Dolt
// rejects is reported as skipped with Dolt's message; the copy goes on. A
// materialized view becomes a table filled from its query after the data
// load (CREATE TABLE ... AS SELECT), empty when the dump leaves it
// unpopulated; it is not refreshed later. Its indexes (CREATE INDEX ... ON
// the materialized view) are created with that table, by the rules of a
// table's indexes; a non-unique index on a column whose TEXT-or-not Dolt
// type only Dolt knows (a computed text value) is skipped, as its prefix
// length cannot be chosen beforehand. A materialized view that reads
// another Dolt database is created empty, keyed and then filled by INSERT
// ... SELECT (schema.View.CreateStatements says why).
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
//
// # Files
//
// Each file does one job:
//
//	translate.go   Options, the Translator's state, New, domain/enum/composite lookups
//	catalog.go     the statement switch: each first-pass statement into the catalog (tables,
//	               columns, constraints, sequences, ALTER, DROP, COMMENT, SET)
//	names.go       name resolution along the search_path; Dolt table names, cut names
//	schemas.go     Options.Schemas: which Dolt database each schema goes to
//	build.go       Finish: builds the schema model (inheritance, columns, row size,
//	               foreign-key types, AUTO_INCREMENT, sequences)
//	keys.go        primary and unique keys, indexes, foreign keys, CHECKs
//	types.go       the PostgreSQL type to Dolt type rules
//	collations.go  CREATE COLLATION and the PostgreSQL to Dolt collation map
//	measure.go     the first pass's row measurements (Lengths)
//	infer.go       lengths and precisions from those measurements (Keys, Lengths)
//	overrides.go   matching override entries to the dump; precedence is overrides.Set.Resolve
//	ddlmerge.go    whole-table CREATE TABLE overrides merged into the model
//	valuefit.go    the check that measured values fit the types overrides chose
//	expr.go        defaults (DEFAULT clause bodies); the expressions of defaults, CHECKs and
//	               generated columns are translated by package viewsql (viewsql.Expr)
//	views.go       views and materialized views: bookkeeping, naming, order, their indexes
//	               and reporting; the Catalog package viewsql translates their queries over
//	explain.go     Plan and Suggestions (pgcopy explain, pgcopy overrides suggest)
//	rows.go        the second pass: COPY and INSERT rows as SQL tuples; values.go literals
//	partialindex.go why partial unique indexes stay skipped: the Dolt 1.83.2 reproduction
//	extensions.go  the schemas of CREATE EXTENSION ... WITH SCHEMA and the skipped rows of their tables
//
// The SELECT transpiler is package viewsql (translate/viewsql): it takes
// one query's syntax tree and a small Catalog (relations, their columns
// and types) and returns the MySQL text or the reason it cannot.
//
// The golden tests (golden_test.go, views_test.go) compare the DDL, the
// views and the report of every corpus dump with testdata/golden, and
// re-parse every statement of that DDL and those views with Dolt's own
// parser (github.com/dolthub/vitess/go/vt/sqlparser, through package
// internal/doltparse), so that nothing pgcopy prints is SQL Dolt cannot
// read.
package translate
