package diag

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for _, c := range []struct {
		in      string
		secrets []string
		want    string
	}{
		{"push to http://user:secret@host/db failed", nil, "push to http://user:xxxxx@host/db failed"},
		{"could not access dolt url 'https://u:s3cr%2Ft@h:50051/org/db'", nil, "could not access dolt url 'https://u:xxxxx@h:50051/org/db'"},
		{"mysql://root:pw@127.0.0.1:3306/db and git+https://a:b@c/d", nil, "mysql://root:xxxxx@127.0.0.1:3306/db and git+https://a:xxxxx@c/d"},
		// a raw "@" in the password: net/url splits at the last "@"
		{"http://u:p@ss@host/db", nil, "http://u:xxxxx@host/db"},
		// no password: nothing to hide
		{"http://user@host/db, file:///tmp/x, host:5432", nil, "http://user@host/db, file:///tmp/x, host:5432"},
		// a known secret anywhere, raw or escaped
		{"auth failed for secret", []string{"secret"}, "auth failed for xxxxx"},
		{"got p%40ss and p@ss", []string{"p@ss"}, "got xxxxx and xxxxx"},
		{"a b", []string{""}, "a b"},
	} {
		if got := Redact(c.in, c.secrets...); got != c.want {
			t.Errorf("Redact(%q, %q) = %q, want %q", c.in, c.secrets, got, c.want)
		}
	}
}

func TestRedactErr(t *testing.T) {
	if RedactErr(nil, "x") != nil {
		t.Fatal("RedactErr(nil) is not nil")
	}
	inner := &Error{Err: fmt.Errorf("dial http://u:secret@h/db: %w", context.Canceled), Hint: "try again"}
	err := RedactErr(fmt.Errorf("push: %w", inner), "secret")
	if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "http://u:xxxxx@h/db") {
		t.Errorf("RedactErr text = %q", err)
	}
	if !errors.Is(err, context.Canceled) || HintOf(err) != "try again" {
		t.Errorf("RedactErr lost the chain: Is(Canceled)=%v hint=%q", errors.Is(err, context.Canceled), HintOf(err))
	}
}
