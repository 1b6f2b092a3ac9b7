package sqltext

import "testing"

func TestQuoting(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "''"},
		{"it's", `'it\'s'`},
		{`a\b`, `'a\\b'`},
		{"nul\x00 cr\r lf\n z\x1a", `'nul\0 cr\r lf\n z\Z'`},
		{"émoji 🐘 \t tab", "'émoji 🐘 \t tab'"},
	} {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %s, want %s", tc.in, got, tc.want)
		}
		if got := string(AppendStringBytes(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("AppendStringBytes(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"order", "`order`"}, {"a`b", "`a``b`"}, {"test; DROP TABLE users;", "`test; DROP TABLE users;`"},
	} {
		if got := Ident(tc.in); got != tc.want {
			t.Errorf("Ident(%q) = %s, want %s", tc.in, got, tc.want)
		}
		if got := string(AppendIdent(nil, tc.in)); got != tc.want {
			t.Errorf("AppendIdent(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := string(AppendHex(nil, []byte{0, 0xab, 0xff})); got != "X'00ABFF'" {
		t.Errorf("AppendHex = %s", got)
	}
	long := "a_very_long_identifier_that_goes_on_and_on_past_the_sixty_four_character_limit"
	if got := Truncate(long, 0xdeadbeef); len([]rune(got)) != MaxIdent || got[len(got)-9:] != "_deadbeef" {
		t.Errorf("Truncate = %q", got)
	}
}
