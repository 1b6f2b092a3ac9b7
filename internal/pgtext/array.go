package pgtext

import (
	"bytes"
	"encoding/json"
	"github.com/pgcopy/pgcopy/translate/schema"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ElemKind says how [ArrayToJSON] turns the elements of an array into JSON
// values; see [schema.ElemKind]. It is an alias so that the public
// schema.Codec holds a type callers outside the module can build (issue 13).
type ElemKind = schema.ElemKind

// The element kinds; see [schema.ElemString] and the others.
const (
	ElemString = schema.ElemString
	ElemNumber = schema.ElemNumber
	ElemBool   = schema.ElemBool
	ElemJSON   = schema.ElemJSON
)

// maxArrayDims is PostgreSQL's limit on array dimensions (MAXDIM).
const maxArrayDims = 6

const expectArray = "expected an array literal such as {a,b} or {{1,2},{3,4}}"

// ArrayToJSON converts the text of a PostgreSQL array to JSON array text,
// following the manual, "Arrays" (section 8.15.6, "Array Input and Output
// Syntax").
//
// In: the field text of an array value with delimiter "," (every built-in
// type except box): "{}" or "{e1,e2,...}", where each element is either a
// nested "{...}" (multi-dimensional arrays) or a scalar. A scalar is either
// double-quoted, with a backslash escaping any character ("c\"d", "e\\f"),
// or unquoted, with whitespace around it trimmed and a backslash escaping
// any character (an escaped space is kept). An unquoted, unescaped NULL (any
// case) is SQL NULL; a quoted "NULL" is the string NULL. The value may start
// with a dimension decoration such as "[0:1]=" or "[1:2][1:3]=", which
// PostgreSQL prints when a lower bound is not 1; the bounds are checked
// against the contents and then dropped, so the lower bound is lost and the
// JSON array is indexed from 0 as usual. Sub-arrays must have matching
// dimensions (PostgreSQL arrays are rectangular), at most 6 levels deep.
//
// Out: compact JSON text with no insignificant whitespace: "{}" becomes "[]",
// nested arrays become nested JSON arrays, SQL NULL becomes null, and
// scalars are converted by elem (see [ElemKind]): strings are encoded with
// encoding/json with HTML escaping off (so <, > and & stay literal; control
// characters, quotes, backslashes, U+2028 and U+2029 are escaped); numbers
// are emitted as JSON numbers with the digits as given, normalised only as
// far as JSON requires (no leading "+", no leading zeros, "0.5" for ".5",
// "5" for "5."), so "1.50" stays 1.50; booleans are true/false; JSON elements
// are embedded verbatim. The result is deterministic.
//
// Errors: elements that are valid PostgreSQL but cannot be stored in a Dolt
// JSON document wrap [ErrUnrepresentable]: NaN and ±Infinity numbers, and
// string or JSON elements that are not valid UTF-8 (possible in a
// SQL_ASCII database). A malformed array literal, a dimension decoration that
// does not match the contents, a non-numeric ElemNumber element, a
// non-boolean ElemBool element, invalid JSON in an ElemJSON element and an
// unknown elem are malformed-input errors.
func ArrayToJSON(s string, elem ElemKind) (string, error) {
	if elem < ElemString || elem > ElemJSON {
		return "", malformed("array", s, "expected element kind ElemString, ElemNumber, ElemBool or ElemJSON, got "+strconv.Itoa(int(elem)))
	}
	p := arrayParser{src: s, kind: elem, out: make([]byte, 0, len(s)+2)}
	if err := p.parse(); err != nil {
		return "", err
	}
	return string(p.out), nil
}

// arrayParser holds the state of one ArrayToJSON call.
type arrayParser struct {
	src  string
	i    int
	kind ElemKind
	out  []byte

	elem    []byte // buffer for unescaping scalar elements
	ndim    int    // number of dimensions, known once the first scalar is read; 0 before
	dims    [maxArrayDims]int
	encBuf  *bytes.Buffer // JSON string encoding, created on first use
	encoder *json.Encoder
}

func (p *arrayParser) skipSpace() {
	for p.i < len(p.src) && isSpace(p.src[p.i]) {
		p.i++
	}
}

// syntaxError describes the byte at the current position (or the end of the
// text) and what was expected there.
func (p *arrayParser) syntaxError(expected string) error {
	found := "end of text"
	if p.i < len(p.src) {
		found = strconv.QuoteRuneToASCII(rune(p.src[p.i])) + " at byte " + strconv.Itoa(p.i)
		if p.src[p.i] >= utf8.RuneSelf {
			found = "byte " + strconv.Quote(p.src[p.i:p.i+1]) + " at byte " + strconv.Itoa(p.i)
		}
	}
	return malformed("array", p.src, "unexpected "+found+", "+expected)
}

func (p *arrayParser) parse() error {
	p.skipSpace()
	var decl []int
	if p.i < len(p.src) && p.src[p.i] == '[' {
		var err error
		if decl, err = p.decoration(); err != nil {
			return err
		}
	}
	if p.i >= len(p.src) || p.src[p.i] != '{' {
		return p.syntaxError(expectArray)
	}
	p.i++
	if err := p.array(0); err != nil {
		return err
	}
	p.skipSpace()
	if p.i != len(p.src) {
		return p.syntaxError("expected nothing after the closing }")
	}
	if decl != nil {
		ok := len(decl) == p.ndim
		for k := 0; ok && k < len(decl); k++ {
			ok = decl[k] == p.dims[k]
		}
		if !ok {
			return malformed("array", p.src, "expected the dimension decoration [lower:upper]... to match the number of elements")
		}
	}
	return nil
}

// decoration reads "[lb:ub]" or "[ub]" groups followed by "=" and returns
// the length of each dimension.
func (p *arrayParser) decoration() ([]int, error) {
	var decl []int
	for p.i < len(p.src) && p.src[p.i] == '[' {
		p.i++
		if len(decl) == maxArrayDims {
			return nil, malformed("array", p.src, "expected at most 6 dimensions")
		}
		lb, ok := p.bound()
		if !ok {
			return nil, p.syntaxError("expected an integer bound in the dimension decoration")
		}
		ub := lb
		if p.i < len(p.src) && p.src[p.i] == ':' {
			p.i++
			if ub, ok = p.bound(); !ok {
				return nil, p.syntaxError("expected an integer upper bound in the dimension decoration")
			}
		} else {
			lb = 1
		}
		if p.i >= len(p.src) || p.src[p.i] != ']' {
			return nil, p.syntaxError("expected ] in the dimension decoration")
		}
		p.i++
		if ub < lb {
			return nil, malformed("array", p.src, "expected an upper bound not less than the lower bound in the dimension decoration")
		}
		decl = append(decl, int(ub-lb+1))
		p.skipSpace()
	}
	if p.i >= len(p.src) || p.src[p.i] != '=' {
		return nil, p.syntaxError("expected = after the dimension decoration")
	}
	p.i++
	p.skipSpace()
	return decl, nil
}

// bound reads an optionally signed integer within PostgreSQL's int32 range,
// with optional surrounding whitespace.
func (p *arrayParser) bound() (int64, bool) {
	p.skipSpace()
	start := p.i
	if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
		p.i++
	}
	for p.i < len(p.src) && isDigit(p.src[p.i]) {
		p.i++
	}
	v, err := strconv.ParseInt(p.src[start:p.i], 10, 32)
	p.skipSpace()
	return v, err == nil
}

