package source

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// conninfo is a libpq connection string taken apart: the keyword/value
// pairs of either form the PostgreSQL manual describes in "Connection
// Strings" (§34.1.1: "host=localhost dbname=app" and
// "postgresql://user@localhost/app?sslmode=require").
type conninfo struct {
	keys []string // in the order first seen
	vals map[string]string
}

func (c *conninfo) set(k, v string) {
	if c.vals == nil {
		c.vals = map[string]string{}
	}
	if _, ok := c.vals[k]; !ok {
		c.keys = append(c.keys, k)
	}
	c.vals[k] = v
}

func (c *conninfo) get(k string) string { return c.vals[k] }

func (c *conninfo) del(k string) {
	if _, ok := c.vals[k]; !ok {
		return
	}
	delete(c.vals, k)
	for i, x := range c.keys {
		if x == k {
			c.keys = append(c.keys[:i], c.keys[i+1:]...)
			break
		}
	}
}

// parseConninfo parses s as a postgres:// or postgresql:// URI or as a
// keyword/value string. The empty string is an empty conninfo (libpq then
// takes everything from PG* environment variables).
func parseConninfo(s string) (*conninfo, error) {
	if strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://") {
		return parseURI(s)
	}
	return parseKeywords(s)
}

// parseKeywords parses "key = value key2='quoted \' value'" (§34.1.1.1):
// values may be single-quoted; a backslash escapes the next character in
// both quoted and unquoted values.
func parseKeywords(s string) (*conninfo, error) {
	c := &conninfo{}
	i := 0
	skip := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	for {
		skip()
		if i >= len(s) {
			return c, nil
		}
		start := i
		for i < len(s) && s[i] != '=' && !isSpace(s[i]) {
			i++
		}
		key := s[start:i]
		skip()
		if i >= len(s) || s[i] != '=' {
			return nil, fmt.Errorf("connection string: missing \"=\" after %q; write key=value pairs or a postgres:// URL", key)
		}
		i++
		skip()
		var v strings.Builder
		if i < len(s) && s[i] == '\'' {
			i++
			closed := false
			for i < len(s) {
				ch := s[i]
				if ch == '\\' && i+1 < len(s) {
					v.WriteByte(s[i+1])
					i += 2
					continue
				}
				if ch == '\'' {
					i++
					closed = true
					break
				}
				v.WriteByte(ch)
				i++
			}
			if !closed {
				return nil, fmt.Errorf("connection string: unterminated quoted value for %q", key)
			}
		} else {
			for i < len(s) && !isSpace(s[i]) {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				v.WriteByte(s[i])
				i++
			}
		}
		if key == "" {
			return nil, errors.New("connection string: empty key before \"=\"")
		}
		c.set(key, v.String())
	}
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// parseURI parses a connection URI (§34.1.1.2):
// postgresql://[user[:password]@][host][:port][,...][/dbname][?param=value&...].
func parseURI(s string) (*conninfo, error) {
	c := &conninfo{}
	rest := s[strings.Index(s, "://")+3:]
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	query := ""
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, query = rest[:i], rest[i+1:]
	}
	path := ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest, path = rest[:i], rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		user := rest[:i]
		rest = rest[i+1:]
		pw, hasPW := "", false
		if j := strings.IndexByte(user, ':'); j >= 0 {
			user, pw, hasPW = user[:j], user[j+1:], true
		}
		u, err := url.PathUnescape(user)
		if err != nil {
			return nil, errors.New("connection URL: bad percent-encoding in the user name")
		}
		if u != "" {
			c.set("user", u)
		}
		if hasPW {
			p, err := url.PathUnescape(pw)
			if err != nil {
				return nil, errors.New("connection URL: bad percent-encoding in the password")
			}
			c.set("password", p)
		}
	}
	if rest != "" {
		var hosts, ports []string
		anyPort := false
		for _, hp := range strings.Split(rest, ",") {
			host, port := hp, ""
			if strings.HasPrefix(hp, "[") {
				end := strings.IndexByte(hp, ']')
				if end < 0 {
					return nil, errors.New("connection URL: missing \"]\" after an IPv6 address")
				}
				host, port = hp[1:end], strings.TrimPrefix(hp[end+1:], ":")
			} else if j := strings.LastIndexByte(hp, ':'); j >= 0 {
				host, port = hp[:j], hp[j+1:]
			}
			h, err := url.PathUnescape(host)
			if err != nil {
				return nil, errors.New("connection URL: bad percent-encoding in a host name")
			}
			hosts = append(hosts, h)
			ports = append(ports, port)
			anyPort = anyPort || port != ""
		}
		if strings.Join(hosts, "") != "" {
			c.set("host", strings.Join(hosts, ","))
		}
		if anyPort {
			c.set("port", strings.Join(ports, ","))
		}
	}
	if path != "" {
		db, err := url.PathUnescape(path)
		if err != nil {
			return nil, errors.New("connection URL: bad percent-encoding in the database name")
		}
		c.set("dbname", db)
	}
	if query != "" {
		for _, kv := range strings.Split(query, "&") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			k, err1 := url.QueryUnescape(k)
			v, err2 := url.QueryUnescape(v)
			if err1 != nil || err2 != nil {
				return nil, errors.New("connection URL: bad percent-encoding in a query parameter")
			}
			if k == "ssl" && v == "true" { // libpq accepts this JDBC spelling
				k, v = "sslmode", "require"
			}
			c.set(k, v)
		}
	}
	return c, nil
}

