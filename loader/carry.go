package loader

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Keep names the tables of the current database that the next Prepare
// and CreateTables leave as the parent commit holds them (a nightly run
// carries them over, or patches them: internal/pipeline/nightly.go and
// patch.go). Prepare still resets the working set and drops every other
// table and every view; the kept tables' rows, schema, indexes and
// foreign keys stay exactly as committed, so their dolt_hashof_table is
// the parent's until rows are written to them. patch names the kept
// tables whose rows the run then changes (a subset of keep): Prepare
// drops their triggers too, so that writing the changed rows fires none,
// and CreateRoutines recreates them from the dump after the load. nil
// keeps none. Only for a one-database target.
func (t *Target) Keep(keep, patch map[string]bool) { t.keep, t.patch = keep, patch }

// TableHash returns dolt_hashof_table of table name in the current
// database's working set: a hash of the table's schema and rows, equal for
// equal tables whatever their history (Dolt docs, "Dolt SQL Functions:
// dolt_hashof_table"). A table that does not exist is an error.
func (t *Target) TableHash(ctx context.Context, name string) (string, error) {
	var h string
	if err := t.conn.QueryRowContext(ctx, "SELECT DOLT_HASHOF_TABLE(?)", name).Scan(&h); err != nil {
		return "", fmt.Errorf("dolt_hashof_table(%s): %w", name, err)
	}
	return h, nil
}

// JournalBytes returns the size in bytes of the chunk journal of the
// current database of an embedded target (.dolt/noms/vvvv…, the file Dolt
// appends every new chunk to until dolt_gc moves the live ones into table
// files; Dolt docs, "Garbage collection"); ok is false for a sql-server or
// when the file cannot be read.
func (t *Target) JournalBytes() (n int64, ok bool) {
	if t.Kind != Embedded || t.root == "" {
		return 0, false
	}
	fi, err := os.Stat(filepath.Join(t.root, t.cur, ".dolt", "noms", strings.Repeat("v", 32)))
	if err != nil {
		return 0, false
	}
	return fi.Size(), true
}

// StoreBytes returns the size in bytes of all the chunk files of the
// current database of an embedded target (.dolt/noms and its oldgen: the
// journal and the table files and archives that dolt_gc writes); ok is
// false for a sql-server or when the directory cannot be read.
func (t *Target) StoreBytes() (n int64, ok bool) {
	if t.Kind != Embedded || t.root == "" {
		return 0, false
	}
	err := filepath.WalkDir(filepath.Join(t.root, t.cur, ".dolt", "noms"), func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n, err == nil
}
