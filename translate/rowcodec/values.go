package rowcodec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// moneyToDecimal reads a money value as PostgreSQL prints it under
// lc_monetary (PostgreSQL manual §8.2, "Monetary Types"): a currency symbol
// or code anywhere, digit grouping, and a negative sign either as "-" or as
// parentheses: "$1,234.56", "-$1.00", "($1.00)", "1.234,56 €", "EUR 5",
// "12.5". The decimal separator is the last "." or "," followed by one or
// two digits (money has two decimals in every locale pgcopy knows); other
// separators are grouping. The result is a plain decimal such as
// "-1234.56".
func moneyToDecimal(v []byte) (string, error) {
	s := strings.TrimSpace(string(v))
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = s[1 : len(s)-1]
	}
	var digits []byte
	lastSep, sepDigits := -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
			if lastSep >= 0 {
				sepDigits++
			}
		case c == '.' || c == ',':
			if len(digits) == 0 {
				continue // a currency abbreviation ending in "." such as "kr."
			}
			lastSep, sepDigits = len(digits), 0
		case c == '-':
			neg = true
		case c == ' ' || c == '\'' || c == '+' || c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$':
			// symbols, codes, spaces and grouping marks such as 1'234
		default:
			return "", fmt.Errorf("invalid money value %q", clip(v))
		}
	}
	if len(digits) == 0 {
		return "", fmt.Errorf("invalid money value %q: no digits", clip(v))
	}
	intPart, frac := digits, []byte(nil)
	if lastSep >= 0 && sepDigits >= 1 && sepDigits <= 2 && lastSep == len(digits)-sepDigits {
		intPart, frac = digits[:lastSep], digits[lastSep:]
	}
	intPart = bytes.TrimLeft(intPart, "0")
	if len(intPart) == 0 {
		intPart = []byte("0")
	}
	if len(intPart) > 17 {
		return "", fmt.Errorf("money value %q does not fit decimal(19,2)", clip(v))
	}
	out := string(intPart)
	if len(frac) > 0 {
		out += "." + string(frac)
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out, nil
}

// hstoreToJSON converts hstore text output ("a"=>"1", "b"=>NULL; the
// hstore module's documentation, F.18.1 "hstore External
// Representation") to a JSON object of strings, with null for NULL values.
// Keys and values may be double-quoted (with backslash escapes) or bare.
func hstoreToJSON(v []byte) (string, error) {
	p := hsParser{s: v}
	obj := []string{}
	seen := map[string]int{}
	for {
		p.space()
		if p.i >= len(p.s) {
			break
		}
		k, _, err := p.token()
		if err != nil {
			return "", err
		}
		p.space()
		if !bytes.HasPrefix(p.s[p.i:], []byte("=>")) {
			return "", fmt.Errorf("invalid hstore value %q: expected => after key", clip(v))
		}
		p.i += 2
		p.space()
		val, quoted, err := p.token()
		if err != nil {
			return "", err
		}
		kj, _ := json.Marshal(k)
		vj := []byte("null")
		if quoted || !strings.EqualFold(val, "NULL") {
			vj, _ = json.Marshal(val)
		}
		entry := string(kj) + ":" + string(vj)
		if i, ok := seen[k]; ok {
			obj[i] = entry // hstore keeps one value per key
		} else {
			seen[k] = len(obj)
			obj = append(obj, entry)
		}
		p.space()
		if p.i < len(p.s) {
			if p.s[p.i] != ',' {
				return "", fmt.Errorf("invalid hstore value %q: expected , between pairs", clip(v))
			}
			p.i++
		}
	}
	return "{" + strings.Join(obj, ",") + "}", nil
}

type hsParser struct {
	s []byte
	i int
}

func (p *hsParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// token reads a double-quoted or bare hstore string.
func (p *hsParser) token() (string, bool, error) {
	var b []byte
	if p.i < len(p.s) && p.s[p.i] == '"' {
		p.i++
		for p.i < len(p.s) {
			c := p.s[p.i]
			switch c {
			case '\\':
				if p.i+1 < len(p.s) {
					b = append(b, p.s[p.i+1])
					p.i += 2
					continue
				}
			case '"':
				p.i++
				return string(b), true, nil
			}
			b = append(b, c)
			p.i++
		}
		return "", false, fmt.Errorf("invalid hstore value %q: unterminated quoted string", clip(p.s))
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == ',' || c == ' ' || c == '=' && p.i+1 < len(p.s) && p.s[p.i+1] == '>' {
			break
		}
		if c == '\\' && p.i+1 < len(p.s) {
			p.i++
			c = p.s[p.i]
		}
		b = append(b, c)
		p.i++
	}
	if len(b) == 0 {
		return "", false, fmt.Errorf("invalid hstore value %q: empty key or value", clip(p.s))
	}
	return string(b), false, nil
}
