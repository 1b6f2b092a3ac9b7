package loader

// --push: credentials are never stored or printed (doc.go, "Pushing").

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// RemotePasswordEnv is the environment variable Dolt reads the password
// of DOLT_PUSH --user from, in the process that runs the push: pgcopy's
// own for the embedded engine, the server's for a dolt sql-server (Dolt
// docs, "Dolt SQL Procedures: DOLT_PUSH"; dolt env/grpc_dial_provider.go
// getRPCCredsFromOSEnv). Dolt sends the user and password to an http(s)
// remote (a remotesapi server) with each call; no other remote uses them.
const RemotePasswordEnv = "DOLT_REMOTE_PASSWORD"

// PushSpec is a parsed --push value: the name of a remote configured in
// the target database, or a URL with its credentials taken out.
type PushSpec struct {
	Remote      string // the remote's name, or the URL without its userinfo
	URL         bool   // Remote is a URL, which Push adds as a temporary remote
	User        string // the URL's user name, given to DOLT_PUSH as --user; "" for none
	Password    string // the URL's password: given to Dolt only through RemotePasswordEnv; never stored, never printed
	HasPassword bool   // the URL holds a password (maybe empty)
}

// ParsePush parses a --push value: a remote name, or a URL (anything with
// "://", such as file:///backups/db or https://user:pass@host/org/db).
// A URL's userinfo is removed from Remote and kept in User and Password.
// Errors never echo the password.
func ParsePush(s string) (PushSpec, error) {
	if s == "" || !strings.Contains(s, "://") {
		return PushSpec{Remote: s}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		if ue, ok := err.(*url.Error); ok {
			err = ue.Err // its text quotes the whole URL
		}
		return PushSpec{}, &diag.Error{Err: diag.RedactErr(fmt.Errorf("--push %s: not a URL: %w", diag.Redact(s), err)),
			Hint: "give a remote name or a URL such as file:///path or https://HOST/ORG/DB (percent-encode special characters in the user and password)"}
	}
	p := PushSpec{Remote: s, URL: true}
	if u.User != nil {
		p.User = u.User.Username()
		p.Password, p.HasPassword = u.User.Password()
		u.User = nil
		p.Remote = u.String()
	}
	return p, nil
}

// String is the remote for messages: its name, or its URL with the user
// but never the password.
func (p PushSpec) String() string {
	if !p.URL || p.User == "" {
		return p.Remote
	}
	u, err := url.Parse(p.Remote)
	if err != nil {
		return p.Remote
	}
	u.User = url.User(p.User)
	return u.String()
}

// Check refuses, before anything is loaded, a --push that cannot work
// without storing or exposing its credentials, for the target spec (a
// directory, or a mysql:// URL). Errors are *diag.Error values whose hint
// says how to give the credentials.
//   - userinfo in a URL that is not http(s): Dolt uses credentials only
//     with remotesapi servers;
//   - a password without a user;
//   - a password with a dolt sql-server target: the push runs in the
//     server, whose environment pgcopy cannot set, and the URL must not be
//     stored there;
//   - embedded, a user without a password in the URL or in
//     DOLT_REMOTE_PASSWORD.
func (p PushSpec) Check(target string) error {
	if !p.URL || (p.User == "" && !p.HasPassword) {
		return nil
	}
	scheme := p.Remote[:strings.Index(p.Remote, "://")]
	shown := p.String()
	if u, err := url.Parse(p.Remote); err == nil && p.HasPassword {
		u.User = url.UserPassword(p.User, diag.Redacted)
		shown = u.String()
	}
	switch {
	case scheme != "http" && scheme != "https":
		return &diag.Error{Err: fmt.Errorf("--push %s: a %s:// remote takes no user or password", shown, scheme),
			Hint: "Dolt sends credentials only to http(s) remotes (a remotesapi server); remove them from the URL (cloud remotes use their own credentials, such as AWS's)"}
	case p.User == "":
		return &diag.Error{Err: fmt.Errorf("--push %s: a password without a user name", shown),
			Hint: "give the user in the URL (https://USER@HOST/ORG/DB) and the password in " + RemotePasswordEnv}
	case p.HasPassword && strings.HasPrefix(target, "mysql://"):
		return &diag.Error{Err: fmt.Errorf("--push %s carries a password, but the target is a dolt sql-server: the server runs the push, and pgcopy cannot give it the password without storing it", shown),
			Hint: "start the dolt sql-server with " + RemotePasswordEnv + "=PASSWORD in its environment and give only the user: --push " + p.String() +
				"; or add a remote on the server (CALL DOLT_REMOTE('add', NAME, URL), credentials configured on the server) and pass --push NAME"}
	case !p.HasPassword && !strings.HasPrefix(target, "mysql://"):
		if _, ok := os.LookupEnv(RemotePasswordEnv); !ok {
			return &diag.Error{Err: fmt.Errorf("--push %s names user %s but no password", shown, p.User),
				Hint: "set " + RemotePasswordEnv + " to the password in pgcopy's environment (it need not be in the URL, nor in the command line)"}
		}
	}
	return nil
}

