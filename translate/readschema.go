package translate

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// ReadOptions configures [ReadSchema].
type ReadOptions struct {
	Translate Options
	// Report receives the translator's entries and the notes of the pass;
	// when nil, a new one is used (Result.Report).
	Report *report.Report
	// SplitRows, when > 0, records where each further part of SplitRows
	// rows of a COPY block starts (CopyBlock.Parts, for --jobs).
	SplitRows int64
	// AllowIncomplete (--allow-incomplete-dump) accepts a pg_dump dump
	// without its trailer (dump.ErrIncomplete), noting it in the report.
	// An empty input (dump.ErrEmpty) is always an error.
	AllowIncomplete bool
	// Incomplete, when set, is the caller's error for an input that is
	// empty or lacks pg_dump's trailer (the error of dump.Reader.Complete),
	// and the reader's own errors are then returned as they are. When nil,
	// those errors get the hints of `pgcopy copy` (the dump was cut short:
	// dump again; --allow-incomplete-dump).
	Incomplete func(error) error
}

// CopyBlock is where a COPY block's data starts in the input, recorded in
// the first pass so that a second pass can seek to it (and load blocks in
// parallel).
type CopyBlock struct {
	Header dump.Event
	Off    int64 // byte offset of the first data line
	Line   int   // number of the line before it
	Rows   int64 // data lines
	// Parts are where each further part of ReadOptions.SplitRows rows
	// starts, when the block has more rows than that.
	Parts []BlockPart
	// Digest is the SHA-256 of the block's header statement text and of
	// every data line (each followed by "\n"), as the dump holds them: two
	// blocks with equal digests hold the same rows in the same order
	// (the nightly carry-over, internal/pipeline/nightly.go).
	Digest [32]byte
}

// BlockPart is where a part of a COPY block starts.
type BlockPart struct {
	Off  int64 // byte offset of the part's first data line
	Line int   // number of the line before it
	Row  int64 // rows of the block before it
}

// Result is what [ReadSchema] read.
type Result struct {
	// Translator has seen every statement; the second pass encodes rows
	// with it (CopyRows, InsertRows), explain reads its Plan.
	Translator *Translator
	// DB is the schema model (Translator.Finish): nil when reading failed;
	// with Finish's error, the schema as far as it was built.
	DB     *schema.Database
	Report *report.Report
	Header dump.Header // pg_dump's header comment (versions)
	Blocks []CopyBlock // every COPY block, in dump order
	// Inserts is whether the dump holds INSERT statements (pg_dump
	// --inserts), whose rows no CopyBlock.Digest covers.
	Inserts bool
	// TextBytes is the number of bytes of dump text read, which a second
	// pass must read again.
	TextBytes int64
}

