package diag

import (
	"fmt"
	"unicode/utf8"
)

// ExcerptLen is how many bytes of a value or of a foreign message an
// error quotes (Excerpt): enough to recognise it, small enough that a 10 MB
// value does not flood stderr.
const ExcerptLen = 200

// Excerpt returns s if it is at most n bytes, else its first n bytes or
// fewer, cut on a UTF-8 character boundary, followed by
// "... (N bytes)" with N the length of the whole s.
func Excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes)", s[:cut], len(s))
}

// ExcerptErr returns err with its message cut by Excerpt to n bytes; the
// result unwraps to err, so errors.Is and errors.As still see it. A nil
// err stays nil.
func ExcerptErr(err error, n int) error {
	if err == nil || len(err.Error()) <= n {
		return err
	}
	return &excerptErr{err: err, n: n}
}

type excerptErr struct {
	err error
	n   int
}

func (e *excerptErr) Error() string { return Excerpt(e.err.Error(), e.n) }
func (e *excerptErr) Unwrap() error { return e.err }
