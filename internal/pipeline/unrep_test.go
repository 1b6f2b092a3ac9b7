package pipeline

import "testing"

func TestParseUnrepPolicy(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want UnrepPolicy
		err  string
	}{
		{"", UnrepClampInfinity, ""},
		{"clamp-infinity", UnrepClampInfinity, ""},
		{"error", UnrepError, ""},
		{"null", UnrepNull, ""},
		{"clamp", UnrepClamp, ""},
		{"NULL", "", `--on-unrepresentable must be clamp-infinity (the default), error, null or clamp, not "NULL"`},
		{"skip", "", `--on-unrepresentable must be clamp-infinity (the default), error, null or clamp, not "skip"`},
	} {
		got, err := ParseUnrepPolicy(tc.in)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("ParseUnrepPolicy(%q) = %q, %v; want %q, %q", tc.in, got, err, tc.want, tc.err)
		}
	}
	if got := UnrepPolicy("").orDefault(); got != UnrepClampInfinity {
		t.Errorf(`UnrepPolicy("").orDefault() = %q`, got)
	}
}
