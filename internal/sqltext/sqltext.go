package sqltext

import (
	"hash/fnv"
	"strings"
	"unicode/utf8"
)

// MaxIdent is the longest identifier Dolt accepts, in characters
// (MySQL manual §11.2.1; Dolt rejects 65 with "invalid identifier").
const MaxIdent = 64

// Ident quotes name as a MySQL identifier: `name`, with every backtick
// doubled. Any name, including reserved words and names holding quotes,
// semicolons or non-ASCII characters, comes out as one identifier.
func Ident(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// AppendIdent appends Ident(name) to b.
func AppendIdent(b []byte, name string) []byte {
	b = append(b, '`')
	for i := 0; i < len(name); i++ {
		if name[i] == '`' {
			b = append(b, '`')
		}
		b = append(b, name[i])
	}
	return append(b, '`')
}

// String returns s as a single-quoted MySQL string literal.
func String(s string) string { return string(AppendString(nil, s)) }

// AppendString appends s as a single-quoted string literal. Backslash,
// quote, NUL, CR, LF and Ctrl-Z are written as backslash escapes, so the
// literal is exact under Dolt's default sql_mode (no NO_BACKSLASH_ESCAPES).
// The bytes of s are written unchanged otherwise; s should be valid UTF-8
// for a utf8mb4 column.
func AppendString(b []byte, s string) []byte { return appendQuoted(b, s) }

// AppendStringBytes is AppendString for a byte slice.
func AppendStringBytes(b []byte, s []byte) []byte { return appendQuoted(b, s) }

func appendQuoted[T string | []byte](b []byte, s T) []byte {
	b = append(b, '\'')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc byte
		switch s[i] {
		case '\\':
			esc = '\\'
		case '\'':
			esc = '\''
		case 0:
			esc = '0'
		case '\n':
			esc = 'n'
		case '\r':
			esc = 'r'
		case 0x1a:
			esc = 'Z'
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, '\\', esc)
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '\'')
}

const hexDigits = "0123456789ABCDEF"

// AppendHex appends p as a hexadecimal literal X'...' (MySQL manual
// §11.1.4), the exact form for binary values. An empty p gives X”.
func AppendHex(b []byte, p []byte) []byte {
	b = append(b, 'X', '\'')
	for _, c := range p {
		b = append(b, hexDigits[c>>4], hexDigits[c&15])
	}
	return append(b, '\'')
}

// Truncate shortens name to at most MaxIdent characters. A name that is cut
// gets an 8-hex-digit suffix from hash so that two long names sharing a
// prefix stay distinct; hash is supplied by the caller (for example an
// FNV-32 of the full name).
func Truncate(name string, hash uint32) string {
	if utf8.RuneCountInString(name) <= MaxIdent {
		return name
	}
	suffix := "_" + string([]byte{
		hexDigits[hash>>28&15], hexDigits[hash>>24&15], hexDigits[hash>>20&15], hexDigits[hash>>16&15],
		hexDigits[hash>>12&15], hexDigits[hash>>8&15], hexDigits[hash>>4&15], hexDigits[hash&15],
	})
	keep := MaxIdent - len(suffix)
	n := 0
	for i := range name {
		if n == keep {
			return name[:i] + strings.ToLower(suffix)
		}
		n++
	}
	return name
}

// Cut is [Truncate] with the FNV-32a hash of name: the Dolt name of a
// PostgreSQL identifier longer than MaxIdent characters.
func Cut(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return Truncate(name, h.Sum32())
}
