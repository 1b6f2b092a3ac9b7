package follow

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/pgcopy/pgcopy/internal/pipeline"
	"github.com/pgcopy/pgcopy/internal/replication"
)

// State is what a follow commit's message records: the slot and
// publication it streams from, and the LSN to resume from.
type State struct {
	Slot, Publication string
	// LSN is where the next run resumes: the first commit's slot
	// consistent point, later the end of the commit record of the last
	// transaction the commit holds (pgoutput's transaction end LSN). A
	// stream started there yields exactly the transactions that commit
	// after it.
	LSN replication.LSN
}

// ParseState reads a commit message's "slot:", "publication:" and "lsn:"
// lines; ok is false when the commit is not a follow commit (no slot or
// no valid lsn line).
func ParseState(msg string) (st State, ok bool) {
	hasLSN := false
	for _, line := range strings.Split(msg, "\n") {
		k, v, found := strings.Cut(line, ": ")
		if !found {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "slot":
			st.Slot = v
		case "publication":
			st.Publication = v
		case "lsn":
			l, err := replication.ParseLSN(v)
			if err == nil {
				st.LSN, hasLSN = l, true
			}
		}
	}
	return st, hasLSN && st.Slot != ""
}

// trailer is the part of a commit message that records the state.
func (st State) trailer() string {
	return fmt.Sprintf("slot: %s\npublication: %s\nlsn: %s\n", st.Slot, st.Publication, st.LSN)
}

// snapshotTrailer ends the first commit's message (after copy's own).
func snapshotTrailer(st State) string {
	return "follow: initial copy on the replication slot's exported snapshot\n" + st.trailer()
}

// stats are the changes of one commit.
type stats struct {
	txns                                  int64
	inserted, updated, deleted, truncated int64
}

func (s stats) rows() int64 { return s.inserted + s.updated + s.deleted }

// streamMessage is the message of a commit of streamed transactions.
func streamMessage(source string, st State, commitTime time.Time, s stats) string {
	var b strings.Builder
	fmt.Fprintf(&b, "pgcopy: follow %s up to %s\n\n", source, st.LSN)
	fmt.Fprintf(&b, "source: %s\n", source)
	b.WriteString(st.trailer())
	fmt.Fprintf(&b, "commit-time: %s\n", commitTime.UTC().Format(time.RFC3339Nano))
	fmt.Fprintf(&b, "transactions: %d\n", s.txns)
	fmt.Fprintf(&b, "rows: %d (inserted %d, updated %d, deleted %d)\n", s.rows(), s.inserted, s.updated, s.deleted)
	if s.truncated > 0 {
		fmt.Fprintf(&b, "truncated-tables: %d\n", s.truncated)
	}
	fmt.Fprintf(&b, "pgcopy-version: %s\n", pipeline.Version)
	return b.String()
}

// DefaultName is the default slot and publication name of a target
// database and branch: pgcopy_<database>_<branch>, lower-cased, every
// character other than a-z, 0-9 and _ replaced by _, and cut to
// PostgreSQL's 63 bytes with a hash of the whole when longer. Replication
// slots are per cluster: two followers of two databases of one cluster
// into targets of the same name need --slot.
func DefaultName(database, branch string) string {
	if branch == "" {
		branch = "main"
	}
	raw := "pgcopy_" + database + "_" + branch
	var b strings.Builder
	for _, r := range strings.ToLower(raw) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if len(s) > 63 {
		h := sha1.Sum([]byte(raw))
		s = s[:54] + "_" + hex.EncodeToString(h[:4])
	}
	return s
}
