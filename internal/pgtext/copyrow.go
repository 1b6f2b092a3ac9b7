package pgtext

import "github.com/pgcopy/pgcopy/translate/copytext"

// Field is one decoded field of a COPY text-format row; see
// [copytext.Field]. It is an alias so that the public translate/rowcodec API
// takes a type callers outside the module can build (issue 13).
type Field = copytext.Field

// DecodeRow splits one COPY text-format data line into fields; see
// [copytext.DecodeRow].
func DecodeRow(line []byte, dst []Field) ([]Field, error) {
	return copytext.DecodeRow(line, dst)
}

// hexVal returns the value of the hexadecimal digit c (either case).
func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
