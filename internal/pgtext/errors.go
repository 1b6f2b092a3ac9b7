package pgtext

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// ErrUnrepresentable is wrapped (test with [errors.Is]) by the errors of the
// converters in this package when the input is a valid PostgreSQL value that
// Dolt cannot store: NaN and ±Infinity numbers, infinite or BC dates and
// timestamps, years above 9999, and array elements or strings that are not
// valid UTF-8 inside JSON. Any other error from a converter means the text is
// malformed for its PostgreSQL type.
var ErrUnrepresentable = errors.New("value cannot be represented in Dolt")

// maxQuoted is the number of bytes of an offending value that error messages
// show before truncating it.
const maxQuoted = 60

// quote renders s for an error message: at most maxQuoted bytes (cut on a
// UTF-8 boundary), Go-quoted so that control bytes stay visible, with "..."
// appended when the value was truncated.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > maxQuoted-utf8.UTFMax && cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}

// valueError is the error returned by the converters. It reads either
// `invalid <kind> "<value>": <expected>` or, when unrep is set,
// `<kind> "<value>" cannot be represented in Dolt: <expected>`; in the second
// case it unwraps to ErrUnrepresentable.
type valueError struct {
	kind     string // PostgreSQL type name as the user knows it, e.g. "date"
	value    string // offending text, full; truncated when printed
	expected string // what a valid (or representable) value looks like
	unrep    bool   // valid in PostgreSQL, not storable in Dolt
}

func (e *valueError) Error() string {
	if e.unrep {
		return e.kind + " " + quote(e.value) + " cannot be represented in Dolt: " + e.expected
	}
	return "invalid " + e.kind + " " + quote(e.value) + ": " + e.expected
}

// Unwrap returns ErrUnrepresentable for unrepresentable values, nil otherwise.
func (e *valueError) Unwrap() error {
	if e.unrep {
		return ErrUnrepresentable
	}
	return nil
}

func malformed(kind, value, expected string) error {
	return &valueError{kind: kind, value: value, expected: expected}
}

func unrepresentable(kind, value, expected string) error {
	return &valueError{kind: kind, value: value, expected: expected, unrep: true}
}
