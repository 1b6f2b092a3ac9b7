// Package dump reads a pg_dump plain-format (SQL script) dump as a stream of
// events: SQL statements, COPY blocks and psql meta-commands, each with the
// line number and column where it starts ([Event.At] turns an offset into
// the statement text into a line and column).
//
// In: an io.Reader over the dump text (already decompressed) and a file name
// used in positions. Out: [Event] values from [Reader.Next]; the data lines of
// a COPY block from [Reader.CopyRow]; the header facts (pg_dump and server
// versions) from [Reader.Header].
//
// The reader splits; it never parses SQL beyond the lexical rules it needs
// to find statement ends (quotes, E'...' strings, dollar quotes, comments),
// it never decodes COPY field values, and it never holds more than one
// statement or one data line in memory. The format follows the PostgreSQL
// manual, "pg_dump" (Notes on the plain-text format) and "COPY" (File
// Formats, Text Format); the splitting rules follow "Lexical Structure"
// (§4.1) and, where psql decides, psql's own rules (a ';' inside
// parentheses or inside a BEGIN ATOMIC ... END routine body does not end a
// statement).
//
// A typical loop:
//
//	r := dump.NewReader(f, "pagila.sql")
//	for {
//		ev, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // "pagila.sql:1234: ..."
//		}
//		switch ev.Kind {
//		case dump.Stmt: // ev.Text is one statement, ending in ';'
//		case dump.Meta: // ev.Text is a psql meta-command such as `\restrict KEY`
//		case dump.Copy: // ev.Text is "COPY ... FROM stdin;"
//			for {
//				line, pos, err := r.CopyRow()
//				if err == io.EOF {
//					break // the `\.` line was read
//				}
//				if err != nil {
//					return err
//				}
//				_, _ = line, pos // line is only valid until the next call
//			}
//		}
//	}
//
// After io.EOF, [Reader.Complete] tells whether the input was a whole dump:
// not empty and, for pg_dump output, ending with pg_dump's trailer. The
// reader only reports it; the pipeline decides (--allow-incomplete-dump).
//
// Errors are *[Error] values whose text starts with the position, e.g.
// "pagila.sql:1234: unterminated dollar-quoted string started here".
package dump
