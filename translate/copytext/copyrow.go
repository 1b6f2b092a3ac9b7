package copytext

import "bytes"

// Field is one decoded field of a COPY text-format row.
//
// Null reports the SQL NULL marker (the raw field was exactly `\N`); Value is
// then nil. Otherwise Value holds the field's bytes after backslash escapes
// were decoded; it may be empty, and it may contain any byte (octal and hex
// escapes can produce arbitrary bytes, including invalid UTF-8 and NUL).
//
// Lifetime: Value aliases either the line given to [DecodeRow] (fields
// without escapes) or a buffer owned by this element of the dst slice
// (fields with escapes). It stays valid until the line's bytes are modified or
// the same dst is passed to DecodeRow again, whichever comes first. Copy it to
// keep it longer.
type Field struct {
	Null  bool
	Value []byte

	buf []byte // decode buffer for escaped values, reused across DecodeRow calls
}

// DecodeRow splits one COPY text-format data line into fields and decodes
// their backslash escapes, following the PostgreSQL manual, "COPY", section
// "File Formats" / "Text Format", with the default delimiter (TAB) and the
// default NULL marker (`\N`).
//
// In: line is one data line without its line terminator (no trailing LF or
// CR LF); the end-of-data marker line `\.` is the caller's business. dst is
// reused to avoid allocations (it may be nil); pass the previous result back
// in to keep DecodeRow allocation-free once the buffers are warm.
//
// Out: one Field per field, in order; a line always has at least one field
// (the empty line is one empty field) and a trailing TAB adds a last empty
// field. Decoding rules:
//   - a field whose raw text is exactly `\N` is NULL; `\N` inside a longer
//     field is an ordinary escape for "N" (so `a\N` is "aN" and `\\N` is `\N`);
//   - `\b` `\f` `\n` `\r` `\t` `\v` are BS, FF, LF, CR, TAB, VT; `\\` is a
//     backslash;
//   - `\` followed by 1 to 3 octal digits is the byte with that value (taken
//     modulo 256, as PostgreSQL does: `\777` is 0xFF);
//   - `\x` followed by 1 or 2 hex digits is the byte with that value; `\x`
//     not followed by a hex digit is "x";
//   - a backslash before any other byte means that byte, which includes a
//     literal TAB (it does not end the field) and `\.` inside a value (".").
//
// The result shares memory with line and with dst; see [Field] for how long
// Values stay valid. Bytes are returned exactly; UTF-8 is not validated.
//
// Errors: a line that ends in a lone backslash (an escape with no character
// after it). PostgreSQL would read the following line terminator as part of
// the value; pg_dump never writes that, it writes `\n` and `\r`. On error the
// returned slice is empty (its capacity is kept for reuse).
func DecodeRow(line []byte, dst []Field) ([]Field, error) {
	dst = dst[:0]
	nextBS := bytes.IndexByte(line, '\\')
	if nextBS < 0 {
		// Fast path: no escapes anywhere, split on TAB only.
		for {
			f := nextField(&dst)
			tab := bytes.IndexByte(line, '\t')
			if tab < 0 {
				f.Value = line[:len(line):len(line)]
				return dst, nil
			}
			f.Value = line[:tab:tab]
			line = line[tab+1:]
		}
	}
	i := 0
	for {
		f := nextField(&dst)
		end := len(line)
		if tab := bytes.IndexByte(line[i:], '\t'); tab >= 0 {
			end = i + tab
		}
		if nextBS >= end || nextBS < 0 {
			// No backslash in this field.
			f.Value = line[i:end:end]
		} else if nextBS == i && end == i+2 && line[i+1] == 'N' {
			f.Null = true
		} else {
			j, err := decodeEscaped(f, line, i, nextBS)
			if err != nil {
				return dst[:0], err
			}
			end = j
		}
		if end >= len(line) {
			return dst, nil
		}
		i = end + 1
		if nextBS >= 0 && nextBS < i {
			// The backslash was in this field; find the next one.
			nextBS = bytes.IndexByte(line[i:], '\\')
			if nextBS >= 0 {
				nextBS += i
			}
		}
	}
}

// nextField extends *dst by one element, reusing the element's decode buffer
// when the backing array already has room, and returns it reset to an empty
// non-NULL value.
func nextField(dst *[]Field) *Field {
	d := *dst
	if len(d) < cap(d) {
		d = d[:len(d)+1]
	} else {
		d = append(d, Field{})
	}
	*dst = d
	f := &d[len(d)-1]
	f.Null = false
	f.Value = nil
	return f
}

// decodeEscaped decodes the field that starts at line[start] and contains a
// backslash at line[bs] (bs >= start, before the field's first unescaped
// TAB) into f.buf, sets f.Value, and returns the index of the TAB that ends
// the field, or len(line).
func decodeEscaped(f *Field, line []byte, start, bs int) (int, error) {
	buf := append(f.buf[:0], line[start:bs]...)
	j := bs
	for j < len(line) {
		c := line[j]
		if c == '\t' {
			break
		}
		j++
		if c != '\\' {
			buf = append(buf, c)
			continue
		}
		if j == len(line) {
			f.buf = buf
			return 0, malformed("copy field", string(line[start:]),
				`expected a character after the final backslash (a lone "\" cannot end a COPY line)`)
		}
		c = line[j]
		j++
		switch c {
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'v':
			c = '\v'
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := c - '0'
			for n := 0; n < 2 && j < len(line) && line[j] >= '0' && line[j] <= '7'; n++ {
				v = v<<3 | (line[j] - '0') // uint8 arithmetic: modulo 256
				j++
			}
			c = v
		case 'x':
			if j < len(line) {
				if h, ok := hexVal(line[j]); ok {
					j++
					if j < len(line) {
						if l, ok := hexVal(line[j]); ok {
							h = h<<4 | l
							j++
						}
					}
					c = h
				}
			}
		}
		buf = append(buf, c)
	}
	f.buf = buf
	f.Value = buf[:len(buf):len(buf)]
	return j, nil
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
