package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestPushCredentials (issue 12 item 6): a --push URL's password is never
// printed and never stored. On the embedded target a push that fails after
// the commit exits 4 ("published, then --push failed"), and the password is
// absent from stdout, stderr, the --report JSON and every file under the
// target (repo_state.json held it as remote "pgcopy-push" before). On a
// sql-server target a password in the push URL is refused before anything
// is loaded (exit 2): the server, not pgcopy, must hold it.
func TestPushCredentials(t *testing.T) {
	const secret = "s3cr3tPW"
	dump := testenv.Testdata(t, "chinook/chinook.sql")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		embedded := !strings.HasPrefix(tg.spec, "mysql://")
		report := filepath.Join(t.TempDir(), "report.json")
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", tg.spec, "-q", "--report", report,
			"--push", "http://pusher:"+secret+"@127.0.0.1:1/org/db")
		rep, _ := os.ReadFile(report)
		for what, s := range map[string]string{"stdout": out, "stderr": errOut, "--report": string(rep)} {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds the push password:\n%s", what, s)
			}
		}
		if !embedded {
			if code != 2 || !strings.Contains(errOut, "DOLT_REMOTE_PASSWORD") {
				t.Errorf("sql-server target with a password in --push: exit %d, want 2 with a hint naming DOLT_REMOTE_PASSWORD:\n%s", code, errOut)
			}
			// Refused before anything is loaded: the run does not even
			// create the target database on the server.
			return
		}
		if code != 4 || !strings.Contains(errOut, "--push") || !strings.Contains(errOut, "published") {
			t.Fatalf("failing push: exit %d, want 4 naming --push and the published commit\nstdout: %s\nstderr: %s", code, out, errOut)
		}
		if n := tg.q("SELECT COUNT(*) FROM artist")[0][0]; n != "275" {
			t.Errorf("main does not hold the published snapshot: artist has %s rows", n)
		}
		err := filepath.WalkDir(tg.spec, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if strings.Contains(string(b), secret) {
				t.Errorf("%s holds the push password", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if rs, _ := os.ReadFile(filepath.Join(tg.spec, ".dolt", "repo_state.json")); strings.Contains(string(rs), "pgcopy-push") {
			t.Errorf("repo_state.json keeps a pgcopy-push remote:\n%s", rs)
		}
	})
}
