package viewsql

// rangeItem is one relation of a FROM clause.
type rangeItem struct {
	ref    string // the name the Dolt SQL qualifies its columns with
	pgName string // the name PostgreSQL refers to it by: its alias or relation name
	schema string // the relation's schema, when it has no alias
	cols   []Column
	// recursive says it is a WITH RECURSIVE query that names itself: Dolt
	// 1.83 returns its date columns as datetime (recursiveDate).
	recursive bool
}

// recursiveDate is the workaround for a Dolt 1.83 bug: a date column of a
// recursive common table expression comes out as a datetime
// ("2024-02-27 00:00:00"). Reproduced with the dolt CLI alone:
//
//	CREATE TABLE c (d date); INSERT INTO c VALUES ('2024-02-27');
//	WITH RECURSIVE r (d, n) AS ((SELECT d, 1 FROM c) UNION ALL (SELECT d, n+1 FROM r WHERE n < 2)) SELECT * FROM r;
//	-- d is 2024-02-27 00:00:00 in both rows; PostgreSQL (and MySQL) return a date
//
// A reference to such a column is wrapped in DATE(), which gives
// PostgreSQL's value (the datetime is always at midnight). CAST(... AS
// DATE) does not: Dolt keeps the datetime value under the date type, and
// CAST(CAST(d AS DATE) AS CHAR) still prints "2024-02-27 00:00:00".
func recursiveDate(it *rangeItem, c *Column, ref string) string {
	if it.recursive && c.typ.k == kDate {
		return "DATE(" + ref + ")"
	}
	return ref
}

func (it *rangeItem) col(name string) *Column {
	for i := range it.cols {
		if it.cols[i].pg == name {
			return &it.cols[i]
		}
	}
	return nil
}

// viewScope is what the expressions of one SELECT may refer to.
type viewScope struct {
	outer   *viewScope
	items   []*rangeItem
	ctes    map[string][]Column
	recs    map[string]bool      // the WITH RECURSIVE queries of ctes that name themselves
	outputs map[string]outputRef // the select list, for GROUP BY and ORDER BY
	vt      *viewTrans
}

type outputRef struct {
	sql string
	col Column
}

// viewTrans is the state of one view's translation.
type viewTrans struct {
	db    string   // the view's Dolt database
	uses  []string // Dolt names of the views it selects from
	notes []string // what differs from PostgreSQL, for the report
	nsub  int
	cross bool // it reads a table of another Dolt database, directly or through a view
}

func (vt *viewTrans) note(s string) {
	for _, n := range vt.notes {
		if n == s {
			return
		}
	}
	vt.notes = append(vt.notes, s)
}