// libpqKeywords are the parameter key words libpq understands (PostgreSQL
// manual §34.1.2, "Parameter Key Words"). Connection strings written for
// pgx may carry others (pool_max_conns, statement_cache_capacity, or
// run-time parameters such as search_path); pg_dump would reject them, so
// they are not passed on.
var libpqKeywords = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true,
	"passfile": true, "require_auth": true, "channel_binding": true, "connect_timeout": true,
	"client_encoding": true, "options": true, "application_name": true, "fallback_application_name": true,
	"keepalives": true, "keepalives_idle": true, "keepalives_interval": true, "keepalives_count": true,
	"tcp_user_timeout": true, "replication": true, "gssencmode": true, "sslmode": true, "requiressl": true,
	"sslnegotiation": true, "sslcompression": true, "sslcert": true, "sslkey": true, "sslpassword": true,
	"sslcertmode": true, "sslrootcert": true, "sslcrl": true, "sslcrldir": true, "sslsni": true,
	"requirepeer": true, "ssl_min_protocol_version": true, "ssl_max_protocol_version": true,
	"krbsrvname": true, "gsslib": true, "gssdelegation": true, "service": true,
	"target_session_attrs": true, "load_balance_hosts": true,
}

// forPgDump renders the libpq keyword/value string pg_dump gets with
// --dbname: every libpq keyword of c except the password, which goes to
// pg_dump through PGPASSWORD instead (never on a command line, where other
// local users can read it). It also returns the keywords it left out.
func (c *conninfo) forPgDump() (string, []string) {
	var parts, dropped []string
	for _, k := range c.keys {
		if k == "password" {
			continue
		}
		if !libpqKeywords[k] {
			dropped = append(dropped, k)
			continue
		}
		parts = append(parts, k+"="+quoteConnValue(c.vals[k]))
	}
	sort.Strings(dropped)
	return strings.Join(parts, " "), dropped
}

// without returns a copy of c without the keys that start with prefix, or
// nil when there are none.
func (c *conninfo) without(prefix string) *conninfo {
	var out *conninfo
	for _, k := range c.keys {
		if strings.HasPrefix(k, prefix) {
			out = &conninfo{}
			break
		}
	}
	if out == nil {
		return nil
	}
	for _, k := range c.keys {
		if !strings.HasPrefix(k, prefix) {
			out.set(k, c.vals[k])
		}
	}
	return out
}

// render writes c as a keyword/value string, password included (for pgx,
// never for a command line or a message).
func (c *conninfo) render() string {
	var parts []string
	for _, k := range c.keys {
		parts = append(parts, k+"="+quoteConnValue(c.vals[k]))
	}
	return strings.Join(parts, " ")
}

// quoteConnValue single-quotes v for a keyword/value connection string,
// escaping backslashes and quotes (§34.1.1.1).
func quoteConnValue(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// scrubber removes secrets from text meant for people: error messages,
// pg_dump's stderr.
type scrubber []string

// newScrubber returns a scrubber for the given secrets (empty ones are
// ignored), also covering their percent-encoded forms as they appear in a
// URL.
func newScrubber(secrets ...string) scrubber {
	var s scrubber
	for _, x := range secrets {
		if x == "" {
			continue
		}
		s = append(s, x)
		for _, enc := range []string{url.PathEscape(x), url.QueryEscape(x), url.UserPassword("u", x).String()[2:]} {
			if enc != x {
				s = append(s, enc)
			}
		}
	}
	// longest first, so a secret that contains another is removed whole
	sort.Slice(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	return s
}

// String returns text with every secret replaced by "********".
func (s scrubber) String(text string) string {
	for _, x := range s {
		text = strings.ReplaceAll(text, x, "********")
	}
	return text
}

// Error wraps err so that its text has no secret; errors.Is and errors.As
// still see the original chain.
func (s scrubber) Error(err error) error {
	if err == nil || len(s) == 0 {
		return err
	}
	msg := err.Error()
	if clean := s.String(msg); clean != msg {
		return &scrubbedError{msg: clean, err: err}
	}
	return err
}

type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }
