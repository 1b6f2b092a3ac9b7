package loader

import (
	"context"
	"database/sql"
	"fmt"
)

// Commit stages every table and makes one Dolt commit with message and
// author ("Name <email>"). With --skip-empty semantics, an unchanged
// working set makes no commit: the returned hash is then "" and changed is
// false. See the Dolt docs, "Dolt SQL Procedures: DOLT_COMMIT".
func (t *Target) Commit(ctx context.Context, message, author string) (hash string, changed bool, err error) {
	before, err := t.Head(ctx)
	if err != nil {
		return "", false, err
	}
	var h sql.NullString
	row := t.conn.QueryRowContext(ctx, "CALL DOLT_COMMIT('-A', '--skip-empty', '-m', ?, '--author', ?)", message, author)
	if err := row.Scan(&h); err != nil && err != sql.ErrNoRows {
		return "", false, fmt.Errorf("dolt commit: %w", err)
	}
	after, err := t.Head(ctx)
	if err != nil {
		return "", false, err
	}
	if after == before {
		return "", false, nil
	}
	return after, true, nil
}

// Head returns the commit hash of the current branch's HEAD.
func (t *Target) Head(ctx context.Context) (string, error) {
	var h string
	if err := t.conn.QueryRowContext(ctx, "SELECT HASHOF('HEAD')").Scan(&h); err != nil {
		return "", fmt.Errorf("read HEAD: %w", err)
	}
	return h, nil
}
