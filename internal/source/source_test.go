package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/testenv"
)

func TestSourceConninfo(t *testing.T) {
	for _, tc := range []struct {
		in       string
		want     map[string]string
		pgDump   string
		dropped  []string
		password string
	}{
		{in: "postgres://bob:s%40cret@db.example:6543/app?sslmode=verify-full&sslrootcert=/etc/ca.pem&pool_max_conns=4",
			want:   map[string]string{"user": "bob", "password": "s@cret", "host": "db.example", "port": "6543", "dbname": "app", "sslmode": "verify-full", "sslrootcert": "/etc/ca.pem", "pool_max_conns": "4"},
			pgDump: "user='bob' host='db.example' port='6543' dbname='app' sslmode='verify-full' sslrootcert='/etc/ca.pem'", dropped: []string{"pool_max_conns"}},
		{in: "postgresql://[::1]:5432,other:5433/my%20db",
			want:   map[string]string{"host": "::1,other", "port": "5432,5433", "dbname": "my db"},
			pgDump: "host='::1,other' port='5432,5433' dbname='my db'"},
		{in: "postgres:///app?host=/var/run/postgresql&ssl=true",
			want:   map[string]string{"dbname": "app", "host": "/var/run/postgresql", "sslmode": "require"},
			pgDump: "dbname='app' host='/var/run/postgresql' sslmode='require'"},
		{in: `host=localhost  dbname = 'it\'s' password='a \'q\' b' user=x\ y application_name=''`,
			want:   map[string]string{"host": "localhost", "dbname": "it's", "password": "a 'q' b", "user": "x y", "application_name": ""},
			pgDump: `host='localhost' dbname='it\'s' user='x y' application_name=''`},
		{in: "", want: nil, pgDump: ""},
	} {
		ci, err := parseConninfo(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if tc.want != nil && !reflect.DeepEqual(ci.vals, tc.want) {
			t.Errorf("%q:\n got %v\nwant %v", tc.in, ci.vals, tc.want)
		}
		got, dropped := ci.forPgDump()
		if got != tc.pgDump || !reflect.DeepEqual(dropped, tc.dropped) {
			t.Errorf("%q: forPgDump = %q %v, want %q %v", tc.in, got, dropped, tc.pgDump, tc.dropped)
		}
	}
	ci, err := parseConninfo(`host=h password='a \'q\' b' user=x\ y`)
	if err != nil {
		t.Fatal(err)
	}
	if ci.get("password") != "a 'q' b" || ci.get("user") != "x y" {
		t.Errorf("escapes: %v", ci.vals)
	}
	if s, _ := ci.forPgDump(); strings.Contains(s, "password") || strings.Contains(s, "a 'q' b") {
		t.Errorf("forPgDump kept the password: %s", s)
	}
	for _, bad := range []string{"host", "host='x", "=x"} {
		if _, err := parseConninfo(bad); err == nil {
			t.Errorf("%q parsed without error", bad)
		}
	}
}

func TestSourceScrub(t *testing.T) {
	s := newScrubber("p@ss word", "")
	err := s.Error(errors.New("cannot connect to postgres://u:p%40ss%20word@h/db (p@ss word)"))
	if strings.Contains(err.Error(), "p@ss") || strings.Contains(err.Error(), "p%40ss") {
		t.Errorf("secret left in %q", err)
	}
	inner := &diag.Error{Err: errors.New("x p@ss word"), Hint: "do this"}
	if got := diag.HintOf(s.Error(inner)); got != "do this" {
		t.Errorf("hint lost: %q", got)
	}
	if s.String("nothing here") != "nothing here" {
		t.Error("clean text changed")
	}
}

func TestSourceToolVersion(t *testing.T) {
	for in, want := range map[string]string{
		"pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n": "15",
		"pg_dump (PostgreSQL) 9.6.24":                           "9.6",
		"pg_restore (PostgreSQL) 18devel":                       "18",
	} {
		v, _, ok := parseToolVersion(in)
		if !ok || v.String() != want {
			t.Errorf("%q: %v %v, want %s", in, v, ok, want)
		}
	}
	if majorFromNum(150018) != 1500 || majorFromNum(90624) != 906 || majorFromNum(90624) >= majorFromNum(100000) {
		t.Error("majorFromNum")
	}
}

func TestSourceFormat(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string { return testenv.WriteFile(t, dir, name, data) }
	tarHead := make([]byte, 512)
	copy(tarHead, "toc.dat\x00")
	copy(tarHead[257:], "ustar")
	for path, want := range map[string]string{
		write("a.sql", []byte("--\n-- PostgreSQL database dump\n")): FormatPlain,
		write("a.dump", []byte("PGDMP\x01\x0e\x00")):                FormatCustom,
		write("a.tar", tarHead):                                     FormatTar,
		write("a.sql.gz", []byte{0x1f, 0x8b, 8}):                    FormatPlain,
	} {
		if got, err := DetectFormat(path); err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", filepath.Base(path), got, err, want)
		}
	}
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	if _, err := DetectFormat(filepath.Join(dir, "d")); err == nil || diag.HintOf(err) == "" {
		t.Errorf("directory without toc.dat: %v", err)
	}
	write("d/toc.dat", []byte("PGDMP"))
	if got, err := DetectFormat(filepath.Join(dir, "d")); err != nil || got != FormatDirectory {
		t.Errorf("directory: %q %v", got, err)
	}
}

