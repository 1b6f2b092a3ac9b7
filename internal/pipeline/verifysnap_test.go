package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// TestVerifySnapshotNeedsLive: --verify has nothing to compare a dump file
// with.
func TestVerifySnapshotNeedsLive(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.sql")
	os.WriteFile(p, []byte("SELECT 1;\n"), 0o644)
	f, err := source.OpenFile(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = verifySnapshot(context.Background(), f, nil, &schema.Database{})
	if err == nil || !strings.Contains(diag.HintOf(err), "--source") {
		t.Errorf("Snapshot on a file: %v", err)
	}
}
