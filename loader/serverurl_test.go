package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// TestParseServerURL: the mysql:// grammar, its allow-listed parameters,
// and errors that name the parameter, never hold the password and are
// usage errors (*SpecError in a *diag.Error with a hint).
func TestParseServerURL(t *testing.T) {
	for _, c := range []struct {
		spec    string
		want    ServerSpec // compared: User, Addr, Database, TLS, TLSCA, Timeout
		display string
		err     string // substring of the error; "" for none
		hint    string // substring of the hint
	}{
		{spec: "mysql://root@127.0.0.1:3307/db", want: ServerSpec{User: "root", Addr: "127.0.0.1:3307", Database: "db", TLS: "false"},
			display: "mysql://root@127.0.0.1:3307/db"},
		{spec: "mysql://u:s3cr%40t@host/db", want: ServerSpec{User: "u", Addr: "host:3306", Database: "db", TLS: "false"},
			display: "mysql://u@host:3306/db"},
		{spec: "mysql://u@[::1]/db", want: ServerSpec{User: "u", Addr: "[::1]:3306", Database: "db", TLS: "false"}},
		{spec: "mysql://u@h/db?", want: ServerSpec{User: "u", Addr: "h:3306", Database: "db", TLS: "false"}},
		{spec: "mysql://u@h:1/db?tls=true", want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "true"},
			display: "mysql://u@h:1/db?tls=true"},
		{spec: "mysql://u@h:1/db?tls=false", want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "false"}},
		{spec: "mysql://u@h:1/db?tls=skip-verify", want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "skip-verify"}},
		{spec: "mysql://u@h:1/db?tls=preferred", want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "preferred"}},
		{spec: "mysql://u@h:1/db?tls-ca=/x/ca.pem", want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "true", TLSCA: "/x/ca.pem"}},
		{spec: "mysql://u@h:1/db?tls=true&tls-ca=/x/ca.pem&timeout=5s",
			want: ServerSpec{User: "u", Addr: "h:1", Database: "db", TLS: "true", TLSCA: "/x/ca.pem", Timeout: 5 * time.Second}},

		{spec: "mysql://u:pw@h/db?parseTime=true", err: `parameter "parseTime" is unknown`, hint: "tls=false|true|skip-verify|preferred, tls-ca=FILE, timeout=DURATION"},
		{spec: "mysql://u:pw@h/db?ssl=true", err: `parameter "ssl" is unknown`, hint: "tls-ca=FILE"},
		{spec: "mysql://u@h/db?tls=yes", err: `tls="yes" is not a TLS mode`, hint: "false, true, skip-verify, preferred"},
		{spec: "mysql://u@h/db?tls=TRUE", err: `tls="TRUE"`},
		{spec: "mysql://u@h/db?tls=true&tls=false", err: `"tls" is given 2 times`},
		{spec: "mysql://u@h/db?tls=skip-verify&tls-ca=/x", err: "tls=skip-verify and tls-ca contradict", hint: "tls=true"},
		{spec: "mysql://u@h/db?tls=false&tls-ca=/x", err: "tls=false and tls-ca contradict"},
		{spec: "mysql://u@h/db?tls-ca=", err: "tls-ca is empty"},
		{spec: "mysql://u@h/db?timeout=5", err: `timeout="5" is not a positive duration`},
		{spec: "mysql://u@h/db?tls=%zz", err: "target URL query"},
		{spec: "mysql://u:pw@h", err: "names no database", hint: "mysql://USER"},
		{spec: "mysql://u:pw@h/", err: "names no database"},
		{spec: "mysql://u:pw@/db", err: "names no host"},
		{spec: "mysql://u:pw@h/db#frag", err: "is not of the form"},
		{spec: "mysql://u:p w%zz@h/db", err: "target URL: ", hint: "percent-encode"},
		{spec: "/tmp/dir", err: "is not a mysql:// URL"},
	} {
		t.Run(c.spec, func(t *testing.T) {
			s, err := ParseServerURL(c.spec)
			if c.err == "" {
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				got := ServerSpec{User: s.User, Addr: s.Addr, Database: s.Database, TLS: s.TLS, TLSCA: s.TLSCA, Timeout: s.Timeout}
				if got != c.want {
					t.Errorf("got %+v\nwant %+v", got, c.want)
				}
				if c.display != "" && s.Display() != c.display {
					t.Errorf("Display() = %q, want %q", s.Display(), c.display)
				}
				if strings.Contains(s.Display(), "s3cr") {
					t.Errorf("Display() %q holds the password", s.Display())
				}
				return
			}
			checkSpecError(t, err, c.err, c.hint, "pw", "p w")
		})
	}
}

