package loader

// The mysql:// target spec: one parser for pgcopy copy and pgcopy verify.
//
// Grammar (README "Target"):
//
//	mysql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?PARAM=VALUE[&PARAM=VALUE]...]
//
// PORT defaults to 3306. USER and PASSWORD are percent-decoded (url.Parse).
// The query takes an allow-list of parameters, each at most once:
//
//	tls=false|true|skip-verify|preferred
//	    go-sql-driver/mysql's own values (mysql.Config.TLSConfig): false
//	    (the default) is plaintext; true is TLS, verifying the server's
//	    certificate against the system's roots and the host name;
//	    skip-verify is TLS without any certificate check; preferred is
//	    TLS without a check when the server offers it, plaintext when it
//	    does not.
//	tls-ca=FILE
//	    a PEM file of the CA certificates that sign the server's
//	    certificate, used instead of the system's roots (registered with
//	    mysql.RegisterTLSConfig); the host name is still checked. Implies
//	    tls=true; with any other tls value it is an error.
//	timeout=DURATION
//	    go-sql-driver's dial timeout (a Go duration such as 10s).
//
// Every other parameter, go-sql-driver's DSN parameters included, is
// refused: most of them (parseTime, loc, charset, collation,
// multiStatements, interpolateParams, ...) change what the loader's
// statements mean, and a misspelt tls must not silently mean plaintext.
//
// The password: at most one of the URL's PASSWORD and --target-password-file
// (a file holding only the password; one trailing newline is removed);
// when neither gives one, the environment variable PGCOPY_TARGET_PASSWORD;
// else none. Giving both the URL's and the file's is an error rather than
// a silent choice. The password is never part of an error, the display
// form, the report or the commit.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/sqltext"
)

// PasswordEnv is the environment variable pgcopy takes a mysql:// target's
// password from when neither the URL nor --target-password-file gives one.
const PasswordEnv = "PGCOPY_TARGET_PASSWORD"

// ServerParams are the query parameters a mysql:// target accepts, with
// what each takes, in the order messages list them.
var ServerParams = []string{"tls=false|true|skip-verify|preferred", "tls-ca=FILE", "timeout=DURATION"}

// tlsModes are the values of tls=, go-sql-driver's names.
var tlsModes = []string{"false", "true", "skip-verify", "preferred"}

// ServerSpec is a parsed mysql:// target.
type ServerSpec struct {
	User     string
	Addr     string // HOST:PORT, port 3306 when the URL has none
	Database string
	// TLS is the tls parameter: "false" (also when absent), "true",
	// "skip-verify" or "preferred" (go-sql-driver's mysql.Config.TLSConfig
	// values). TLSCA, when set, is the tls-ca file, and TLS is "true".
	TLS     string
	TLSCA   string
	Timeout time.Duration // the timeout parameter; 0 when absent (the driver's default)

	password    string // never printed
	hasPassword bool   // a password was given (it may be empty)
	urlPassword bool   // the URL's user info has a password
}

// SpecError is a mistake in a target spec or in where its password comes
// from: a usage error (pgcopy exits 2). It is always wrapped in a
// *diag.Error whose Hint says what to give instead.
type SpecError struct{ Msg string }

func (e *SpecError) Error() string { return e.Msg }

func specError(hint, format string, args ...any) error {
	return &diag.Error{Err: &SpecError{Msg: fmt.Sprintf(format, args...)}, Hint: hint}
}

const urlForm = "mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?tls=true]"

// IsServerSpec reports whether spec names a dolt sql-server (a mysql://
// URL) rather than a directory.
func IsServerSpec(spec string) bool { return strings.HasPrefix(spec, "mysql://") }

