package schema

import "strings"

// RoutineKind is what a [Routine] creates in Dolt.
type RoutineKind int

const (
	// RoutineFunction is a stored function (CREATE FUNCTION), created
	// before the views, which may call it.
	RoutineFunction RoutineKind = iota + 1
	// RoutineProcedure is a stored procedure (CREATE PROCEDURE), created
	// with the functions.
	RoutineProcedure
	// RoutineTrigger is a row trigger (CREATE TRIGGER ... FOR EACH ROW),
	// created last, after the data load and the foreign-key check, so that
	// loading never fires it.
	RoutineTrigger
)

// String is the report kind: "FUNCTION", "PROCEDURE" or "TRIGGER".
func (k RoutineKind) String() string {
	switch k {
	case RoutineFunction:
		return "FUNCTION"
	case RoutineProcedure:
		return "PROCEDURE"
	case RoutineTrigger:
		return "TRIGGER"
	}
	return "ROUTINE"
}

// Routine is a trigger, stored function or stored procedure that pgcopy
// creates in Dolt after the tables: translated from the dump (a PL/pgSQL
// trigger function in the supported subset, a single-expression SQL
// function) or written by hand in an override file. Dolt docs, "Triggers"
// and "Stored procedures"; MySQL 8.0 reference manual 15.1.17, 15.1.22.
type Routine struct {
	Kind     RoutineKind
	PG       string // the PostgreSQL object the report names (schema.name, or trigger ON table)
	Name     string // the Dolt name
	Database string // the Dolt database; "" for the target database (see Database)
	Table    string // a trigger's Dolt table; "" for functions and procedures

	// SQL is the whole MySQL-dialect CREATE statement, without a trailing
	// semicolon; every one is re-parsed by Dolt's parser (internal/doltparse)
	// in the tests.
	SQL string

	Pos Pos // the dump statement it came from, or its line in the override file
	// Override is set when SQL comes from an override file (Pos is there):
	// the report says "from override FILE:LINE".
	Override bool

	// Uses names the functions (Routine.Name, lower case) that SQL calls;
	// each comes earlier in Database.Routines.
	Uses []string
}

// ReportName is db.name when the routine has a database, else its Dolt name.
func (r *Routine) ReportName() string {
	if r.Database == "" {
		return r.Name
	}
	return r.Database + "." + r.Name
}

// routinesIn returns the routines of rs that go to database name.
func routinesIn(rs []*Routine, name string) []*Routine {
	var out []*Routine
	for _, r := range rs {
		if strings.EqualFold(r.Database, name) {
			out = append(out, r)
		}
	}
	return out
}
