package schema

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
	Elem ElemKind
	// Float32 says a KindFloat column is a Dolt float (float4): its values
	// are read as float4 and written as the float64 spelling of that value.
	Float32 bool
}

// ElemKind says how internal/pgtext.ArrayToJSON turns the elements of an array into JSON
// values; choose it from the array's element type.
type ElemKind int

const (
	// ElemString emits each element as a JSON string holding the element's
	// text (text, varchar, char, date, timestamp, uuid, enums and any type
	// without a closer JSON match).
	ElemString ElemKind = iota
	// ElemNumber emits each element as a JSON number (smallint, integer,
	// bigint, numeric, real, double precision). Elements must be decimal
	// numbers; NaN and ±Infinity are unrepresentable.
	ElemNumber
	// ElemBool emits each element as true or false (boolean; elements as
	// accepted by pgtext.Bool).
	ElemBool
	// ElemJSON embeds each element's text as raw JSON (json, jsonb) after
	// checking it is valid JSON.
	ElemJSON
)
