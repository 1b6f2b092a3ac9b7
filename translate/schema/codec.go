package schema

import "github.com/pgcopy/pgcopy/internal/pgtext"

// ValueKind says how a column's PostgreSQL text value (COPY text format,
// PostgreSQL manual "COPY", and chapter 8 for each type's output form)
// becomes a Dolt value. Package rowcodec implements each kind.
type ValueKind int

// The value kinds. The comment says what the PostgreSQL text becomes.
const (
	KindString      ValueKind = iota // text as-is, quoted
	KindInt                          // integer digits, unquoted
	KindNumeric                      // numeric; NaN/Infinity unrepresentable
	KindFloat                        // real/double; NaN/Infinity unrepresentable
	KindBool                         // t/f -> 1/0
	KindBytea                        // hex or escape format -> X'..'
	KindDate                         // date; BC/infinity unrepresentable
	KindTimestamp                    // timestamp without time zone
	KindTimestampTZ                  // timestamptz -> UTC
	KindTime                         // time
	KindTimeTZ                       // timetz -> UTC time of day
	KindArray                        // array literal -> JSON array
	KindBit                          // bit string -> b'..'
	KindMoney                        // locale-formatted money -> decimal
	KindHstore                       // hstore text -> JSON object
	KindJSON                         // json/jsonb; numbers that float64 would change are unrepresentable
)

// Codec is how one column's values are decoded from PostgreSQL text and
// encoded for Dolt: everything package rowcodec needs besides the column's
// names. translate sets it on every Column it builds.
type Codec struct {
	Kind ValueKind
	// Elem is the element kind of a KindArray column (how each element
	// is written in the JSON array).
	Elem pgtext.ElemKind
	// Float32 says a KindFloat column is a Dolt float (float4): its values
	// are read as float4 and written as the float64 spelling of that value.
	Float32 bool
}
