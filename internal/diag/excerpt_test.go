package diag

import (
	"errors"
	"strings"
	"testing"
)

func TestExcerpt(t *testing.T) {
	if got := Excerpt("short", 200); got != "short" {
		t.Errorf("Excerpt(short) = %q", got)
	}
	big := strings.Repeat("é", 5_000_000) // 10,000,000 bytes
	got := Excerpt(big, 201)
	if !strings.HasSuffix(got, "... (10000000 bytes)") || len(got) > 230 || !strings.HasPrefix(got, strings.Repeat("é", 100)+"...") {
		t.Errorf("Excerpt(10 MB) = %q", got)
	}
	base := errors.New(big)
	err := ExcerptErr(base, ExcerptLen)
	if len(err.Error()) > 230 || !errors.Is(err, base) {
		t.Errorf("ExcerptErr: %d bytes, Is %v", len(err.Error()), errors.Is(err, base))
	}
}