// ParseServerURL parses a mysql:// target (grammar in this file's
// comment). It reads no file and opens no connection. Errors are
// *diag.Error values wrapping *SpecError; they never hold the password
// (url.Parse's own errors quote the whole URL, so only their reason is
// kept).
func ParseServerURL(spec string) (ServerSpec, error) {
	var s ServerSpec
	if !IsServerSpec(spec) {
		return s, specError("a sql-server target is "+urlForm, "target %q is not a mysql:// URL", spec)
	}
	u, err := url.Parse(spec)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return s, specError("write the target as "+urlForm+"; percent-encode @ : / ? # in the password, or give it in "+PasswordEnv+" or --target-password-file",
			"target URL: %v", err)
	}
	if u.Fragment != "" || u.Opaque != "" {
		return s, specError("write the target as "+urlForm, "target URL %s is not of the form mysql://HOST/DATABASE", redacted(u))
	}
	s.User = u.User.Username()
	s.password, s.urlPassword = u.User.Password()
	s.hasPassword = s.urlPassword
	if u.Hostname() == "" {
		return s, specError("write the target as "+urlForm, "target URL %s names no host", redacted(u))
	}
	s.Addr = u.Host
	if u.Port() == "" {
		s.Addr = net.JoinHostPort(u.Hostname(), "3306")
	}
	s.Database = strings.TrimPrefix(u.Path, "/")
	if s.Database == "" {
		return s, specError("write the target as "+urlForm, "target URL %s names no database", redacted(u))
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return s, specError("write the query as ?tls=true&tls-ca=FILE; percent-encode & = in values", "target URL query: %v", err)
	}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	sort.Strings(names)
	accepted := "the target URL takes " + strings.Join(ServerParams, ", ") + " (other go-sql-driver DSN parameters are refused)"
	s.TLS = "false"
	for _, k := range names {
		v := q[k]
		if len(v) > 1 {
			return s, specError(accepted, "target URL parameter %q is given %d times", k, len(v))
		}
		switch k {
		case "tls":
			if !contains(tlsModes, v[0]) {
				return s, specError("tls= takes "+strings.Join(tlsModes, ", ")+" (go-sql-driver/mysql's values)",
					"target URL parameter tls=%q is not a TLS mode", v[0])
			}
			s.TLS = v[0]
		case "tls-ca":
			if v[0] == "" {
				return s, specError("give tls-ca=FILE, a PEM file of the CA certificates that sign the server's certificate", "target URL parameter tls-ca is empty")
			}
			s.TLSCA = v[0]
		case "timeout":
			d, err := time.ParseDuration(v[0])
			if err != nil || d <= 0 {
				return s, specError("give timeout= a Go duration such as 10s", "target URL parameter timeout=%q is not a positive duration", v[0])
			}
			s.Timeout = d
		default:
			return s, specError(accepted, "target URL parameter %q is unknown", k)
		}
	}
	if s.TLSCA != "" {
		if _, given := q["tls"]; given && s.TLS != "true" {
			return s, specError("tls-ca is the CA to verify the server's certificate with: use it with tls=true (or without tls=), or drop it",
				"target URL parameters tls=%s and tls-ca contradict each other", s.TLS)
		}
		s.TLS = "true"
	}
	return s, nil
}

// redacted is u without its password and query, for messages.
func redacted(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	c.RawQuery = ""
	return c.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Display is the target without its password, for messages and the
// report: mysql://USER@HOST:PORT/DATABASE, with ?tls=MODE when TLS is on.
func (s ServerSpec) Display() string {
	d := "mysql://" + s.User + "@" + s.Addr + "/" + s.Database
	if s.TLS != "false" {
		d += "?tls=" + s.TLS
	}
	return d
}

// PasswordSource says where a mysql:// target's password may come from
// besides the URL.
type PasswordSource struct {
	// File is --target-password-file: a file holding only the password
	// (one trailing newline is removed). "" for none.
	File string
	// Env is the value of PGCOPY_TARGET_PASSWORD; "" when unset or empty.
	Env string
}

// SetPassword settles the password of s from the URL, src.File and
// src.Env, in that order (see this file's comment); a URL password
// together with src.File is a *SpecError, as is a File that cannot be
// read, is empty or holds more than one line.
func (s *ServerSpec) SetPassword(src PasswordSource) error {
	if src.File != "" {
		if s.urlPassword {
			return specError("give the password once: drop it from the URL (keep mysql://USER@HOST/DB), or drop --target-password-file",
				"the target password is given twice, in the URL and in --target-password-file")
		}
		pw, err := readPasswordFile(src.File)
		if err != nil {
			return err
		}
		s.password, s.hasPassword = pw, true
		return nil
	}
	if !s.hasPassword && src.Env != "" {
		s.password, s.hasPassword = src.Env, true
	}
	return nil
}

func readPasswordFile(path string) (string, error) {
	const hint = "give --target-password-file a readable file that holds only the target's password"
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", specError(hint, "--target-password-file %s: %v", path, err)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	switch {
	case len(b) == 0:
		return "", specError(hint, "--target-password-file %s is empty", path)
	case bytes.ContainsAny(b, "\r\n"):
		return "", specError(hint, "--target-password-file %s holds more than one line", path)
	}
	return string(b), nil
}

