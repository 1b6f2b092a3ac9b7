package copytext

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// maxQuoted is the number of bytes of an offending value that error messages
// show before truncating it (the same as internal/pgtext's).
const maxQuoted = 60

// malformed returns the error DecodeRow reports for a malformed field. It
// reads `invalid <kind> "<value>": <expected>`, exactly as internal/pgtext's
// value errors do.
func malformed(kind, value, expected string) error {
	return errors.New("invalid " + kind + " " + quote(value) + ": " + expected)
}

// quote renders s for an error message: at most maxQuoted bytes (cut on a
// UTF-8 boundary), Go-quoted, with "..." appended when truncated.
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
