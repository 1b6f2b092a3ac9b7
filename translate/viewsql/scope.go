package viewsql

// rangeItem is one relation of a FROM clause.
type rangeItem struct {
	ref    string // the name the Dolt SQL qualifies its columns with
	pgName string // the name PostgreSQL refers to it by: its alias or relation name
	schema string // the relation's schema, when it has no alias
	cols   []Column
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
