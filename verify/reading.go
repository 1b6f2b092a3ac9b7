package verify

import (
	"context"
	"fmt"

	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// Reading is how verify reads one column on each side: PG and Dolt are
// SQL expressions that yield the column's value as text (or NULL), and
// NormPG and NormDolt turn such a text into the form in which the two
// sides compare equal (see the package doc, "How values are compared").
// It lets a caller compare what verify does not, e.g. the rows of views.
type Reading struct {
	PG, Dolt string
	p        colPlan
}

// NormPG normalises a non-NULL text read with r.PG from PostgreSQL.
func (r Reading) NormPG(v []byte) string { return normalize(v, r.p.pgNorm) }

// NormDolt normalises a non-NULL text read with r.Dolt from Dolt.
func (r Reading) NormDolt(v []byte) string { return normalize(v, r.p.doltNorm) }

// ColumnReading plans the reading of a column named pgName in PostgreSQL
// and doltName in Dolt whose PostgreSQL type is typeOID (a pg_type oid;
// domains are followed to their base type in pg's catalog). The Dolt type
// is taken as the type's default mapping (pgtypes, no type modifiers), as
// for a view's column, which has no type of its own in the schema. The
// texts depend on the PostgreSQL session's DateStyle, IntervalStyle and
// extra_float_digits: set them as verify does ('ISO, MDY', 'postgres', 3).
// Errors come from PostgreSQL's catalog.
func ColumnReading(ctx context.Context, pg PG, typeOID uint32, pgName, doltName string) (Reading, error) {
	types := &typeResolver{pg: pg, cache: map[uint32]pgType{}}
	t, err := types.resolve(ctx, typeOID)
	if err != nil {
		return Reading{}, fmt.Errorf("verify: type %d of column %s: %w", typeOID, pgName, err)
	}
	c := &schema.Column{PGName: pgName, Name: doltName}
	if row, ok := pgtypes.ByTypname(t.name); ok && row.Rule != nil && !t.array {
		if d, err := row.Rule(nil, false); err == nil {
			c.Type.Type = d.Type
		}
	}
	p := planColumn(c, t)
	return Reading{PG: p.pgExpr, Dolt: p.doltExpr, p: p}, nil
}