// ReadSchema is pass 1 of every command (copy, verify, translate, explain,
// overrides suggest): it reads every statement of the dump text r (name is
// used in positions), feeds it to a new Translator, measures the rows
// (Translator.Measure), records every COPY block, checks the input is
// whole (dump.Reader.Complete), reads r to its end (a spooled stdin and a
// checksum need every byte) and finishes the schema (Translator.Finish).
//
// The Result is never nil; on error it holds what was read so far (the
// Translator, for explain's plan of a schema that failed). Errors are the
// reader's (file:line; a cut statement or COPY block, an empty or
// trailerless input: see ReadOptions.Incomplete), Statement's and
// Finish's.
func ReadSchema(r io.Reader, name string, opts ReadOptions) (*Result, error) {
	rep := opts.Report
	if rep == nil {
		rep = &report.Report{}
	}
	tr := New(opts.Translate, rep)
	res := &Result{Translator: tr, Report: rep}
	rd := dump.NewReader(r, name)
	cut := func(err error) error {
		if opts.Incomplete != nil {
			return err
		}
		return cutError(err)
	}
	for {
		ev, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			res.Header = rd.Header()
			return res, cut(err)
		}
		if err := tr.Statement(ev); err != nil {
			res.Header = rd.Header()
			return res, err
		}
		m := tr.Measure(ev) // lengths and digits of the rows (Measure)
		if ev.Kind == dump.Copy {
			b := CopyBlock{Header: ev, Off: rd.Offset(), Line: rd.Line()}
			h := sha256.New()
			h.Write([]byte(ev.Text))
			h.Write([]byte{'\n'})
			for {
				if opts.SplitRows > 0 && b.Rows > 0 && b.Rows%opts.SplitRows == 0 {
					b.Parts = append(b.Parts, BlockPart{Off: rd.Offset(), Line: rd.Line(), Row: b.Rows})
				}
				line, pos, err := rd.CopyRow()
				if err == io.EOF {
					break
				} else if err != nil {
					res.Header = rd.Header()
					if opts.Incomplete != nil {
						return res, err
					}
					return res, copyCutError(ev, err)
				}
				m.Row(line, pos)
				h.Write(line)
				h.Write([]byte{'\n'})
				b.Rows++
			}
			if n := len(b.Parts); n > 0 && b.Parts[n-1].Row == b.Rows {
				b.Parts = b.Parts[:n-1] // it would start at the "\." line
			}
			h.Sum(b.Digest[:0])
			res.Blocks = append(res.Blocks, b)
		} else if ev.Kind == dump.Stmt && len(ev.Text) >= 6 && strings.EqualFold(ev.Text[:6], "INSERT") {
			res.Inserts = true
		}
	}
	res.Header = rd.Header()
	if err := rd.Complete(); err != nil {
		if opts.Incomplete != nil {
			return res, opts.Incomplete(err)
		}
		if !errors.Is(err, dump.ErrIncomplete) || !opts.AllowIncomplete {
			return res, incompleteError(err)
		}
		rep.Note("--allow-incomplete-dump: %v; copied what it holds", err)
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		return res, fmt.Errorf("%s: read: %w", name, err)
	}
	res.TextBytes = rd.Offset()
	db, err := tr.Finish()
	res.DB = db
	return res, err
}

// hintCut is the hint for a dump that ends too early.
const hintCut = "the dump was cut short (a pg_dump that died, a full disk, a partial download or copy?): dump again and rerun; nothing was committed"

// incompleteError turns dump.Reader.Complete's error into pgcopy's.
func incompleteError(err error) error {
	var de *dump.Error
	pos := dump.Pos{}
	msg := err
	if errors.As(err, &de) {
		pos, msg = de.Pos, errors.New(de.Msg)
	}
	if errors.Is(err, dump.ErrEmpty) {
		return diag.New(pos, "", "", msg, "give a pg_dump dump (plain, .gz, custom, directory or tar); an empty input usually means the pg_dump feeding it failed")
	}
	return diag.New(pos, "", "", msg, hintCut+"; pass --allow-incomplete-dump to copy a dump you cut on purpose")
}

// cutError adds a hint to the reader's errors for a statement, quote or
// comment left open at the end of the input (dump.ErrIncomplete).
func cutError(err error) error {
	var de *dump.Error
	if errors.As(err, &de) && errors.Is(err, dump.ErrIncomplete) {
		return diag.New(de.Pos, "", "", errors.New(de.Msg), "the statement runs to the end of the input: "+hintCut)
	}
	return err
}

// copyCutError names the relation of a COPY block that the input ends in.
func copyCutError(ev dump.Event, err error) error {
	var de *dump.Error
	if errors.As(err, &de) && errors.Is(err, dump.ErrIncomplete) {
		return diag.New(de.Pos, copyRelation(ev.Text), "", errors.New(de.Msg), "the COPY block is cut: "+hintCut)
	}
	return err
}

// copyRelation is the relation named by "COPY name [(cols)] FROM stdin;",
// as the dump writes it (quoted identifiers keep their quotes and spaces).
func copyRelation(text string) string {
	rest := strings.TrimLeft(text[min(4, len(text)):], " \t\r\n")
	quoted := false
	for i, c := range rest {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '('):
			return rest[:i]
		}
	}
	return rest
}
