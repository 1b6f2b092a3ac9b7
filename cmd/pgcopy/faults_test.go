package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// Faults of the embedded target's storage (issue 12 item 7): a target the
// user cannot write, and a full disk. Both used to end in a Go panic
// (exit 2, a stack trace); each must be pgcopy's own error with a hint,
// exit 1, and leave main as it was.
//
// These are cases of the embedded target only. On a sql-server target the
// files belong to the server process, not to pgcopy: a read-only case does
// not apply (the server refuses writes with an SQL error, as for any
// client), and a full disk is the server's own fault (Dolt's sql-server
// crashes on a failed journal write by design; loader/embedded.go).

// needRoot fails the test unless it runs as root with the given programs
// on PATH: mounting a tmpfs and running pgcopy as another user need both.
func needRoot(t *testing.T, progs ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Fatalf("this test must run as root (CI does): it mounts a tmpfs and runs pgcopy as user nobody; running as uid %d", os.Geteuid())
	}
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("this test needs %s on PATH: %v", p, err)
		}
	}
}

// shared makes a directory that user nobody can enter (t.TempDir's
// parents are private to root), with the pgcopy binary and the chinook
// dump in it.
func shared(t *testing.T) (dir, bin, dump string) {
	t.Helper()
	dir, err := os.MkdirTemp("/tmp", "pgcopy-faults-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin = filepath.Join(dir, "pgcopy")
	if err := os.Link(pgcopyBin, bin); err != nil {
		copyFile(t, pgcopyBin, bin, 0o755)
	}
	dump = filepath.Join(dir, "chinook.sql")
	copyFile(t, testenv.Testdata(t, "chinook/chinook.sql"), dump, 0o644)
	return dir, bin, dump
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// runCmdCode runs cmd and returns its exit code and stderr.
func runCmdCode(t *testing.T, cmd *exec.Cmd) (int, string) {
	t.Helper()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stderr.String()
	} else if err != nil {
		t.Fatalf("run %s: %v", cmd.Args, err)
	}
	return 0, stderr.String()
}

// wantFault checks a run that a fault stopped: exit 1, no Go panic on
// stderr, every substring of want.
func wantFault(t *testing.T, code int, stderr string, want ...string) {
	t.Helper()
	if code != 1 {
		t.Errorf("exit code %d, want 1\nstderr:\n%s", code, stderr)
	}
	for _, bad := range []string{"panic:", "goroutine "} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr holds %q (a Go stack trace):\n%s", bad, stderr)
		}
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

// TestReadOnlyTarget: a target made by root, copied into by user nobody,
// fails before the engine opens, naming the user and the owner; a fresh
// target in a directory nobody cannot write fails the same way; a target
// whose manifest nobody cannot read (a directory check cannot see it)
// makes Dolt 1.83.2 panic, which the loader's guard turns into pgcopy's
// error. main is unchanged each time, and root's rerun works.
func TestReadOnlyTarget(t *testing.T) {
	needRoot(t, "runuser")
	dir, bin, dump := shared(t)
	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q")
	mainHash := func() string { return testenv.DoltQuery(t, target, "SELECT HASHOF('main')")[0][0] }
	before := mainHash()
	home := filepath.Join(dir, "home")
	os.Mkdir(home, 0o755)
	if out, err := exec.Command("chown", "nobody", home).CombinedOutput(); err != nil {
		t.Fatalf("chown nobody %s: %v\n%s", home, err, out)
	}
	asNobody := func(target string) (int, string) {
		cmd := exec.Command("runuser", "-u", "nobody", "--", bin, "copy", "--dump", dump, "--target", target, "-q")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "DOLT_ROOT_PATH="+home)
		return runCmdCode(t, cmd)
	}

	t.Run("owned by root", func(t *testing.T) {
		code, stderr := asNobody(target)
		wantFault(t, code, stderr, "the target "+target+" is not writable by user nobody", "permission denied",
			"hint: run pgcopy as the user who owns the target (root), or give user nobody write permission")
		if got := mainHash(); got != before {
			t.Errorf("main moved: %s, was %s", got, before)
		}
	})
	t.Run("new target in a directory of root", func(t *testing.T) {
		fresh := filepath.Join(dir, "fresh")
		code, stderr := asNobody(fresh)
		wantFault(t, code, stderr, "the target "+fresh+" is not writable by user nobody", "hint: run pgcopy as the user who owns the target")
		if _, err := os.Stat(fresh); err == nil {
			t.Errorf("%s was created", fresh)
		}
	})
	t.Run("unreadable manifest: engine panic recovered", func(t *testing.T) {
		chown := func(who string, paths ...string) {
			t.Helper()
			if out, err := exec.Command("chown", append([]string{"-R", who}, paths...)...).CombinedOutput(); err != nil {
				t.Fatalf("chown %s: %v\n%s", who, err, out)
			}
		}
		lock := filepath.Join(dir, ".db.pgcopy-lock")
		manifest := filepath.Join(target, ".dolt", "noms", "manifest")
		if _, err := os.Stat(manifest); err != nil {
			t.Fatalf("the copy left no manifest to make unreadable: %v", err)
		}
		chown("nobody", target, lock)
		chown("root", manifest)
		os.Chmod(manifest, 0o600)
		t.Cleanup(func() { chown("root", target, lock) })
		code, stderr := asNobody(target)
		wantFault(t, code, stderr, "the embedded Dolt engine (Dolt 1.83.2) panicked in github.com/dolthub/dolt/",
			"while opening the embedded engine in "+target, "nil pointer dereference",
			"hint: the engine failed in a way it does not report as an error", "nothing was published",
			"user nobody can read and write every file under "+target+"/.dolt", "with the stack trace in ")
		if i := strings.Index(stderr, "with the stack trace in "); i >= 0 {
			f := strings.Fields(stderr[i+len("with the stack trace in "):])[0]
			os.Remove(strings.TrimRight(f, ";)"))
		}
		chown("root", target, lock)
		if got := mainHash(); got != before {
			t.Errorf("main moved: %s, was %s", got, before)
		}
	})
	// root, the owner, copies again: no change since the last snapshot.
	if errOut := copyOK(t, dump, target); !strings.Contains(errOut, "no new commit") {
		t.Errorf("rerun as the owner: want no commit (unchanged source), stderr:\n%s", errOut)
	}
	if got := mainHash(); got != before {
		t.Errorf("main moved: %s, was %s", got, before)
	}
}