// pushRemoteName is the name of the temporary remote that Push adds for a
// URL in the run runID: pgcopy-push-<run id> (lock.go runID), its own for
// each run, since two runs into other branches of one sql-server database
// may push at once.
func pushRemoteName(runID string) string { return pushRemotePrefix + runID }

// pushRemotePrefix starts the name of Push's temporary remotes; before
// them, pgcopy stored a URL's remote as "pgcopy-push" for good, with its
// credentials (legacyPushRemote).
const (
	pushRemotePrefix = "pgcopy-push-"
	legacyPushRemote = "pgcopy-push"
)

// Push pushes the branch (and tag, when not empty) to p (Dolt docs, "Dolt
// SQL Procedures: DOLT_REMOTE, DOLT_PUSH"). A named remote is used as
// configured. A URL is added as the temporary remote pushRemoteName,
// without its userinfo, and removed again whether the push succeeds or
// fails, so the database's repo_state.json never keeps it; before adding
// it, Push removes the remote "pgcopy-push" that earlier pgcopy versions
// left (it may hold a password), and on the embedded engine, whose lock
// covers the whole database, the temporary remotes of runs that were
// killed while pushing. The user goes to DOLT_PUSH as --user; the
// password, for the embedded engine, through DOLT_REMOTE_PASSWORD in this
// process's environment for the duration of the push (then restored).
// Errors never hold the password (diag.Redact).
func (t *Target) Push(ctx context.Context, p PushSpec, tag string) (err error) {
	defer func() { err = diag.RedactErr(err, p.Password) }()
	name := p.Remote
	if p.URL {
		id := t.runID
		if id == "" {
			id = runID(time.Now())
		}
		name = pushRemoteName(id)
		t.dropStaleRemotes(ctx)
		if _, err := t.conn.ExecContext(ctx, "CALL DOLT_REMOTE('add', ?, ?)", name, p.Remote); err != nil {
			return fmt.Errorf("add remote %s for %s: %w", name, p, err)
		}
		defer func() {
			if _, rerr := t.conn.ExecContext(context.WithoutCancel(ctx), "CALL DOLT_REMOTE('remove', ?)", name); rerr != nil && err == nil {
				err = &diag.Error{Err: fmt.Errorf("pushed to %s, but removing the temporary remote %s failed: %w", p, name, rerr),
					Hint: "remove it with CALL DOLT_REMOTE('remove', '" + name + "') (it holds no credentials)"}
			}
		}()
	}
	if p.HasPassword && t.Kind == Embedded {
		old, had := os.LookupEnv(RemotePasswordEnv)
		os.Setenv(RemotePasswordEnv, p.Password)
		defer func() {
			if had {
				os.Setenv(RemotePasswordEnv, old)
			} else {
				os.Unsetenv(RemotePasswordEnv)
			}
		}()
	}
	push := func(what string) error {
		args := []any{name, what}
		q := "CALL DOLT_PUSH(?, ?)"
		if p.User != "" {
			args = append([]any{p.User}, args...)
			q = "CALL DOLT_PUSH('--user', ?, ?, ?)"
		}
		_, err := t.conn.ExecContext(ctx, q, args...)
		return err
	}
	if err := push(t.branch); err != nil {
		return fmt.Errorf("push %s to %s: %w", t.branch, p, err)
	}
	if tag != "" {
		if err := push(tag); err != nil {
			return fmt.Errorf("push tag %s to %s: %w", tag, p, err)
		}
	}
	return nil
}

// dropStaleRemotes removes legacyPushRemote and, on the embedded engine,
// every pushRemoteName of a run id; best effort (a failure leaves a
// remote without credentials, or an old one, as it was).
func (t *Target) dropStaleRemotes(ctx context.Context) {
	rows, err := t.conn.QueryContext(ctx, "SELECT name FROM dolt_remotes WHERE name = ? OR name LIKE ?", legacyPushRemote, pushRemotePrefix+"%")
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			id, ok := strings.CutPrefix(n, pushRemotePrefix)
			if n == legacyPushRemote || (ok && t.Kind == Embedded && runIDPattern.MatchString(id)) {
				stale = append(stale, n)
			}
		}
	}
	rows.Close()
	for _, n := range stale {
		t.conn.ExecContext(ctx, "CALL DOLT_REMOTE('remove', ?)", n)
	}
}
