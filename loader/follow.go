package loader

import (
	"context"
	"database/sql"
	"fmt"
)

// What pgcopy follow (internal/follow) needs of a target besides a copy's
// steps: the session state for applying changes, the message of a
// branch's HEAD (where its replication position is recorded), and the
// columns of the tables in the working set.

// ApplySession sets the load's session state (FOREIGN_KEY_CHECKS=0, UTC
// time zone, NO_AUTO_VALUE_ON_ZERO) on the pinned connection, for
// applying replicated changes on the work branch after StartWork.
func (t *Target) ApplySession(ctx context.Context) error { return t.session(ctx) }

// HeadMessage returns the hash and message of branch's HEAD commit in the
// current database; exists is false when there is no such branch.
func (t *Target) HeadMessage(ctx context.Context, branch string) (hash, message string, exists bool, err error) {
	if branch == "" {
		branch = "main"
	}
	h, exists, err := t.branchHead(ctx, branch)
	if err != nil || !exists {
		return "", "", exists, err
	}
	var msg sql.NullString
	if err := t.conn.QueryRowContext(ctx, "SELECT message FROM dolt_log(?) LIMIT 1", branch).Scan(&msg); err != nil {
		return "", "", true, fmt.Errorf("read the HEAD commit of %s: %w", branch, err)
	}
	return h, msg.String, true, nil
}

// ColumnInfo is one column of a table in the working set, as
// information_schema.columns has it.
type ColumnInfo struct {
	Name string
	Type string // COLUMN_TYPE, e.g. "varchar(32)", "enum('a','b')"
}

// TableColumns returns the columns of every base table of the current
// database's working set, in ordinal order, keyed by table name.
func (t *Target) TableColumns(ctx context.Context) (map[string][]ColumnInfo, error) {
	rows, err := t.conn.QueryContext(ctx, `SELECT c.table_name, c.column_name, c.column_type FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		return nil, fmt.Errorf("list the columns of %s: %w", t.Display, err)
	}
	defer rows.Close()
	out := map[string][]ColumnInfo{}
	for rows.Next() {
		var tb string
		var c ColumnInfo
		if err := rows.Scan(&tb, &c.Name, &c.Type); err != nil {
			return nil, err
		}
		out[tb] = append(out[tb], c)
	}
	return out, rows.Err()
}
