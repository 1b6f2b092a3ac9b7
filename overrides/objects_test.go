package overrides_test

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/overrides"
)

// objectsFile holds one statement of each kind a .sql override file
// accepts; the trigger and procedure bodies hold semicolons, which
// ParseSQLFile must join back into one statement.
const objectsFile = `-- objects written by hand
CREATE TABLE t (id int PRIMARY KEY, n int, note varchar(20));

CREATE VIEW v AS SELECT id, GROUP_CONCAT(note SEPARATOR ', ') AS notes FROM t GROUP BY id;

CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW
BEGIN
  SET NEW.n = NEW.n + 1;
  IF NEW.n > 10 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'too big';
  END IF;
END;

CREATE PROCEDURE bump(IN k int)
BEGIN
  UPDATE t SET n = n + 1 WHERE id = k;
  SELECT n FROM t WHERE id = k;
END;
`

// TestOverrideObjectKinds reads CREATE TABLE, VIEW, TRIGGER and
// PROCEDURE from one file, each with its kind, name, line and whole text.
func TestOverrideObjectKinds(t *testing.T) {
	ddls, objs, err := overrides.ParseSQLFile("objs.sql", []byte(objectsFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(ddls) != 1 || ddls[0].Pos.Line != 2 {
		t.Fatalf("CREATE TABLE: %d statements %+v", len(ddls), ddls)
	}
	want := []struct {
		kind, name, table string
		line              int
		ends              string
	}{
		{"VIEW", "v", "", 4, "GROUP BY id"},
		{"TRIGGER", "t_bi", "t", 6, "END IF;\nEND"},
		{"PROCEDURE", "bump", "", 14, "WHERE id = k;\nEND"},
	}
	if len(objs) != len(want) {
		t.Fatalf("%d objects, want %d: %+v", len(objs), len(want), objs)
	}
	for i, w := range want {
		o := objs[i]
		if o.Kind != w.kind || o.Name != w.name || o.Table != w.table || o.Pos.Line != w.line || o.Pos.File != "objs.sql" {
			t.Errorf("object %d: %s %s on %q at %s, want %s %s on %q at objs.sql:%d", i, o.Kind, o.Name, o.Table, o.Pos, w.kind, w.name, w.table, w.line)
		}
		if !strings.HasSuffix(o.SQL, w.ends) || strings.HasSuffix(o.SQL, ";") && w.kind == "VIEW" {
			t.Errorf("object %s: SQL does not end with %q (BEGIN ... END not rejoined?):\n%s", o.Name, w.ends, o.SQL)
		}
	}
	if v := objs[0]; !strings.Contains(strings.ToLower(v.Query), "group_concat") || !contains(v.Reads, "t") {
		t.Errorf("view query %q, reads %v", v.Query, v.Reads)
	}
}

// TestOverrideFunctionRejected: a PostgreSQL-dialect CREATE FUNCTION (as
// pg_dump writes pagila's last_day) is an error at its file:line that says
// Dolt has no CREATE FUNCTION and what to write instead; so is a
// MySQL-dialect one.
func TestOverrideFunctionRejected(t *testing.T) {
	for _, src := range []string{
		"-- pagila\n\nCREATE FUNCTION public.last_day(timestamp with time zone) RETURNS date\n    LANGUAGE sql IMMUTABLE STRICT\n    AS $_$\n  SELECT CASE WHEN EXTRACT(MONTH FROM $1) = 12 THEN 1 END\n$_$;\n",
		"-- mysql\n\nCREATE FUNCTION last_day2(d date) RETURNS date DETERMINISTIC\nBEGIN\n  RETURN LAST_DAY(d);\nEND;\n",
	} {
		_, _, err := overrides.ParseSQLFile("fn.sql", []byte(src))
		if err == nil {
			t.Fatalf("no error for\n%s", src)
		}
		msg := err.Error()
		for _, want := range []string{"fn.sql:3", "CREATE FUNCTION", "no CREATE FUNCTION", "CREATE PROCEDURE"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error lacks %q:\n%s", want, msg)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
