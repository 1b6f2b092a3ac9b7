package diag

import (
	"net/url"
	"regexp"
	"strings"
)

// Redacted is what [Redact] writes in place of a password.
const Redacted = "xxxxx"

// urlPassword matches the password of a URL's userinfo,
// "scheme://user:PASSWORD@": group 1 is "scheme://user:". The password
// runs to the last "@" before a "/" or a space, as net/url reads it
// (url.Parse splits the authority at its last "@").
var urlPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]*:)[^\s/]*@`)

// Redact returns s with every password replaced by [Redacted]: each of
// secrets (as given and as net/url escapes it in a URL's userinfo, path
// or query), and the password of every URL "scheme://user:PASSWORD@host"
// in s, whoever wrote it (pgcopy, Dolt, a driver). Empty secrets are
// ignored. Use it on every message that may echo a URL that carried
// credentials: a --push URL, a mysql:// target.
func Redact(s string, secrets ...string) string {
	for _, sec := range secrets {
		if sec == "" {
			continue
		}
		for _, form := range []string{sec, url.UserPassword("u", sec).String()[2:], url.PathEscape(sec), url.QueryEscape(sec)} {
			if form != "" {
				s = strings.ReplaceAll(s, form, Redacted)
			}
		}
	}
	return urlPassword.ReplaceAllString(s, "${1}"+Redacted+"@")
}

// RedactErr returns err with its text passed through [Redact]; the chain
// below it stays (errors.Is, errors.As, [HintOf] see through it). It
// returns nil for nil.
func RedactErr(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	return &redacted{msg: Redact(err.Error(), secrets...), err: err}
}

type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }
