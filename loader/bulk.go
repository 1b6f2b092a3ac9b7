//go:build !noembed

package loader

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unsafe"

	"github.com/dolthub/dolt/go/cmd/dolt/commands/engine"
	"github.com/dolthub/dolt/go/libraries/doltcore/mvdata"
	embedded "github.com/dolthub/driver"
	gmssql "github.com/dolthub/go-mysql-server/sql"
	"github.com/dolthub/go-mysql-server/sql/plan"
	"github.com/dolthub/go-mysql-server/sql/planbuilder"
	"github.com/dolthub/go-mysql-server/sql/rowexec"
	"github.com/dolthub/go-mysql-server/sql/transform"

	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// engineSession is the embedded engine and the SQL session behind one
// pinned database/sql connection.
//
// It is how pgcopy writes rows the way `dolt table import` does
// (mvdata.SqlEngineTableWriter in Dolt's go/libraries/doltcore/mvdata):
// an analyzed INSERT plan whose source is a stream of Go values, with no
// SQL text to parse. The engine and session are unexported fields of
// dolthub/driver's DoltConn, which offers no accessor, so they are read by
// reflection. The field names and types are those of the driver version
// pinned in go.mod; if they change, bulkSession fails with an error
// saying so and TestBulkPathIsUsed fails (loader tests).
type engineSession struct {
	se  *engine.SqlEngine
	ctx *gmssql.Context
	g   *engineGuard // the engine's fault boundary (guard.go)
}

var (
	typeSqlEngine = reflect.TypeOf((*engine.SqlEngine)(nil))
	typeGmsCtx    = reflect.TypeOf((*gmssql.Context)(nil))
)

// bulkSession returns the engine session of conn, or an error when conn is
// not an embedded connection of the pinned driver. The session may be used
// only while the caller holds conn and runs nothing else on it.
func bulkSession(ctx context.Context, conn *sql.Conn) (*engineSession, error) {
	var s *engineSession
	err := conn.Raw(func(dc any) (err error) {
		s, err = sessionOf(dc)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v; rerun with --sql-inserts", errEngineSetup, err)
	}
	return s, nil
}

// sessionOf returns the engine session of a driver connection of the
// guarded embedded connector (guard.go).
func sessionOf(dc any) (*engineSession, error) {
	var s engineSession
	if gc, ok := dc.(*guardedConn); ok {
		dc, s.g = gc.inner, gc.g
	}
	if s.g == nil {
		return nil, fmt.Errorf("not a guarded embedded Dolt connection (%T)", dc)
	}
	c, ok := dc.(*embedded.DoltConn)
	if !ok {
		return nil, fmt.Errorf("not an embedded Dolt connection (%T)", dc)
	}
	v := reflect.ValueOf(c).Elem()
	se, gc := v.FieldByName("se"), v.FieldByName("gmsCtx")
	if !se.IsValid() || se.Type() != typeSqlEngine || !gc.IsValid() || gc.Type() != typeGmsCtx {
		return nil, errors.New("dolthub/driver's DoltConn no longer has the fields se *engine.SqlEngine and gmsCtx *sql.Context; the bulk path must be updated for this driver version")
	}
	s.se = *(**engine.SqlEngine)(unsafe.Pointer(se.UnsafeAddr()))
	s.ctx = *(**gmssql.Context)(unsafe.Pointer(gc.UnsafeAddr()))
	if s.se == nil || s.ctx == nil {
		return nil, errors.New("embedded Dolt connection is not open")
	}
	return &s, nil
}

// insertRows inserts rows (Go values in the order of cols) into table (a
// quoted, possibly database-qualified name: schema.Table.QualifiedName) as
// one statement of the session's open transaction: either every row is
// written or, on the first error, none is (the statement is discarded, as
// for a failed INSERT). Values are converted to the column types by the
// engine exactly as the values of an INSERT statement are.
//
// into is "INSERT INTO table" or "REPLACE INTO table" (a patch's rows:
// internal/pipeline/patch.go; with FOREIGN_KEY_CHECKS=0 the replaced row's
// children are left alone).
func (s *engineSession) insertRows(into string, cols []string, rows [][]any) error {
	return s.g.do(fmt.Sprintf("%s: %d rows", into, len(rows)), func() error {
		return s.insert(into, cols, rows)
	})
}

// insert is insertRows without the guard.
func (s *engineSession) insert(into string, cols []string, rows [][]any) (err error) {
	ctx := s.ctx
	eng := s.se.GetUnderlyingEngine()
	q := make([]string, len(cols))
	one := make([]string, len(cols))
	for i, c := range cols {
		q[i] = sqltext.Ident(c)
		one[i] = "NULL"
	}
	stmt := into + " (" + strings.Join(q, ",") + ") VALUES (" + strings.Join(one, ",") + ")"
	binder := planbuilder.New(ctx, eng.Analyzer.Catalog, eng.EventScheduler)
	parsed, _, _, flags, err := binder.Parse(stmt, nil, false)
	if err != nil {
		return fmt.Errorf("%w: plan %s: %v; rerun with --sql-inserts", errEngineSetup, stmt, err)
	}
	ins, ok := parsed.(*plan.InsertInto)
	if !ok {
		return fmt.Errorf("%w: plan %s: got %T, not an INSERT; rerun with --sql-inserts", errEngineSetup, stmt, parsed)
	}
	dest := ins.Destination.Schema()
	src := make(gmssql.Schema, len(cols))
	for i, c := range cols {
		j := dest.IndexOfColName(c)
		if j < 0 {
			return fmt.Errorf("%w: table %s has no column %s", errEngineSetup, into, c)
		}
		src[i] = dest[j].Copy()
		src[i].Source = planbuilder.OnDupValuesPrefix
	}
	ch := make(chan gmssql.Row, len(rows))
	for _, r := range rows {
		ch <- gmssql.Row(r)
	}
	close(ch)
	switch n := ins.Source.(type) {
	case *plan.Values:
		ins.Source = mvdata.NewChannelRowSource(src, ch)
	case *plan.Project:
		n.Child = mvdata.NewChannelRowSource(src, ch)
	default:
		return fmt.Errorf("%w: plan %s: unexpected source %T; rerun with --sql-inserts", errEngineSetup, stmt, ins.Source)
	}
	analyzed, err := eng.Analyzer.Analyze(ctx, ins, nil, flags)
	if err != nil {
		return fmt.Errorf("%w: plan %s: %v; rerun with --sql-inserts", errEngineSetup, stmt, err)
	}
	transform.InspectWithOpaque(analyzed, func(n gmssql.Node) bool {
		if ii, ok := n.(*plan.InsertInto); ok {
			analyzed = ii
			return false
		}
		return true
	})
	iter, err := rowexec.NewBuilder(nil, eng.Analyzer.Overrides).Build(ctx, analyzed, nil)
	if err != nil {
		return fmt.Errorf("%w: plan %s: %v; rerun with --sql-inserts", errEngineSetup, stmt, err)
	}
	for {
		if _, err = iter.Next(ctx); err != nil {
			break
		}
	}
	if err == io.EOF {
		err = nil
	}
	// Close completes the statement, or discards it after an error
	// (plan.TableEditorIter).
	if cerr := iter.Close(ctx); err == nil {
		err = cerr
	}
	return err
}