// checkSpecError: err is a *SpecError in a *diag.Error, holds want, its
// hint holds hint, and neither holds any of secrets.
func checkSpecError(t *testing.T, err error, want, hint string, secrets ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	var se *SpecError
	var de *diag.Error
	if !errors.As(err, &se) || !errors.As(err, &de) {
		t.Errorf("error %v (%T) is not a *SpecError in a *diag.Error", err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
	h := diag.HintOf(err)
	if h == "" || !strings.Contains(h, hint) {
		t.Errorf("hint %q lacks %q", h, hint)
	}
	for _, s := range secrets {
		if s != "" && (strings.Contains(err.Error(), s) || strings.Contains(h, s)) {
			t.Errorf("error or hint holds the password %q: %v / %s", s, err, h)
		}
	}
}

// TestSetPassword: the URL's password, then --target-password-file, then
// PGCOPY_TARGET_PASSWORD; the URL's and the file's together is an error.
func TestSetPassword(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pwFile := file("pw", "from-file\n")
	crlf := file("crlf", "from-crlf\r\n")
	bare := file("bare", "bare")
	empty := file("empty", "\n")
	twoLines := file("two", "line1\nline2\n")
	for _, c := range []struct {
		name   string
		spec   string
		src    PasswordSource
		want   string // the password
		has    bool
		err    string
		secret string
	}{
		{name: "none", spec: "mysql://u@h/db"},
		{name: "url", spec: "mysql://u:from-url@h/db", want: "from-url", has: true},
		{name: "url empty", spec: "mysql://u:@h/db", src: PasswordSource{Env: "from-env"}, want: "", has: true},
		{name: "url beats env", spec: "mysql://u:from-url@h/db", src: PasswordSource{Env: "from-env"}, want: "from-url", has: true},
		{name: "env", spec: "mysql://u@h/db", src: PasswordSource{Env: "from-env"}, want: "from-env", has: true},
		{name: "file", spec: "mysql://u@h/db", src: PasswordSource{File: pwFile}, want: "from-file", has: true},
		{name: "file beats env", spec: "mysql://u@h/db", src: PasswordSource{File: pwFile, Env: "from-env"}, want: "from-file", has: true},
		{name: "file crlf", spec: "mysql://u@h/db", src: PasswordSource{File: crlf}, want: "from-crlf", has: true},
		{name: "file no newline", spec: "mysql://u@h/db", src: PasswordSource{File: bare}, want: "bare", has: true},
		{name: "url and file", spec: "mysql://u:from-url@h/db", src: PasswordSource{File: pwFile}, err: "given twice", secret: "from-url"},
		{name: "file missing", spec: "mysql://u@h/db", src: PasswordSource{File: filepath.Join(dir, "nope")}, err: "no such file"},
		{name: "file empty", spec: "mysql://u@h/db", src: PasswordSource{File: empty}, err: "is empty"},
		{name: "file two lines", spec: "mysql://u@h/db", src: PasswordSource{File: twoLines}, err: "more than one line", secret: "line1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ParseServerURL(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			err = s.SetPassword(c.src)
			if c.err != "" {
				checkSpecError(t, err, c.err, "", c.secret)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.password != c.want || s.hasPassword != c.has {
				t.Errorf("password %q (given %v), want %q (%v)", s.password, s.hasPassword, c.want, c.has)
			}
			if cfg, err := s.config(); err != nil || cfg.Passwd != c.want {
				t.Errorf("config: %v, password %q", err, cfg.Passwd)
			}
		})
	}
}

// TestCheckTarget: a directory target takes no password file; a tls-ca
// file must exist and hold a PEM certificate.
func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.txt")
	if err := os.WriteFile(notPEM, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckTarget(filepath.Join(dir, "db"), PasswordSource{Env: "x"}); err != nil {
		t.Errorf("directory target with %s set: %v", PasswordEnv, err)
	}
	checkSpecError(t, CheckTarget(filepath.Join(dir, "db"), PasswordSource{File: notPEM}), "is a directory, which has no password", "mysql://")
	checkSpecError(t, CheckTarget("mysql://u@h/db?tls-ca="+filepath.Join(dir, "none.pem"), PasswordSource{}), "tls-ca="+filepath.Join(dir, "none.pem")+": no such file", "PEM")
	checkSpecError(t, CheckTarget("mysql://u@h/db?tls-ca="+notPEM, PasswordSource{}), "holds no PEM certificate", "PEM")
}
