package loader

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// OpenExisting opens an existing Dolt database for reading (`pgcopy
// verify`), on branch when given (as the revision database NAME/BRANCH,
// which reads the branch without checking it out): spec is a directory or
// a mysql:// URL (ParseServerURL), pw its password source. Unlike Open it
// never creates a database: a directory that is not a Dolt database is an
// error. The returned function closes the connection; Author is never
// used, nothing is written.
func OpenExisting(ctx context.Context, spec string, pw PasswordSource, branch string) (*sql.Conn, func(), error) {
	conn, name, closeFn, err := openExisting(ctx, spec, pw)
	if err != nil {
		return nil, nil, err
	}
	if branch != "" {
		if _, err := conn.ExecContext(ctx, "USE "+sqltext.Ident(name+"/"+branch)); err != nil {
			closeFn()
			return nil, nil, &diag.Error{Err: fmt.Errorf("branch %s of %s: %w", branch, spec, err),
				Hint: "give --branch a branch of the target (dolt branch lists them)"}
		}
	}
	return conn, closeFn, nil
}

// openExisting opens spec's database and returns its name.
func openExisting(ctx context.Context, spec string, pw PasswordSource) (*sql.Conn, string, func(), error) {
	if IsServerSpec(spec) {
		s, err := ParseServerURL(spec)
		if err != nil {
			return nil, "", nil, err
		}
		if err := s.SetPassword(pw); err != nil {
			return nil, "", nil, err
		}
		db, err := ConnectServer(ctx, s, false) // never creates the database
		if err != nil {
			return nil, "", nil, err
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			db.Close()
			return nil, "", nil, fmt.Errorf("connect to %s: %w", s.Display(), err)
		}
		return conn, s.Database, func() { conn.Close(); db.Close() }, nil
	}
	if st, err := os.Stat(filepath.Join(spec, ".dolt")); err != nil || !st.IsDir() {
		return nil, "", nil, &diag.Error{Err: fmt.Errorf("target %s is not a Dolt database", spec),
			Hint: "give --target the directory pgcopy copy wrote to"}
	}
	t, err := Open(ctx, spec, Options{Author: "pgcopy <pgcopy@localhost>"})
	if err != nil {
		return nil, "", nil, err
	}
	return t.Conn(), t.Database, func() { t.Close() }, nil
}
