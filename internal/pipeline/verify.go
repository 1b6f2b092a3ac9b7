package pipeline

import (
	"context"
	"io"

	"github.com/pgcopy/pgcopy/internal/source"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/verify"
)

// VerifyOptions configures [Verify].
type VerifyOptions struct {
	Source string             // PostgreSQL connection string (source.OpenLive)
	Live   source.LiveOptions // pg_dump, --table, --exclude-table, --schema
	Target string             // directory or mysql:// URL of the copy
	// TargetPassword is the password source for a mysql:// target.
	TargetPassword loader.PasswordSource
	Branch         string // the branch to read; "" is the target's checked-out branch
	// Translate is the shape of the copy: the same options (overrides,
	// --schemas, --infer-lengths) as the copy was given.
	Translate translate.Options
}

// Verify is `pgcopy verify`: it opens the source on one snapshot
// (source.OpenLive), reads its schema-only dump through pass 1
// (verify.Schema, translate.ReadSchema) with the copy's options, as Copy
// does, opens the target for reading (loader.OpenExisting) and compares
// every table (verify.Tables). It returns the results and the source's
// metadata (snapshot, time); differences are results, not an error.
func Verify(ctx context.Context, opts VerifyOptions) ([]verify.TableResult, source.Meta, error) {
	live, err := source.OpenLive(ctx, opts.Source, opts.Live)
	if err != nil {
		return nil, source.Meta{}, err
	}
	defer live.Close()
	rc, err := live.SchemaDump()
	if err != nil {
		return nil, live.Meta(), err
	}
	topts, err := targetOptions(opts.Translate, opts.Target)
	if err != nil {
		rc.Close()
		return nil, live.Meta(), err
	}
	db, err := verify.Schema(rc, live.Name(), topts)
	if err == nil {
		// reading to the end reports a pg_dump failure
		_, err = io.Copy(io.Discard, rc)
	}
	rc.Close()
	if err != nil {
		return nil, live.Meta(), err
	}
	dolt, closeDolt, err := loader.OpenExisting(ctx, opts.Target, opts.TargetPassword, opts.Branch)
	if err != nil {
		return nil, live.Meta(), err
	}
	defer closeDolt()
	if b := opts.Branch; b != "" {
		// the tables of other databases are read on the branch too, as
		// revision databases (DB/BRANCH)
		for _, t := range db.Tables {
			if t.Database != "" {
				t.Database += "/" + b
			}
		}
	}
	res, err := verify.Tables(ctx, live.Tx(), dolt, db)
	return res, live.Meta(), err
}

// targetOptions completes the translate options for the target as a copy
// does: with --schemas databases and no --database, the database of
// schema S is NAME_S where NAME is the target's database.
func targetOptions(opts translate.Options, target string) (translate.Options, error) {
	if opts.Schemas == translate.SchemasDatabases && opts.Database == "" {
		name, err := loader.DatabaseName(target)
		if err != nil {
			return opts, err
		}
		opts.Database = name
	}
	return opts, nil
}
