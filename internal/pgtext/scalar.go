package pgtext

import (
	"errors"
	"strconv"
	"strings"
)

// isSpace reports the bytes PostgreSQL's input functions skip around a value
// (C isspace in the "C" locale): space, TAB, LF, VT, FF, CR.
func isSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// trimSpace removes isSpace bytes from both ends of s.
func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// Bool parses the text of a PostgreSQL boolean, following the manual,
// "Boolean Type" (section 8.6), and the rules of the boolean input function.
//
// In: the field text. PostgreSQL prints "t" and "f"; INSERT-style dumps and
// hand-written data may use any accepted input spelling, so Bool also accepts
// true/false, yes/no, on/off, 1/0 and their unique prefixes (t, tr, tru, y,
// ye, of, n, ...), case-insensitively, with surrounding whitespace.
//
// Out: the value. Errors: anything else (including "" and "o", which is
// ambiguous between on and off) is malformed; no boolean is unrepresentable.
func Bool(s string) (bool, error) {
	t := strings.ToLower(trimSpace(s))
	if t != "" {
		switch t[0] {
		case 't':
			if strings.HasPrefix("true", t) {
				return true, nil
			}
		case 'f':
			if strings.HasPrefix("false", t) {
				return false, nil
			}
		case 'y':
			if strings.HasPrefix("yes", t) {
				return true, nil
			}
		case 'n':
			if strings.HasPrefix("no", t) {
				return false, nil
			}
		case 'o':
			if len(t) >= 2 {
				if strings.HasPrefix("on", t) {
					return true, nil
				}
				if strings.HasPrefix("off", t) {
					return false, nil
				}
			}
		case '1':
			if t == "1" {
				return true, nil
			}
		case '0':
			if t == "0" {
				return false, nil
			}
		}
	}
	return false, malformed("boolean", s, "expected t/f, true/false, yes/no, on/off or 1/0")
}

// Bytea decodes the text of a PostgreSQL bytea value, following the manual,
// "Binary Data Types" (section 8.4), in either output format:
//
//   - hex (bytea_output = hex, the default): `\x` (lower-case x, as
//     PostgreSQL requires) followed by pairs of hex digits in either case;
//     whitespace (space, TAB, LF, CR) is allowed between pairs, as
//     PostgreSQL allows;
//   - escape (bytea_output = escape, and the legacy format): `\\` is one
//     backslash, `\ooo` (exactly three octal digits, first digit 0-3) is one
//     byte, every other byte stands for itself.
//
// In: the field text after COPY decoding (so a COPY line's `\\x00ff` arrives
// here as `\x00ff`). Out: the bytes, in a newly allocated non-nil slice.
// Errors: an odd number of hex digits, a non-hex character in the hex format,
// or a backslash not followed by a backslash or three octal digits in the
// escape format. No bytea is unrepresentable.
func Bytea(s string) ([]byte, error) {
	if len(s) >= 2 && s[0] == '\\' && s[1] == 'x' {
		out := make([]byte, 0, (len(s)-2)/2)
		for i := 2; i < len(s); {
			c := s[i]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			hi, ok := hexVal(c)
			if !ok {
				return nil, malformed("bytea", s, "expected hex digit pairs after \\x, found "+strconv.QuoteRuneToASCII(rune(c)))
			}
			if i+1 >= len(s) {
				return nil, malformed("bytea", s, "expected an even number of hex digits after \\x")
			}
			lo, ok := hexVal(s[i+1])
			if !ok {
				return nil, malformed("bytea", s, "expected hex digit pairs after \\x, found "+strconv.QuoteRuneToASCII(rune(s[i+1])))
			}
			out = append(out, hi<<4|lo)
			i += 2
		}
		return out, nil
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '\\':
			out = append(out, '\\')
			i += 2
		case i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3' &&
			s[i+2] >= '0' && s[i+2] <= '7' && s[i+3] >= '0' && s[i+3] <= '7':
			out = append(out, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 4
		default:
			return nil, malformed("bytea", s, `expected \\ or \ooo (three octal digits, 000-377) after a backslash, or \x followed by hex digits`)
		}
	}
	return out, nil
}

// Numeric validates the text of a PostgreSQL numeric (decimal) value,
// following the manual, "Numeric Types" / "Arbitrary Precision Numbers"
// (section 8.1.2).
//
// In: the field text: optional sign, digits with an optional decimal point
// (at least one digit on either side), optional exponent (e or E, optional
// sign, digits), optional surrounding whitespace. PostgreSQL prints plain
// decimals such as "-12.50".
//
// Out: s with surrounding whitespace removed and otherwise unchanged (the
// digits are not rescaled or rounded; Dolt parses the text).
//
// Errors: "NaN", "Infinity", "-Infinity" (and the other spellings PostgreSQL
// accepts: any case, "inf", leading "+") wrap [ErrUnrepresentable]; any other
// text that does not match the grammar above is malformed.
func Numeric(s string) (string, error) {
	t := trimSpace(s)
	if isNaNOrInf(t) {
		return "", unrepresentable("numeric", s, "Dolt DECIMAL holds finite numbers only (no NaN or Infinity)")
	}
	if !isDecimal(t) {
		return "", malformed("numeric", s, "expected a decimal number such as -12.50 or 1.5e3")
	}
	return t, nil
}

// Float validates the text of a PostgreSQL real or double precision value,
// following the manual, "Numeric Types" / "Floating-Point Types" (section
// 8.1.3).
//
// In: the field text as PostgreSQL prints it (shortest exact form, such as
// "0.1", "1e+20", "1.5e-07", "-0"), or any decimal with an optional exponent
// and surrounding whitespace.
//
// Out: s with surrounding whitespace removed and otherwise unchanged.
//
// Errors: NaN, Infinity and -Infinity (any case, "inf", optional sign) wrap
// [ErrUnrepresentable]; text that is not a decimal number, or whose magnitude
// exceeds the double precision range, is malformed.
func Float(s string) (string, error) {
	t := trimSpace(s)
	if isNaNOrInf(t) {
		return "", unrepresentable("floating-point number", s, "Dolt FLOAT and DOUBLE hold finite numbers only (no NaN or Infinity)")
	}
	if !isDecimal(t) {
		return "", malformed("floating-point number", s, "expected a decimal number such as -1.5, 0.1 or 1e+20")
	}
	if _, err := strconv.ParseFloat(t, 64); err != nil && errors.Is(err, strconv.ErrRange) {
		return "", malformed("floating-point number", s, "expected a magnitude within the double precision range (about 1.8e308)")
	}
	return t, nil
}

// isNaNOrInf reports whether t (already trimmed) is one of the non-finite
// spellings PostgreSQL accepts for numeric and float: NaN, Infinity, inf,
// case-insensitive, with an optional sign.
func isNaNOrInf(t string) bool {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	return strings.EqualFold(t, "nan") || strings.EqualFold(t, "infinity") || strings.EqualFold(t, "inf")
}

// isDecimal reports whether t matches
// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?.
func isDecimal(t string) bool {
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	intDigits := 0
	for i < len(t) && isDigit(t[i]) {
		i++
		intDigits++
	}
	fracDigits := 0
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && isDigit(t[i]) {
			i++
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		expDigits := 0
		for i < len(t) && isDigit(t[i]) {
			i++
			expDigits++
		}
		if expDigits == 0 {
			return false
		}
	}
	return i == len(t)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
