package translate

import (
	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgcopy/pgcopy/internal/pgnode"
	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate/pgtypes"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// valKind says how a column's PostgreSQL text value becomes a Dolt value
// (schema.ValueKind; package rowcodec implements each).
type valKind = schema.ValueKind

const (
	vString      = schema.KindString
	vInt         = schema.KindInt
	vNumeric     = schema.KindNumeric
	vFloat       = schema.KindFloat
	vBool        = schema.KindBool
	vBytea       = schema.KindBytea
	vDate        = schema.KindDate
	vTimestamp   = schema.KindTimestamp
	vTimestampTZ = schema.KindTimestampTZ
	vTime        = schema.KindTime
	vTimeTZ      = schema.KindTimeTZ
	vArray       = schema.KindArray
	vBit         = schema.KindBit
	vMoney       = schema.KindMoney
	vHstore      = schema.KindHstore
	vJSON        = schema.KindJSON
)

// colType is what mapping one PostgreSQL column type gives: the Dolt
// type and row codec that go into the column of the model, and what the
// report says about them. It lives only while a column is built; the
// model's Column holds the result.
type colType struct {
	dolt      schema.Type     // Dolt column type
	kind      valKind         // value conversion
	elem      pgtext.ElemKind // array element kind, for vArray
	change    string          // non-empty when the mapping loses or alters something: how
	group     string          // the summary's group of change (report.Object.Group); "" groups by change
	collation string          // non-default collation
}

// codec is the row codec of a column of type ct.
func (ct colType) codec() schema.Codec { return codecOf(ct.kind, ct.elem, ct.dolt) }

// codecOf is the row codec of values of kind (array elements elem) stored
// in a Dolt column of type dolt: a Dolt float (float4) column reads its
// values as float4.
func codecOf(kind valKind, elem pgtext.ElemKind, dolt schema.Type) schema.Codec {
	f, _ := dolt.(*schema.FloatType)
	return schema.Codec{Kind: kind, Elem: elem, Float32: f != nil && *f == schema.FloatType{T: "float"}}
}

// blob reports whether the column type is stored out of the row (TEXT,
// BLOB, JSON): no key without a prefix, no foreign key.
func (ct colType) blob() bool { return schema.IsBlob(ct.dolt) }

// typeNameParts, typmods and pgTypeString are package pgnode's
// TypeNameParts, Typmods and TypeString.
func typeNameParts(tn *pg.TypeName) (schemaName, name string) { return pgnode.TypeNameParts(tn) }

func typmods(tn *pg.TypeName) ([]int, error) { return pgnode.Typmods(tn) }

func pgTypeString(tn *pg.TypeName) string { return pgnode.TypeString(tn) }

// mapType maps a PostgreSQL type to a Dolt type (PostgreSQL manual,
// chapter 8 "Data Types"; the table in translate's package doc). Domains
// are resolved to their base type by the caller before this is called.
// Every type gets a Dolt type: a type pgcopy does not know (an extension's
// type such as PostGIS geometry or pgvector vector, or a base type made
// with CREATE TYPE) is stored as its text form in longtext and reported.
// The error is for a built-in type whose modifiers Dolt cannot hold
// (numeric(p,s) beyond decimal(65,30)).
func (t *Translator) mapType(tn *pg.TypeName) (colType, error) {
	if len(tn.ArrayBounds) > 0 {
		elemTN := &pg.TypeName{Names: tn.Names, Typmods: tn.Typmods}
		elem, err := t.mapType(t.resolveDomain(elemTN))
		if err != nil {
			return colType{}, err
		}
		ek := pgtext.ElemString
		switch elem.kind {
		case vInt, vNumeric, vFloat:
			ek = pgtext.ElemNumber
		case vBool:
			ek = pgtext.ElemBool
		}
		if elem.kind == vJSON {
			ek = pgtext.ElemJSON
		}
		how := "elements as JSON strings holding their PostgreSQL text form"
		switch ek {
		case pgtext.ElemNumber:
			how = "elements as JSON numbers"
		case pgtext.ElemBool:
			how = "elements as true/false"
		case pgtext.ElemJSON:
			how = "elements as JSON values"
		}
		return colType{dolt: &schema.JSONType{}, kind: vArray, elem: ek,
			change: pgTypeString(tn) + " stored as a JSON array (" + how + "); array lower bounds other than 1 are lost"}, nil
	}
	schemaName, name := typeNameParts(tn)
	if schemaName == "" || schemaName == "pg_catalog" {
		mods, err := typmods(tn)
		if ct, ok, err2 := builtinType(name, mods, schemaName == "pg_catalog"); ok || err2 != nil {
			if err2 == nil && err != nil {
				return colType{}, err
			}
			return ct, err2
		}
	}
	if labels, ok := t.lookupEnum(schemaName, name); ok {
		return colType{dolt: &schema.EnumType{Values: labels}, kind: vString}, nil
	}
	if t.isComposite(schemaName, name) {
		return colType{dolt: schema.LongText(), kind: vString,
			change: "composite type " + pgTypeString(tn) + " stored as its PostgreSQL text form, e.g. (1,\"a b\"), in longtext; use an override to choose a type"}, nil
	}
	if row, ok := pgtypes.LookupExtension(name); ok {
		return fromRow(row, nil, false)
	}
	return colType{dolt: schema.LongText(), kind: vString,
		change: "extension type " + pgTypeString(tn) + " stored as text; use an override to choose a type"}, nil
}

// builtinType maps a built-in PostgreSQL type through its row of the type
// registry (package pgtypes, PostgreSQL manual chapter 8). ok is false for
// a name that is not built in. qualified says the dump wrote
// pg_catalog.name, which tells pg_catalog."char" apart from the SQL char(n)
// (parsed as bpchar).
func builtinType(name string, mods []int, qualified bool) (ct colType, ok bool, err error) {
	row, ok := pgtypes.Lookup(name)
	if !ok {
		return colType{}, false, nil
	}
	ct, err = fromRow(row, mods, qualified)
	return ct, true, err
}

// fromRow maps a type through its registry row.
func fromRow(row *pgtypes.Type, mods []int, qualified bool) (colType, error) {
	d, err := row.Rule(mods, qualified)
	if err != nil {
		return colType{}, err
	}
	kind := row.Codec
	if d.Text {
		kind = vString
	}
	return colType{dolt: d.Type, kind: kind, change: d.Change, collation: d.Collation}, nil
}

func qualify(schemaName, name string) string {
	if schemaName == "" {
		return name
	}
	return schemaName + "." + name
}