// array reads the elements of one {...} level after its "{" through its "}",
// appending a JSON array to p.out. depth is 0 for the outermost level.
func (p *arrayParser) array(depth int) error {
	p.out = append(p.out, '[')
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		if depth > 0 {
			return p.syntaxError("expected an element (only the whole array may be empty)")
		}
		p.i++
		p.out = append(p.out, ']')
		return nil
	}
	count := 0
	for {
		p.skipSpace()
		if count > 0 {
			p.out = append(p.out, ',')
		}
		if p.i >= len(p.src) {
			return p.syntaxError("expected an element")
		}
		switch p.src[p.i] {
		case '{':
			if depth+1 >= maxArrayDims {
				return malformed("array", p.src, "expected at most 6 dimensions")
			}
			if p.ndim != 0 && depth+1 >= p.ndim {
				return p.syntaxError("expected a scalar element: sub-arrays must all have the same depth")
			}
			p.i++
			if err := p.array(depth + 1); err != nil {
				return err
			}
		case ',', '}':
			return p.syntaxError("expected an element")
		default:
			if p.ndim == 0 {
				p.ndim = depth + 1
			} else if p.ndim != depth+1 {
				return p.syntaxError("expected a sub-array: sub-arrays must all have the same depth")
			}
			if err := p.scalar(); err != nil {
				return err
			}
		}
		count++
		p.skipSpace()
		if p.i >= len(p.src) {
			return p.syntaxError(`expected "," or "}"`)
		}
		if p.src[p.i] == ',' {
			p.i++
			continue
		}
		if p.src[p.i] != '}' {
			return p.syntaxError(`expected "," or "}"`)
		}
		p.i++
		break
	}
	if p.dims[depth] == 0 {
		p.dims[depth] = count
	} else if p.dims[depth] != count {
		return malformed("array", p.src, "expected sub-arrays with matching dimensions")
	}
	p.out = append(p.out, ']')
	return nil
}

