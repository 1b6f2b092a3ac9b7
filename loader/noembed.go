//go:build noembed

package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

type embeddedConnector interface {
	driver.Connector
	io.Closer
}

// openEmbeddedEngine fails in a pgcopy built with -tags noembed, which
// leaves the embedded Dolt engine out (a 10x smaller binary and resident
// set for `pgcopy translate` and sql-server targets).
func openEmbeddedEngine(string) (embeddedConnector, error) {
	return nil, errors.New("this pgcopy was built with -tags noembed and cannot write a Dolt directory: use a mysql:// target of a dolt sql-server, or a build without the tag")
}

// engineSession is the embedded engine's session; a noembed build has none.
type engineSession struct{}

func bulkSession(context.Context, *sql.Conn) (*engineSession, error) {
	return nil, fmt.Errorf("%w: this pgcopy was built with -tags noembed", errEngineSetup)
}

func (*engineSession) insertRows(string, []string, [][]any) error {
	return errors.New("this pgcopy was built with -tags noembed")
}

const doltVersion = "none (built with -tags noembed)"

func sessionOf(any) (*engineSession, error) {
	return nil, errors.New("this pgcopy was built with -tags noembed")
}

func relaxFatalIO(driver.Conn) error { return nil }
func purgeCaches(driver.Conn) error  { return nil }

type sessionTrack struct{}

func (t *Target) trackSession() error { return ErrBackgroundGC }

// Idle is a no-op without the embedded engine.
func (t *Target) Idle() {}

// Busy is a no-op without the embedded engine.
func (t *Target) Busy() error { return nil }

func (t *Target) untrack() {}