// TestSourceLive dumps a real database on one snapshot: both Opens give
// the same text although a row is inserted in between, the snapshot id and
// time are set, and the schema-only dump has no data.
func TestSourceLive(t *testing.T) {
	pg := testenv.Postgres(t)
	name, url := pg.CreateDB(t)
	pg.Exec(t, url, "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g")
	ctx := context.Background()
	l, err := OpenLive(ctx, url, LiveOptions{PgDump: filepath.Join(pg.BinDir, "pg_dump")})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	read := func() string {
		rc, size, err := l.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		if size != 0 {
			t.Errorf("size %d, want 0 (unknown)", size)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := read()
	pg.Exec(t, url, "INSERT INTO t VALUES (101, 'late')")
	second := read()
	// pg_dump writes a random \restrict key into each dump
	strip := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if !strings.HasPrefix(line, `\restrict`) && !strings.HasPrefix(line, `\unrestrict`) {
				out = append(out, line)
			}
		}
		return strings.Join(out, "\n")
	}
	if strip(first) != strip(second) {
		t.Error("the two dumps of one snapshot differ")
	}
	if strings.Contains(first, "late") || !strings.Contains(first, "100\tv100") {
		t.Error("the dump does not hold exactly the snapshot's rows")
	}
	m := l.Meta()
	if m.Snapshot == "" || m.SnapshotTime.IsZero() || m.ServerVersion == "" || !strings.HasSuffix(m.Source, "/"+name) || l.Name() != m.Source {
		t.Errorf("meta %+v, name %q", m, l.Name())
	}
	var n int
	if err := l.Tx().QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 100 {
		t.Errorf("snapshot transaction sees %d rows (%v), want 100", n, err)
	}
	rc, err := l.SchemaDump()
	if err != nil {
		t.Fatal(err)
	}
	schemaText, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || strings.Contains(string(schemaText), "COPY ") || !strings.Contains(string(schemaText), "CREATE TABLE public.t") {
		t.Errorf("schema-only dump (%v):\n%s", err, schemaText)
	}
	// Closing a reader half-way stops pg_dump.
	rc, _, err = l.Open()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 10)
	rc.Read(buf)
	if err := rc.Close(); err != nil {
		t.Errorf("close mid-stream: %v", err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if _, _, err := l.Open(); err == nil {
		t.Error("Open after Close succeeded")
	}
}

// TestSourceLiveFailures: pg_dump failing mid-run surfaces as a read error
// with its stderr and a hint; a pg_dump older than the server is refused up
// front; no message holds the password.
func TestSourceLiveFailures(t *testing.T) {
	pg := testenv.Postgres(t)
	_, url := pg.CreateDB(t)
	pg.Exec(t, url, "CREATE TABLE t (id int)")
	ctx := context.Background()
	pgDump := filepath.Join(pg.BinDir, "pg_dump")

	l, err := OpenLive(ctx, url, LiveOptions{PgDump: pgDump, Tables: []string{"no_such_table"}})
	if err != nil {
		t.Fatal(err)
	}
	rc, _, err := l.Open()
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(rc)
	rc.Close()
	l.Close()
	if err == nil || !strings.Contains(err.Error(), "no_such_table") || !strings.Contains(diag.HintOf(err), "matched nothing") {
		t.Errorf("bad pattern: err %v, hint %q", err, diag.HintOf(err))
	}

	old := filepath.Join(t.TempDir(), "pg_dump")
	os.WriteFile(old, []byte("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n"), 0o755)
	withPW := strings.Replace(url, "postgres@", "postgres:TOPSECRET@", 1)
	_, err = OpenLive(ctx, withPW, LiveOptions{PgDump: old})
	if err == nil || !strings.Contains(err.Error(), "older than the server") || !strings.Contains(diag.HintOf(err), "--pg-dump") {
		t.Errorf("old pg_dump: err %v, hint %q", err, diag.HintOf(err))
	}
	_, err = OpenLive(ctx, strings.Replace(withPW, "/t_", "/nonexistent_", 1), LiveOptions{PgDump: pgDump})
	if err == nil || strings.Contains(err.Error(), "TOPSECRET") || strings.Contains(diag.HintOf(err), "TOPSECRET") {
		t.Errorf("connection error: %v", err)
	}
}

// TestSourceRestore reads a custom-format and a directory-format dump
// through pg_restore: the script equals what pg_restore prints itself.
func TestSourceRestore(t *testing.T) {
	pg := testenv.Postgres(t)
	_, url := pg.CreateDB(t)
	pg.Exec(t, url, "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'one'), (2, 'two')")
	dir := t.TempDir()
	custom, dirFmt := filepath.Join(dir, "db.dump"), filepath.Join(dir, "db.dir")
	pg.Dump(t, url, custom, "-Fc")
	pg.Dump(t, url, dirFmt, "-Fd")
	pgRestore := filepath.Join(pg.BinDir, "pg_restore")
	for _, p := range []string{custom, dirFmt} {
		in, err := Open(p, nil, OpenOptions{PgRestore: pgRestore})
		if err != nil {
			t.Fatal(err)
		}
		r, ok := in.(*Restore)
		if !ok {
			t.Fatalf("%s opened as %T", p, in)
		}
		for pass := 0; pass < 2; pass++ {
			rc, _, err := r.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil || !bytes.Contains(b, []byte("COPY public.t (id, v) FROM stdin;\n1\tone\n2\ttwo\n\\.")) {
				t.Errorf("%s pass %d (%v):\n%s", p, pass, err, b)
			}
		}
		if m := r.Meta(); len(m.SHA256) != 64 || m.Source != filepath.Base(p) {
			t.Errorf("%s: meta %+v", p, m)
		}
		r.Close()
	}

	// stdin holding a custom-format archive is spooled, restored, removed.
	data, _ := os.ReadFile(custom)
	in, err := Open("-", bytes.NewReader(data), OpenOptions{PgRestore: pgRestore})
	if err != nil {
		t.Fatal(err)
	}
	r := in.(*Restore)
	spool := r.Path
	rc, _, _ := r.Open()
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || !bytes.Contains(b, []byte("2\ttwo")) || r.Name() != "stdin" {
		t.Errorf("stdin archive: %v", err)
	}
	r.Close()
	if _, err := os.Stat(spool); !os.IsNotExist(err) {
		t.Errorf("spool %s left behind", spool)
	}

	// a damaged archive: pg_restore's error and a hint
	bad := filepath.Join(dir, "bad.dump")
	os.WriteFile(bad, data[:len(data)/2], 0o644)
	in, _ = Open(bad, nil, OpenOptions{PgRestore: pgRestore})
	rc, _, _ = in.Open()
	_, err = io.ReadAll(rc)
	rc.Close()
	if err == nil || !strings.Contains(err.Error(), "pg_restore failed") || diag.HintOf(err) == "" {
		t.Errorf("damaged archive: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "nope.dump"), nil, OpenOptions{}); err == nil {
		t.Error("missing file opened")
	}
}

// TestFileChangedBetweenPasses: a dump file that is cut or grows after the
// first pass fails the second Open instead of being read as another dump.
func TestFileChangedBetweenPasses(t *testing.T) {
	for _, tc := range []struct{ name, later string }{
		{"cut", "SELECT 1;\n"},
		{"grown", "SELECT 1;\nSELECT 2;\nSELECT 3;\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "d.sql")
			if err := os.WriteFile(p, []byte("SELECT 1;\nSELECT 2;\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := OpenFile(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			rc, _, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, rc)
			rc.Close()
			if err := os.WriteFile(p, []byte(tc.later), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err = f.Open()
			if err == nil || !strings.Contains(err.Error(), "d.sql changed between pgcopy's two passes over it: 20 bytes, then") || diag.HintOf(err) == "" {
				t.Fatalf("second Open of a changed file: %v (hint %q)", err, diag.HintOf(err))
			}
		})
	}
}
