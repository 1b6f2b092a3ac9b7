//go:build !noembed

package loader

import (
	"database/sql/driver"
	"fmt"
	"io"

	embedded "github.com/dolthub/driver"
)

// embeddedConnector is the database/sql connector of the in-process Dolt
// engine; closing it releases the database's lock.
type embeddedConnector interface {
	driver.Connector
	io.Closer
}

// openEmbeddedEngine opens the embedded Dolt engine (github.com/dolthub/driver)
// for a DSN "file:///parent?commitname=...&commitemail=...".
func openEmbeddedEngine(dsn string) (embeddedConnector, error) {
	cfg, err := embedded.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("embedded DSN: %w", err)
	}
	return embedded.NewConnector(cfg)
}