// TestDiskFull: a 4 MiB tmpfs holds a snapshot of chinook; a dump that
// does not fit (a PostgreSQL table of 60,000 rows of random text, about
// 4.3 MB) fails with "the disk is full", naming the file, and a hint,
// main unchanged; after the tmpfs grows, the same copy commits and leaves
// no work branch.
func TestDiskFull(t *testing.T) {
	needRoot(t, "mount", "umount")
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, `CREATE TABLE big (id int PRIMARY KEY, note text NOT NULL);
		INSERT INTO big SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 60000) g`)
	big := filepath.Join(t.TempDir(), "big.sql")
	pg.Dump(t, dbURL, big)

	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Fatalf("mount a tmpfs on %s: %v\n%s", mnt, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", mnt, err, out)
		}
	})
	target := filepath.Join(mnt, "db")
	copyOK(t, testenv.Testdata(t, "chinook/chinook.sql"), target, "-q")
	mainHash := func() string { return testenv.DoltQuery(t, target, "SELECT HASHOF('main')")[0][0] }
	before := mainHash()

	code, _, stderr := pgcopyRun(t, "copy", "--dump", big, "--target", target, "-q")
	wantFault(t, code, stderr, "the disk is full (ENOSPC): Dolt could not write "+target+"/.dolt/noms/",
		"hint: free space on the file system of "+target, "run the copy again",
		"nothing was committed; the target's branch is unchanged")
	// The dolt CLI cannot open a database on a full disk (it writes its
	// manifest when it loads), so the tmpfs grows before main is read.
	if out, err := exec.Command("mount", "-o", "remount,size=64m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount %s larger: %v\n%s", mnt, err, out)
	}
	if got := mainHash(); got != before {
		t.Fatalf("main moved: %s, was %s", got, before)
	}
	copyOK(t, big, target, "-q")
	if got := mainHash(); got == before {
		t.Errorf("the rerun after space was freed did not move main")
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM big")[0][0]; n != "60000" {
		t.Errorf("big has %s rows, want 60000", n)
	}
	if b := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_branches WHERE name LIKE 'pgcopy-work/%'")[0][0]; b != "0" {
		t.Errorf("%s work branches left after the rerun", b)
	}
}
