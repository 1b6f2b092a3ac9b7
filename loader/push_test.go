package loader

import "testing"

func TestParsePush(t *testing.T) {
	for _, tc := range []struct {
		in     string
		want   PushSpec
		String string
	}{
		{"", PushSpec{}, ""},
		{"origin", PushSpec{Remote: "origin"}, "origin"},
		{"file:///backups/shop", PushSpec{Remote: "file:///backups/shop", URL: true}, "file:///backups/shop"},
		{"https://alice@dolt.example/org/shop", PushSpec{Remote: "https://dolt.example/org/shop", URL: true, User: "alice"}, "https://alice@dolt.example/org/shop"},
		{"https://alice:s3cret@dolt.example/org/shop", PushSpec{Remote: "https://dolt.example/org/shop", URL: true, User: "alice", Password: "s3cret", HasPassword: true}, "https://alice@dolt.example/org/shop"},
		{"https://alice:@dolt.example/org/shop", PushSpec{Remote: "https://dolt.example/org/shop", URL: true, User: "alice", HasPassword: true}, "https://alice@dolt.example/org/shop"},
	} {
		got, err := ParsePush(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParsePush(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
		if s := got.String(); s != tc.String {
			t.Errorf("ParsePush(%q).String() = %q, want %q", tc.in, s, tc.String)
		}
	}
}

func TestPushRemoteName(t *testing.T) {
	if got := pushRemoteName("20261204T003500-1234"); got != "pgcopy-push-20261204T003500-1234" {
		t.Errorf("pushRemoteName = %q", got)
	}
}
