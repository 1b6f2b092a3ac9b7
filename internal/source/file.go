package source

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// File is a dump file (or stdin) that can be read more than once.
type File struct {
	name string
	// Path is the file read; for stdin, the spool file.
	Path string
	gz   bool

	sum   hash.Hash
	size  int64 // the file's size at the first Open; a later Open must find the same
	spool *os.File
	stdin io.Reader
}

// OpenFile prepares the dump at path: a plain pg_dump file, a .gz of one,
// or "-" for stdin (which may also be gzip-compressed).
func OpenFile(path string, stdin io.Reader) (*File, error) {
	if path == "-" {
		return &File{name: "stdin", stdin: stdin}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open dump: %w", err)
	}
	defer f.Close()
	magic := make([]byte, 2)
	n, _ := io.ReadFull(f, magic)
	return &File{name: filepath.Base(path), Path: path, gz: n == 2 && magic[0] == 0x1f && magic[1] == 0x8b}, nil
}

// Open returns a reader over the dump's decompressed text, and the number
// of bytes the underlying file holds (0 when unknown). The first Open of
// stdin copies everything it reads to a spool file that later Opens read.
// The SHA-256 of the dump's bytes as stored (compressed if gzip) is
// computed during the first Open; see [Source.SHA256].
func (s *File) Open() (io.ReadCloser, int64, error) {
	var raw io.Reader
	var closers []io.Closer
	var size int64
	if s.stdin != nil && s.spool == nil {
		f, err := os.CreateTemp("", "pgcopy-stdin-*.dump")
		if err != nil {
			return nil, 0, fmt.Errorf("spool stdin: %w", err)
		}
		s.spool = f
		s.Path = f.Name()
		raw = io.TeeReader(s.stdin, f)
		br := bufio.NewReader(raw)
		if m, err := br.Peek(2); err == nil && m[0] == 0x1f && m[1] == 0x8b {
			s.gz = true
		}
		raw = br
	} else {
		f, err := os.Open(s.Path)
		if err != nil {
			return nil, 0, fmt.Errorf("open dump: %w", err)
		}
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		if s.sum == nil {
			s.size = size
		} else if s.stdin == nil && size != s.size {
			// a later pass must read the file the first one read
			f.Close()
			return nil, 0, &diag.Error{
				Err:  fmt.Errorf("%s changed between pgcopy's two passes over it: %d bytes, then %d", s.name, s.size, size),
				Hint: "something rewrote or cut the dump file during the copy; copy from a finished dump; nothing was committed",
			}
		}
		raw = f
		closers = append(closers, f)
	}
	if s.sum == nil {
		s.sum = sha256.New()
		raw = io.TeeReader(raw, s.sum)
	}
	if s.gz {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: gzip: %w", s.name, err)
		}
		return &readCloser{Reader: zr, closers: append([]io.Closer{zr}, closers...)}, size, nil
	}
	return &readCloser{Reader: raw, closers: closers}, size, nil
}

// Name is the name used in positions and messages: the file's base name,
// or "stdin".
func (s *File) Name() string { return s.name }

// Meta describes the file for the commit message: its name and SHA-256.
func (s *File) Meta() Meta {
	return Meta{Source: s.name, SHA256: s.SHA256()}
}

// SHA256 returns the hex SHA-256 of the dump as stored, valid after the
// first pass read it to the end.
func (s *File) SHA256() string {
	if s.sum == nil {
		return ""
	}
	return hex.EncodeToString(s.sum.Sum(nil))
}

// Close removes the stdin spool file, if any.
func (s *File) Close() error {
	if s.spool != nil {
		s.spool.Close()
		return os.Remove(s.spool.Name())
	}
	return nil
}

func (s *File) String() string {
	if s.stdin != nil {
		return "stdin"
	}
	return s.Path
}

type readCloser struct {
	io.Reader
	closers []io.Closer
}

func (r *readCloser) Close() error {
	var first error
	for _, c := range r.closers {
		if err := c.Close(); err != nil && first == nil && !strings.Contains(err.Error(), "already closed") {
			first = err
		}
	}
	return first
}

// Seekable is an Input whose plain dump text can be opened at a byte
// offset, so COPY blocks can be loaded in parallel.
type Seekable interface {
	Input
	// OpenAt returns a reader over the dump text from byte off.
	OpenAt(off int64) (io.ReadCloser, error)
}

// OpenAt implements [Seekable] for an uncompressed file, or stdin once its
// spool file is complete (after the first Open was read to the end). It
// fails for gzip input.
func (s *File) OpenAt(off int64) (io.ReadCloser, error) {
	if s.gz {
		return nil, fmt.Errorf("%s: a gzip dump cannot be read from an offset", s.name)
	}
	if s.Path == "" {
		return nil, fmt.Errorf("%s: not spooled yet", s.name)
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, fmt.Errorf("open dump: %w", err)
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("seek dump: %w", err)
	}
	return f, nil
}

// CanSeek reports whether OpenAt works for this file.
func (s *File) CanSeek() bool { return !s.gz }
