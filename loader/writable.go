package loader

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// checkWritable fails, before the embedded engine opens database name in
// directory root, when this process cannot write where the run will
// write: the database's directory, its .dolt and .dolt/noms (where Dolt
// keeps its journal and lock), the run's lock file next to it, and root
// itself when the database or the lock file is still to be made. Each
// place is probed by creating and removing a file in it (access(2) would
// not see a read-only mount or ACLs the same way Dolt's writes do).
//
// Without it, Dolt 1.83.2 opens a database it cannot write as a nil
// DoltDB and then panics in engine.newDatabase (SetCrashOnFatalError on
// it: nil pointer dereference, doltdb.go:2094), or, when $HOME does not
// exist either, leaves it out: "database not found".
func checkWritable(root, name string) error {
	dir := filepath.Join(root, name)
	var probe []string
	if _, err := os.Stat(dir); err != nil {
		probe = append(probe, root)
	} else {
		probe = append(probe, dir)
		for _, sub := range []string{".dolt", filepath.Join(".dolt", "noms")} {
			if st, err := os.Stat(filepath.Join(dir, sub)); err == nil && st.IsDir() {
				probe = append(probe, filepath.Join(dir, sub))
			}
		}
	}
	lock := lockFile(root, name)
	if f, err := os.OpenFile(lock, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if errors.Is(err, os.ErrNotExist) {
		if probe[0] != root {
			probe = append(probe, root)
		}
	} else {
		return notWritable(dir, lock, err)
	}
	for _, p := range probe {
		f, err := os.CreateTemp(p, ".pgcopy-probe-*")
		if err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return &diag.Error{Err: fmt.Errorf("the disk is full (ENOSPC): cannot create a file in %s: %w", p, err), Hint: diskFullHint(dir)}
			}
			return notWritable(dir, p, err)
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}

// notWritable is the error of a target that this process's user cannot
// write; path is the place that failed.
func notWritable(dir, path string, err error) error {
	me := currentUser()
	owner := ownerOf(path)
	hint := "run pgcopy as the user who owns the target"
	if owner != "" {
		hint += " (" + owner + ")"
	}
	hint += ", or give user " + me + " write permission on it (chown -R " + me + " " + dir + ", or chmod -R u+w / g+w); a read-only file system cannot hold a target"
	return &diag.Error{
		Err:  fmt.Errorf("the target %s is not writable by user %s: %w; nothing was changed", dir, me, err),
		Hint: hint,
	}
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "uid " + strconv.Itoa(os.Getuid())
}

// ownerOf names the owner of path, or "" when unknown.
func ownerOf(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return ""
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	uid := strconv.FormatUint(uint64(sys.Uid), 10)
	if u, err := user.LookupId(uid); err == nil {
		return u.Username
	}
	return "uid " + uid
}

// checkHome fails when the embedded engine has no home directory: Dolt
// reads its global configuration from $DOLT_ROOT_PATH, else $HOME/.dolt,
// and Dolt 1.83.2 leaves a database out of the engine when that
// directory's stat fails, so the run would end in "database not found"
// (seen as the user nobody, whose home is /nonexistent).
func checkHome() error {
	if os.Getenv("DOLT_ROOT_PATH") != "" {
		return nil
	}
	home, err := os.UserHomeDir()
	if err == nil {
		_, err = os.Stat(home)
	}
	if err == nil {
		return nil
	}
	return &diag.Error{
		Err:  fmt.Errorf("the embedded Dolt engine needs a home directory for user %s: %w", currentUser(), err),
		Hint: "set HOME, or DOLT_ROOT_PATH (where Dolt keeps its global configuration), to a directory user " + currentUser() + " can write",
	}
}