// scalar reads one quoted or unquoted element and appends its JSON value.
// Elements without backslashes are used in place; others are unescaped into
// p.elem.
func (p *arrayParser) scalar() error {
	var elem string
	escaped := false
	quoted := p.src[p.i] == '"'
	if quoted {
		p.i++
		start := p.i
		for {
			if p.i >= len(p.src) {
				return p.syntaxError(`expected a closing " for the quoted element`)
			}
			c := p.src[p.i]
			if c == '"' {
				break
			}
			if c == '\\' {
				escaped = true
				p.i++
				if p.i >= len(p.src) {
					return p.syntaxError("expected a character after the backslash")
				}
			}
			p.i++
		}
		elem = p.src[start:p.i]
		p.i++ // closing quote
	} else {
		start, end := p.i, p.i // end: after the last non-space or escaped byte
		for p.i < len(p.src) {
			c := p.src[p.i]
			if c == ',' || c == '}' {
				break
			}
			if c == '"' || c == '{' {
				return p.syntaxError(`expected "," or "}" (quote elements that contain " or {)`)
			}
			p.i++
			if c == '\\' {
				escaped = true
				if p.i >= len(p.src) {
					return p.syntaxError("expected a character after the backslash")
				}
				p.i++
				end = p.i
				continue
			}
			if !isSpace(c) {
				end = p.i
			}
		}
		elem = p.src[start:end]
		if !escaped && strings.EqualFold(elem, "NULL") {
			p.out = append(p.out, "null"...)
			return nil
		}
	}
	if escaped {
		elem = p.unescape(elem)
	}
	return p.emit(elem)
}

// unescape removes the backslashes from raw, each of which escapes the byte
// after it (raw never ends in a lone backslash).
func (p *arrayParser) unescape(raw string) string {
	b := p.elem[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\\' {
			i++
			c = raw[i]
		}
		b = append(b, c)
	}
	p.elem = b
	return string(b)
}

// emit appends the JSON value of the scalar element elem (already
// unescaped).
func (p *arrayParser) emit(elem string) error {
	switch p.kind {
	case ElemNumber:
		t := trimSpace(elem)
		if isNaNOrInf(t) {
			return unrepresentable("array", p.src, "element "+quote(t)+" is not a finite number; JSON numbers are finite")
		}
		if !isDecimal(t) {
			return malformed("array", p.src, "element "+quote(t)+" is not a number; expected decimal numbers such as -1, 2.50 or 1e+20")
		}
		p.out = appendJSONNumber(p.out, t)
	case ElemBool:
		b, err := Bool(elem)
		if err != nil {
			return malformed("array", p.src, "element "+quote(elem)+" is not a boolean; expected t or f")
		}
		p.out = strconv.AppendBool(p.out, b)
	case ElemJSON:
		if !utf8.ValidString(elem) {
			return unrepresentable("array", p.src, "element "+quote(elem)+" is not valid UTF-8; JSON text must be UTF-8")
		}
		if !json.Valid([]byte(elem)) {
			return malformed("array", p.src, "element "+quote(elem)+" is not valid JSON")
		}
		p.out = append(p.out, elem...)
	default: // ElemString
		if plainJSONString(elem) {
			// Same bytes encoding/json would write, without the detour.
			p.out = append(p.out, '"')
			p.out = append(p.out, elem...)
			p.out = append(p.out, '"')
			return nil
		}
		if !utf8.ValidString(elem) {
			return unrepresentable("array", p.src, "element "+quote(elem)+" is not valid UTF-8; JSON strings must be UTF-8")
		}
		if p.encoder == nil {
			p.encBuf = new(bytes.Buffer)
			p.encoder = json.NewEncoder(p.encBuf)
			p.encoder.SetEscapeHTML(false)
		}
		p.encBuf.Reset()
		if err := p.encoder.Encode(elem); err != nil {
			return malformed("array", p.src, "element "+quote(elem)+" cannot be encoded as a JSON string: "+err.Error())
		}
		p.out = append(p.out, bytes.TrimSuffix(p.encBuf.Bytes(), []byte{'\n'})...)
	}
	return nil
}

// plainJSONString reports whether b holds only printable ASCII other than
// '"' and '\\', which encoding/json writes between quotes unchanged.
func plainJSONString(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// appendJSONNumber appends the decimal t (which satisfies isDecimal) in JSON
// number syntax: the sign "+" is dropped, leading zeros of the integer part
// are dropped (one zero is kept or added, so ".5" is 0.5), a decimal point
// with no digits after it is dropped, and the fraction and exponent digits
// are kept as given.
func appendJSONNumber(b []byte, t string) []byte {
	if t[0] == '-' {
		b = append(b, '-')
		t = t[1:]
	} else if t[0] == '+' {
		t = t[1:]
	}
	n := 0
	for n < len(t) && isDigit(t[n]) {
		n++
	}
	intPart := strings.TrimLeft(t[:n], "0")
	if intPart == "" {
		intPart = "0"
	}
	b = append(b, intPart...)
	t = t[n:]
	if t != "" && t[0] == '.' {
		n = 1
		for n < len(t) && isDigit(t[n]) {
			n++
		}
		if n > 1 {
			b = append(b, t[:n]...)
		}
		t = t[n:]
	}
	return append(b, t...) // exponent: [eE][+-]?digits, valid JSON as is
}