// CheckTarget checks a target spec and its password source without
// opening anything but the files they name (the password file, the CA
// file), so that a copy fails on them before reading its input. A
// directory target takes no password file.
func CheckTarget(spec string, pw PasswordSource) error {
	if !IsServerSpec(spec) {
		if pw.File != "" {
			return specError("--target-password-file is for a mysql:// target; drop it for a directory target",
				"--target-password-file was given, but target %s is a directory, which has no password", spec)
		}
		return nil
	}
	s, err := ParseServerURL(spec)
	if err != nil {
		return err
	}
	if err := s.SetPassword(pw); err != nil {
		return err
	}
	_, err = s.config()
	return err
}

// config is the driver configuration of s without a database. A tls-ca
// file is read and registered (mysql.RegisterTLSConfig) under a name made
// of its content's hash, so the DSN form names it too.
func (s ServerSpec) config() (*mysql.Config, error) {
	cfg := mysql.NewConfig()
	cfg.User = s.User
	cfg.Passwd = s.password
	cfg.Net = "tcp"
	cfg.Addr = s.Addr
	cfg.AllowNativePasswords = true
	cfg.MaxAllowedPacket = 0 // ask the server
	cfg.Timeout = s.Timeout
	cfg.TLSConfig = s.TLS
	if s.TLSCA != "" {
		const hint = "give tls-ca= a PEM file of the CA certificates that sign the server's certificate"
		b, err := os.ReadFile(s.TLSCA)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, specError(hint, "target URL parameter tls-ca=%s: %v", s.TLSCA, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(b) {
			return nil, specError(hint, "target URL parameter tls-ca=%s holds no PEM certificate", s.TLSCA)
		}
		sum := sha256.Sum256(b)
		name := "pgcopy-ca-" + hex.EncodeToString(sum[:8])
		if err := mysql.RegisterTLSConfig(name, &tls.Config{RootCAs: pool}); err != nil {
			return nil, err
		}
		cfg.TLSConfig = name
	}
	return cfg, nil
}

// ConnectServer opens a pool on the database of s and checks that a
// session starts; with create it first makes the database (CREATE
// DATABASE IF NOT EXISTS on a session without a database). Connection
// failures are *diag.Error values whose hint names what to change: ?tls=
// when the server refuses plaintext, tls-ca= or tls=skip-verify when its
// certificate is not trusted.
func ConnectServer(ctx context.Context, s ServerSpec, create bool) (*sql.DB, error) {
	cfg, err := s.config()
	if err != nil {
		return nil, err
	}
	if create {
		boot, err := openConfig(cfg)
		if err != nil {
			return nil, err
		}
		_, err = boot.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS "+sqltext.Ident(s.Database))
		boot.Close()
		if err != nil {
			return nil, s.connectError(err, create)
		}
	}
	cfg.DBName = s.Database
	db, err := openConfig(cfg)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.connectError(err, create)
	}
	return db, nil
}

func openConfig(cfg *mysql.Config) (*sql.DB, error) {
	c, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(c), nil
}

// connectError explains a failed connection to s.
func (s ServerSpec) connectError(err error, create bool) error {
	msg := err.Error()
	var hint string
	var cert *tls.CertificateVerificationError
	var me *mysql.MySQLError
	switch {
	case s.TLS == "false" && (strings.Contains(msg, "insecure connections") || strings.Contains(msg, "SSL/TLS")):
		hint = "the server requires TLS (require_secure_transport; Hosted Dolt does): add ?tls=true to the target URL " +
			"(&tls-ca=FILE for a private CA, or ?tls=skip-verify to not check a self-signed certificate)"
	case errors.As(err, &cert):
		hint = "the server's TLS certificate is not trusted for " + s.Addr + ": give &tls-ca=FILE with the CA that signed it " +
			"(its names must include the host of the URL), or ?tls=skip-verify to not check it"
	case errors.Is(err, mysql.ErrNoTLS):
		hint = "the server offers no TLS: use ?tls=preferred, or drop tls= for plaintext"
	case errors.As(err, &me) && me.Number == 1045:
		hint = "check the user and the password (from the URL, --target-password-file or " + PasswordEnv + ")"
	case errors.As(err, &me) && me.Number == 1049 && !create:
		hint = "give the database pgcopy copy wrote to"
	default:
		hint = "start the dolt sql-server, or fix HOST:PORT of the target URL"
		if s.TLS == "false" {
			hint += "; if the server requires TLS (Hosted Dolt does), add ?tls=true"
		}
	}
	return &diag.Error{Err: fmt.Errorf("connect to %s: %w", s.Display(), err), Hint: hint}
}
