package pgtext

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDecoders feeds one text to every value decoder (Date, Timestamp,
// TimestampTZ, Numeric, Float, Bytea, Time, TimeTZ, Bool). None may panic;
// every error is a *valueError; and a date or timestamp that decodes
// re-decodes to itself (the output is valid PostgreSQL input of the same
// type, naming the same value).
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{"2024-01-02", "0044-03-15 BC", "infinity", "-infinity", "2024-01-02 03:04:05.123456",
		"10000-01-01 04:30:00+05:30", "0001-12-31 20:29:08-03:30:52 BC", "1e308", "NaN", "-0.5", "\\x00ff", "a\\\\b\\001",
		"24:00:00", "12:00:00+05:30", "on", "9999-12-31 23:59:59.999999+00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, err error) {
			var ve *valueError
			if err != nil && !errors.As(err, &ve) {
				t.Fatalf("%s(%q): error %v is not a value error", name, s, err)
			}
		}
		for _, d := range []struct {
			name string
			f    func(string) (string, error)
		}{{"Date", Date}, {"Timestamp", Timestamp}, {"Numeric", Numeric}, {"Float", Float}, {"Time", Time}, {"TimeTZ", TimeTZ}} {
			out, err := d.f(s)
			check(d.name, err)
			if err == nil && (d.name == "Date" || d.name == "Timestamp") {
				again, err := d.f(out)
				if err != nil || again != out {
					t.Fatalf("%s(%q) = %q, which re-decodes to %q, %v", d.name, s, out, again, err)
				}
			}
		}
		out, err := TimestampTZ(s)
		check("TimestampTZ", err)
		if err == nil {
			// the UTC output, read as a timestamp with offset +00, is the same instant
			if again, err := TimestampTZ(out + "+00"); err != nil || again != out {
				t.Fatalf("TimestampTZ(%q) = %q, which re-decodes to %q, %v", s, out, again, err)
			}
			if strings.Contains(out, "+") {
				t.Fatalf("TimestampTZ(%q) = %q keeps an offset", s, out)
			}
		}
		_, err = Bytea(s)
		check("Bytea", err)
		_, err = Bool(s)
		check("Bool", err)
	})
}
