package pipeline

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pgcopy/pgcopy/internal/pgtext"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// UnrepPolicy says what happens to values PostgreSQL accepts but Dolt
// cannot store (--on-unrepresentable): NaN, ±Infinity, BC dates, years
// after 9999. Its values are the words of the flag.
type UnrepPolicy string

// The values of [UnrepPolicy].
const (
	// UnrepClampInfinity, the default, clamps ±infinity in date, timestamp
	// and timestamptz columns to 9999-12-31 23:59:59.999999 and
	// 0001-01-01 00:00:00 (dates: 9999-12-31, 0001-01-01), which keeps
	// the order applications rely on (expiry > now()), and fails the row
	// for every other unrepresentable value, as UnrepError does.
	UnrepClampInfinity UnrepPolicy = "clamp-infinity"
	UnrepError         UnrepPolicy = "error" // fail the row (and the run, unless --max-errors allows it)
	UnrepNull          UnrepPolicy = "null"  // store NULL
	UnrepClamp         UnrepPolicy = "clamp" // store the nearest representable value; NaN becomes NULL
)

// ParseUnrepPolicy reads the word of --on-unrepresentable:
// "clamp-infinity" (also ""), "error", "null" or "clamp". Any other word
// is an error listing the accepted ones (the CLI exits 2 with it).
func ParseUnrepPolicy(s string) (UnrepPolicy, error) {
	switch p := UnrepPolicy(s); p {
	case "":
		return UnrepClampInfinity, nil
	case UnrepClampInfinity, UnrepError, UnrepNull, UnrepClamp:
		return p, nil
	}
	return "", fmt.Errorf("--on-unrepresentable must be clamp-infinity (the default), error, null or clamp, not %q", s)
}

// orDefault is p, or UnrepClampInfinity for "".
func (p UnrepPolicy) orDefault() UnrepPolicy {
	if p == "" {
		return UnrepClampInfinity
	}
	return p
}

// unrep applies the --on-unrepresentable policy and counts every
// occurrence per table, column and policy for the report.
type unrep struct {
	mu     sync.Mutex
	policy UnrepPolicy
	counts map[string]int
}

// fix rewrites the field that err names and reports whether the row
// should be encoded again. fields are the row's COPY fields, in the order
// of rows.Columns.
func (u *unrep) fix(rows *translate.Rows, fields []pgtext.Field, err error) bool {
	var ve *translate.ValueError
	if u.policy == UnrepError || u.policy == "" || !errors.Is(err, pgtext.ErrUnrepresentable) || !errors.As(err, &ve) {
		return false
	}
	col := rows.Table.ColumnByPG(ve.Column)
	if col == nil {
		return false
	}
	i := -1
	for k, n := range rows.Columns {
		if n == col.Name {
			i = k
		}
	}
	if i < 0 {
		return false
	}
	what := "NULL"
	if u.policy == UnrepClampInfinity {
		v := strings.ToLower(strings.TrimSpace(string(fields[i].Value)))
		if (v != "infinity" && v != "-infinity" && v != "+infinity") || !isDateTime(col.Type.Type) {
			return false
		}
	}
	if u.policy == UnrepClamp || u.policy == UnrepClampInfinity {
		if v, ok := clampValue(col, string(fields[i].Value)); ok {
			fields[i] = pgtext.Field{Value: []byte(v)}
			what = v
		} else {
			fields[i] = pgtext.Field{Null: true}
		}
	} else {
		fields[i] = pgtext.Field{Null: true}
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.counts == nil {
		u.counts = map[string]int{}
	}
	u.counts[fmt.Sprintf("%s.%s: %s", rows.Source, ve.Column, policyWord(u.policy, what))]++
	return true
}

func policyWord(policy UnrepPolicy, what string) string {
	if (policy == UnrepClamp || policy == UnrepClampInfinity) && what != "NULL" {
		return "clamped to " + what
	}
	return "stored as NULL"
}

// clampValue returns the nearest value Dolt can store for an
// unrepresentable PostgreSQL value v of column col, in PostgreSQL text
// form (a timestamptz value with its "+00" offset, a timestamp value
// without one); ok is false when there is none (NaN).
func clampValue(col *schema.Column, v string) (string, bool) {
	tt, _ := col.Type.Type.(*schema.TimeType)
	var ft schema.FloatType
	if f, ok := col.Type.Type.(*schema.FloatType); ok {
		ft = *f
	}
	low := strings.HasPrefix(v, "-") || strings.HasSuffix(v, " BC")
	zone := ""
	if raw := col.Type.Raw; strings.Contains(raw, "with time zone") || strings.HasPrefix(raw, "timestamptz") {
		zone = "+00"
	}
	switch {
	case tt != nil && tt.T == "date":
		if low {
			return "0001-01-01", true
		}
		return "9999-12-31", true
	case tt != nil && tt.T == "datetime":
		if low {
			return "0001-01-01 00:00:00" + zone, true
		}
		return "9999-12-31 23:59:59.999999" + zone, true
	case ft == schema.FloatType{T: "double"} && !strings.EqualFold(v, "NaN"):
		if low {
			return "-1.7976931348623157e308", true
		}
		return "1.7976931348623157e308", true
	case ft == schema.FloatType{T: "float"} && !strings.EqualFold(v, "NaN"):
		if low {
			return "-3.4028234663852886e38", true
		}
		return "3.4028234663852886e38", true
	}
	return "", false
}

// isDateTime reports whether t is a Dolt date or datetime type.
func isDateTime(t schema.Type) bool {
	tt, ok := t.(*schema.TimeType)
	return ok && (tt.T == "date" || tt.T == "datetime")
}

// notes returns one report line per table, column and outcome.
func (u *unrep) notes() []string {
	var out []string
	for k, n := range u.counts {
		out = append(out, fmt.Sprintf("%d unrepresentable values of %s (--on-unrepresentable=%s)", n, k, u.policy))
	}
	sort.Strings(out)
	return out
}
