package pipeline

import (
	"io"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// metaInput is a source.Input that only has Meta.
type metaInput struct{ m source.Meta }

func (metaInput) Name() string                        { return "test" }
func (metaInput) Open() (io.ReadCloser, int64, error) { return nil, 0, io.EOF }
func (i metaInput) Meta() source.Meta                 { return i.m }
func (metaInput) Close() error                        { return nil }

func TestCommitMessage(t *testing.T) {
	old := Version
	Version = "9.9.9-test"
	defer func() { Version = old }()

	one := &schema.Database{Tables: []*schema.Table{{Name: "actor"}, {Name: "film"}}}
	oneRep := &report.Report{Tables: []*report.Table{{Name: "actor", Written: 200}, {Name: "film", Written: 1000}, {Name: "other", Written: 7}}}
	multi := &schema.Database{
		Databases: []string{"shop", "shop_auth", "shop_log"},
		Tables:    []*schema.Table{{Name: "orders", Database: "shop"}, {Name: "users", Database: "shop_auth"}, {Name: "roles", Database: "shop_auth"}, {Name: "log", Database: "shop_log"}},
	}
	multiRep := &report.Report{Tables: []*report.Table{{Name: "shop.orders", Written: 5}, {Name: "shop_auth.users", Written: 3}, {Name: "shop_auth.roles", Written: 2}, {Name: "shop_log.log", Written: 11}}}
	full := source.Meta{Source: "db.example/shop", ServerVersion: "15.4", Snapshot: "00000003-0000001B-1",
		SnapshotTime: time.Date(2026, 12, 3, 23, 59, 1, 500000000, time.FixedZone("CET", 3600))}

	for _, tc := range []struct {
		name    string
		meta    source.Meta
		hdr     dump.Header
		db      *schema.Database
		rep     *report.Report
		dbName  string
		dbs     []string
		commits map[string]string
		want    string
	}{
		{
			name: "dump file, one database",
			meta: source.Meta{Source: "pagila.sql", SHA256: "abc123"},
			hdr:  dump.Header{ServerVersion: "15.2", PgDumpVersion: "15.3"},
			db:   one, rep: oneRep, dbName: "pagila",
			want: "pgcopy: snapshot of pagila.sql\n\n" +
				"source: pagila.sql\n" +
				"source-sha256: abc123\n" +
				"pg_dump-version: 15.3\n" +
				"server-version: 15.2\n" +
				"tables: 2\nrows: 1200\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
		{
			name: "header without versions",
			meta: source.Meta{Source: "stdin"},
			db:   &schema.Database{}, rep: &report.Report{}, dbName: "x",
			want: "pgcopy: snapshot of stdin\n\n" +
				"source: stdin\n" +
				"pg_dump-version: unknown (not in the dump header)\n" +
				"server-version: unknown (not in the dump header)\n" +
				"tables: 0\nrows: 0\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
		{
			name: "live source: snapshot, time in UTC, the source's server version wins over the header's",
			meta: full,
			hdr:  dump.Header{ServerVersion: "15.0", PgDumpVersion: "15.4"},
			db:   one, rep: oneRep, dbName: "pagila",
			want: "pgcopy: snapshot of db.example/shop\n\n" +
				"source: db.example/shop\n" +
				"snapshot: 00000003-0000001B-1\n" +
				"snapshot-time: 2026-12-03T22:59:01.5Z\n" +
				"pg_dump-version: 15.4\n" +
				"server-version: 15.4\n" +
				"tables: 2\nrows: 1200\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
		{
			name: "schemas as databases: the target's commit lists the others' commits",
			meta: source.Meta{Source: "shop.sql"},
			hdr:  dump.Header{ServerVersion: "15.2", PgDumpVersion: "15.3"},
			db:   multi, rep: multiRep, dbName: "shop", dbs: multi.Databases,
			commits: map[string]string{"shop_auth": "u1f2"},
			want: "pgcopy: snapshot of shop.sql\n\n" +
				"source: shop.sql\n" +
				"pg_dump-version: 15.3\n" +
				"server-version: 15.2\n" +
				"tables: 1\nrows: 5\n" +
				"databases: shop, shop_auth, shop_log\n" +
				"commit-of-shop_auth: u1f2\n" +
				"commit-of-shop_log: unchanged\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
		{
			name: "schemas as databases: another database's commit counts its own tables",
			meta: source.Meta{Source: "shop.sql"},
			hdr:  dump.Header{ServerVersion: "15.2", PgDumpVersion: "15.3"},
			db:   multi, rep: multiRep, dbName: "shop_auth", dbs: multi.Databases,
			commits: map[string]string{"shop_auth": "u1f2"},
			want: "pgcopy: snapshot of shop.sql\n\n" +
				"source: shop.sql\n" +
				"pg_dump-version: 15.3\n" +
				"server-version: 15.2\n" +
				"tables: 2\nrows: 5\n" +
				"databases: shop, shop_auth, shop_log\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
		{
			name: "one database in the list: no databases line",
			meta: source.Meta{Source: "shop.sql"},
			hdr:  dump.Header{ServerVersion: "15.2", PgDumpVersion: "15.3"},
			db:   one, rep: oneRep, dbName: "shop", dbs: []string{"shop"},
			want: "pgcopy: snapshot of shop.sql\n\n" +
				"source: shop.sql\n" +
				"pg_dump-version: 15.3\n" +
				"server-version: 15.2\n" +
				"tables: 2\nrows: 1200\n" +
				"pgcopy-version: 9.9.9-test\n",
		},
	} {
		got := commitMessage(metaInput{tc.meta}, tc.hdr, tc.db, tc.rep, tc.dbName, tc.dbs, tc.commits)
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestPushRemote(t *testing.T) {
	for _, tc := range []struct {
		remote, target, name, want string
	}{
		{"origin", "shop", "shop", "origin"},
		{"origin", "shop", "shop_auth", "origin"},
		{"file:///backups/shop", "shop", "shop", "file:///backups/shop"},
		{"file:///backups/shop", "shop", "shop_auth", "file:///backups/shop_auth"},
		{"file:///backups/shop/", "shop", "shop_auth", "file:///backups/shop_auth"},
		{"https://doltremoteapi.example/org/shop", "shop", "shop_log", "https://doltremoteapi.example/org/shop_log"},
		{"aws://[table:bucket]/shop", "shop", "shop_x", "aws://[table:bucket]/shop_x"},
	} {
		if got := pushRemote(tc.remote, tc.target, tc.name); got != tc.want {
			t.Errorf("pushRemote(%q, %q, %q) = %q, want %q", tc.remote, tc.target, tc.name, got, tc.want)
		}
	}
}
