package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// OpenOptions configures [Open].
type OpenOptions struct {
	// PgRestore is the pg_restore program for custom, directory and tar
	// format dumps. When empty: the pg_restore next to PgDump, else the one
	// on PATH, else the newest in the usual versioned install directories.
	PgRestore string
	// PgDump, when set, is where a pg_restore is looked for first.
	PgDump string
}

// Archive formats of pg_dump (manual, "pg_dump", option --format).
const (
	FormatPlain     = "plain"
	FormatCustom    = "custom"
	FormatDirectory = "directory"
	FormatTar       = "tar"
)

// DetectFormat says which pg_dump format path holds: a directory with a
// toc.dat is a directory-format dump, a file starting with "PGDMP" a
// custom-format one, a tar archive whose first member is toc.dat a
// tar-format one; anything else (including gzip) is read as plain text.
func DetectFormat(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("open dump: %w", err)
	}
	if st.IsDir() {
		if _, err := os.Stat(filepath.Join(path, "toc.dat")); err != nil {
			return "", &diag.Error{Err: fmt.Errorf("%s is a directory without toc.dat, not a directory-format dump", path),
				Hint: "give --dump a plain dump file, a custom-format file (pg_dump -Fc) or a directory made by pg_dump -Fd"}
		}
		return FormatDirectory, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open dump: %w", err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return formatOf(head[:n]), nil
}

func formatOf(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PGDMP")):
		return FormatCustom
	case len(head) >= 262 && string(head[257:262]) == "ustar" && bytes.HasPrefix(head, []byte("toc.dat\x00")):
		return FormatTar
	}
	return FormatPlain
}

// Open prepares the dump at path for reading twice, whatever its format:
// a plain dump (or a .gz of one) becomes a [File]; a custom, directory or
// tar-format dump becomes a [Restore] that streams `pg_restore -f -`. "-"
// reads stdin: plain text is spooled as [File] does, a custom or tar
// archive is first copied to a temporary file (pg_restore needs to seek).
func Open(path string, stdin io.Reader, opts OpenOptions) (Input, error) {
	if path == "-" {
		br := bufio.NewReaderSize(stdin, 1024)
		head, _ := br.Peek(512)
		if f := formatOf(head); f != FormatPlain {
			spool, err := os.CreateTemp("", "pgcopy-stdin-*.dump")
			if err != nil {
				return nil, fmt.Errorf("spool stdin: %w", err)
			}
			_, err = io.Copy(spool, br)
			if cerr := spool.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(spool.Name())
				return nil, fmt.Errorf("spool stdin: %w", err)
			}
			r, err := newRestore(spool.Name(), "stdin", f, opts)
			if err != nil {
				os.Remove(spool.Name())
				return nil, err
			}
			r.spool = spool.Name()
			return r, nil
		}
		return OpenFile("-", br)
	}
	f, err := DetectFormat(path)
	if err != nil {
		return nil, err
	}
	if f == FormatPlain {
		return OpenFile(path, stdin)
	}
	return newRestore(path, filepath.Base(filepath.Clean(path)), f, opts)
}

// Restore is a custom, directory or tar-format dump, read as the plain SQL
// script `pg_restore --file=- --no-owner --no-privileges` writes (manual,
// "pg_restore"). Every Open runs pg_restore again; no temporary file is
// made (except for an archive read from stdin).
type Restore struct {
	name string
	// Path is the archive file or directory.
	Path string
	// Format is FormatCustom, FormatDirectory or FormatTar.
	Format    string
	pgRestore string
	spool     string
	sum       string
}

var _ Input = (*Restore)(nil)

// OpenRestore prepares the archive at path (custom, directory or tar
// format). Errors: path is not such an archive, or no pg_restore is found.
func OpenRestore(path string, opts OpenOptions) (*Restore, error) {
	f, err := DetectFormat(path)
	if err != nil {
		return nil, err
	}
	if f == FormatPlain {
		return nil, fmt.Errorf("%s is a plain-format dump, not a pg_restore archive", path)
	}
	return newRestore(path, filepath.Base(filepath.Clean(path)), f, opts)
}

func newRestore(path, name, format string, opts OpenOptions) (*Restore, error) {
	prog := opts.PgRestore
	if prog == "" {
		prog = siblingTool(opts.PgDump, "pg_restore")
	}
	if prog == "" {
		if c := toolCandidates("pg_restore"); len(c) > 0 {
			prog = c[0]
		}
	}
	if prog == "" {
		return nil, &diag.Error{Err: fmt.Errorf("%s is a %s-format dump, which pgcopy reads through pg_restore, and pg_restore was not found on PATH", name, format),
			Hint: "install the PostgreSQL client programs (on Debian/Ubuntu: apt-get install postgresql-client) or pass --pg-restore PATH"}
	}
	return &Restore{name: name, Path: path, Format: format, pgRestore: prog}, nil
}

// Name is the archive's base name, or "stdin".
func (r *Restore) Name() string { return r.name }

// Open runs pg_restore and streams the SQL script it writes. The size is
// unknown (0). Reading to the end waits for pg_restore and returns its
// failure, if any, as an error.
func (r *Restore) Open() (io.ReadCloser, int64, error) {
	args := []string{"--file=-", "--no-owner", "--no-privileges"}
	if r.Format == FormatDirectory {
		args = append(args, "--format=directory")
	}
	args = append(args, r.Path)
	cmd := exec.CommandContext(context.Background(), r.pgRestore, args...)
	rc, err := startCmd(cmd, "pg_restore", nil, restoreHint)
	return rc, 0, err
}

func restoreHint(stderr string) string {
	switch {
	case strings.Contains(stderr, "unsupported version"):
		return "the dump was made by a newer pg_dump than this pg_restore can read; install a pg_restore at least as new as that pg_dump and pass it with --pg-restore"
	case strings.Contains(stderr, "not built with") || strings.Contains(stderr, "compression"):
		return "this pg_restore cannot decompress the archive; use a pg_restore from the same PostgreSQL build as the pg_dump that made it"
	}
	return "check the archive with pg_restore --list FILE"
}

// Meta names the archive and gives its SHA-256 (for a directory: of the
// sorted list of its files' names and SHA-256s).
func (r *Restore) Meta() Meta {
	if r.sum == "" {
		r.sum = r.checksum()
	}
	return Meta{Source: r.name, SHA256: r.sum}
}

func (r *Restore) checksum() string {
	hashFile := func(p string) string {
		f, err := os.Open(p)
		if err != nil {
			return ""
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return ""
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	if r.Format != FormatDirectory {
		return hashFile(r.Path)
	}
	entries, err := os.ReadDir(r.Path)
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		s := hashFile(filepath.Join(r.Path, n))
		if s == "" {
			return ""
		}
		fmt.Fprintf(h, "%s  %s\n", s, n)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Close removes the spool file of an archive read from stdin.
func (r *Restore) Close() error {
	if r.spool != "" {
		err := os.Remove(r.spool)
		r.spool = ""
		return err
	}
	return nil
}
