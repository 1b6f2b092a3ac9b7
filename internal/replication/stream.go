package replication

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pglogrepl"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// StreamOptions configures a Stream.
type StreamOptions struct {
	Slot        string // the replication slot
	Publication string // the publication whose tables are streamed
	// Start is the LSN to stream from: the slot's consistent point on the
	// first run, the EndLSN of the last transaction made durable on a
	// later one. 0 means the slot's confirmed_flush_lsn.
	Start LSN
	// StatusInterval is how often a standby status update is sent while
	// nothing else prompts one; 0 means 10s (wal_receiver_status_interval's
	// default). It must stay well under the server's wal_sender_timeout
	// (60s by default).
	StatusInterval time.Duration
	// Buffer is how many decoded events wait for Next; 0 means 1024. The
	// connection is read (and answered) even while the buffer is full.
	Buffer int
}

// Stream is a running START_REPLICATION on a slot. One goroutine owns the
// connection: it reads and decodes pgoutput into events for Next, and sends
// the standby status updates (with the LSN given to Confirm) on time even
// while the caller is busy. Next and Confirm may be called from different
// goroutines; Close once.
type Stream struct {
	src    *Source
	conn   *pgconn.PgConn
	opts   StreamOptions
	events chan Event
	cancel context.CancelFunc
	done   chan struct{}
	wake   chan struct{}
	err    error // set before events is closed

	mu         sync.Mutex
	confirmed  LSN                // the flushed LSN to report
	walEnd     LSN                // the server's last reported WAL end
	cancelRecv context.CancelFunc // interrupts the receive in progress
	woken      bool
	closed     bool

	// owned by the goroutine
	relations  map[uint32]*Relation
	inTxn      bool
	skipTxn    bool
	lastStatus time.Time
	lastSent   LSN
}

// Stream opens a replication connection and starts streaming the slot.
//
// Errors ([diag.Error]): the slot does not exist (the hint: a first run
// creates it), the slot is in use by another process (the message names the
// slot and the walsender's pid from pg_replication_slots), the slot's WAL
// is gone (wal_status lost), or the publication does not exist.
func (s *Source) Stream(ctx context.Context, opts StreamOptions) (*Stream, error) {
	if err := checkName("replication slot", "--slot", opts.Slot); err != nil {
		return nil, err
	}
	st, err := s.Slot(ctx, opts.Slot)
	if err != nil {
		return nil, err
	}
	if !st.Exists {
		return nil, &diag.Error{Err: fmt.Errorf("replication slot %q does not exist on %s", opts.Slot, s.display),
			Hint: "the first pgcopy follow run creates it (with a full copy); check --slot"}
	}
	if st.Plugin != Plugin {
		return nil, &diag.Error{Err: fmt.Errorf("replication slot %q on %s uses output plugin %q, not %s", opts.Slot, s.display, st.Plugin, Plugin),
			Hint: "give --slot a slot that pgcopy created, or another name for a new one"}
	}
	if st.WALStatus == "lost" {
		return nil, &diag.Error{Err: fmt.Errorf("replication slot %q on %s has lost WAL it needs (wal_status lost, max_slot_wal_keep_size exceeded)", opts.Slot, s.display),
			Hint: "the changes since the last commit are gone: resnapshot (pgcopy follow --drop-slot, then a new first run)"}
	}
	if st.Active {
		return nil, s.slotInUse(opts.Slot, st.ActivePID)
	}
	if opts.Start == 0 {
		opts.Start = st.ConfirmedFlush
	}
	conn, err := s.replConnect(ctx)
	if err != nil {
		return nil, err
	}
	return s.startStream(ctx, conn, opts)
}

func (s *Source) startStream(ctx context.Context, conn *pgconn.PgConn, opts StreamOptions) (*Stream, error) {
	if err := checkName("publication", "--publication", opts.Publication); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	if opts.StatusInterval <= 0 {
		opts.StatusInterval = 10 * time.Second
	}
	if opts.Buffer <= 0 {
		opts.Buffer = 1024
	}
	args := []string{"proto_version '1'", fmt.Sprintf("publication_names '%s'", opts.Publication)}
	err := pglogrepl.StartReplication(ctx, conn, opts.Slot, pglogrepl.LSN(opts.Start),
		pglogrepl.StartReplicationOptions{Mode: pglogrepl.LogicalReplication, PluginArgs: args})
	if err != nil {
		conn.Close(context.Background())
		if pid, ok := s.activePID(ctx, err, opts.Slot); ok {
			return nil, s.slotInUse(opts.Slot, pid)
		}
		return nil, fmt.Errorf("start replication from slot %q at %s on %s: %w", opts.Slot, opts.Start, s.display, s.scrub(err))
	}
	sctx, cancel := context.WithCancel(context.Background())
	st := &Stream{
		src: s, conn: conn, opts: opts,
		events:    make(chan Event, opts.Buffer),
		cancel:    cancel,
		done:      make(chan struct{}),
		wake:      make(chan struct{}, 1),
		confirmed: opts.Start,
		relations: map[uint32]*Relation{},
	}
	go st.run(sctx)
	return st, nil
}

// Start is the LSN the stream started from.
func (st *Stream) Start() LSN { return st.opts.Start }

// Next returns the next event, waiting for it. It returns the stream's error
// once the connection failed (a *pgconn.PgError from the server, or a
// decoding error), and ctx's error when ctx ends first.
func (st *Stream) Next(ctx context.Context) (Event, error) {
	select {
	case ev, ok := <-st.events:
		if !ok {
			if st.err == nil {
				return nil, errors.New("replication: stream closed")
			}
			return nil, st.err
		}
		return ev, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Confirm sets the flushed LSN that the standby status updates report:
// everything before lsn is durable on the caller's side, and the server may
// recycle the WAL before it (pg_replication_slots.confirmed_flush_lsn). An
// update is sent at once. An lsn at or before the current one is ignored.
func (st *Stream) Confirm(lsn LSN) {
	st.mu.Lock()
	if lsn > st.confirmed {
		st.confirmed = lsn
		if st.cancelRecv != nil {
			st.cancelRecv()
		} else {
			st.woken = true
		}
	}
	st.mu.Unlock()
	select {
	case st.wake <- struct{}{}:
	default:
	}
}

// Confirmed returns the flushed LSN last given to Confirm (or the start).
func (st *Stream) Confirmed() LSN {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.confirmed
}

// ServerWALEnd returns the server's WAL end as last reported by the server
// (0 before the first report); with the last applied EndLSN it gives the lag
// in bytes.
func (st *Stream) ServerWALEnd() LSN {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.walEnd
}

// Close stops the stream: it sends a last standby status update with the
// confirmed LSN, ends the replication (CopyDone) so that the server releases
// the slot before Close returns, and closes the connection. The slot stays.
func (st *Stream) Close() error {
	st.mu.Lock()
	if st.closed {
		st.mu.Unlock()
		return nil
	}
	st.closed = true
	st.mu.Unlock()
	st.cancel()
	<-st.done
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	defer st.conn.Close(context.Background())
	if st.conn.IsClosed() {
		return nil
	}
	if err := st.sendStatus(); err != nil {
		return nil // the connection is gone; the server keeps the last update it got
	}
	st.conn.Frontend().Send(&pgproto3.CopyDone{})
	if err := st.conn.Frontend().Flush(); err != nil {
		return nil
	}
	for {
		msg, err := st.conn.ReceiveMessage(ctx)
		if err != nil {
			return nil
		}
		switch msg.(type) {
		case *pgproto3.ReadyForQuery:
			return nil
		case *pgproto3.ErrorResponse:
			return nil
		}
	}
}

// sendStatus sends a standby status update reporting the confirmed LSN as
// written, flushed and applied. Only the goroutine (or Close after it ended)
// calls it.
func (st *Stream) sendStatus() error {
	st.mu.Lock()
	lsn := st.confirmed
	st.mu.Unlock()
	err := pglogrepl.SendStandbyStatusUpdate(context.Background(), st.conn, pglogrepl.StandbyStatusUpdate{
		WALWritePosition: pglogrepl.LSN(lsn),
		WALFlushPosition: pglogrepl.LSN(lsn),
		WALApplyPosition: pglogrepl.LSN(lsn),
	})
	if err != nil {
		return err
	}
	st.lastStatus = time.Now()
	st.lastSent = lsn
	return nil
}

// run reads the connection until ctx ends or it fails.
func (st *Stream) run(ctx context.Context) {
	defer close(st.done)
	defer close(st.events)
	fail := func(err error) {
		if ctx.Err() == nil {
			st.err = err
		}
	}
	if err := st.sendStatus(); err != nil {
		fail(fmt.Errorf("send a standby status update: %w", err))
		return
	}
	for {
		if st.Confirmed() != st.lastSent || time.Since(st.lastStatus) >= st.opts.StatusInterval {
			if err := st.sendStatus(); err != nil {
				fail(fmt.Errorf("send a standby status update: %w", err))
				return
			}
		}
		rctx, rcancel := context.WithDeadline(ctx, st.lastStatus.Add(st.opts.StatusInterval))
		st.mu.Lock()
		st.cancelRecv = rcancel
		if st.woken {
			st.woken = false
			rcancel()
		}
		st.mu.Unlock()
		msg, err := st.conn.ReceiveMessage(rctx)
		st.mu.Lock()
		st.cancelRecv = nil
		st.mu.Unlock()
		rcancel()
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			if rctx.Err() != nil && !st.conn.IsClosed() {
				continue // a status update is due, or Confirm woke us
			}
			fail(st.src.scrub(fmt.Errorf("replication stream from slot %q: %w", st.opts.Slot, err)))
			return
		}
		switch msg := msg.(type) {
		case *pgproto3.CopyData:
			if err := st.handle(ctx, msg.Data); err != nil {
				fail(err)
				return
			}
		case *pgproto3.ErrorResponse:
			fail(fmt.Errorf("replication stream from slot %q: %w", st.opts.Slot, pgconn.ErrorResponseToPgError(msg)))
			return
		case *pgproto3.CopyDone:
			fail(fmt.Errorf("replication stream from slot %q: the server ended the stream", st.opts.Slot))
			return
		default:
			// NoticeResponse, ParameterStatus: nothing to do.
		}
	}
}

// deliver hands ev to Next, answering the server meanwhile. It returns false
// when ctx ended.
func (st *Stream) deliver(ctx context.Context, ev Event) (bool, error) {
	select {
	case st.events <- ev:
		return true, nil
	default:
	}
	tick := time.NewTicker(st.opts.StatusInterval / 2)
	defer tick.Stop()
	for {
		select {
		case st.events <- ev:
			return true, nil
		case <-st.wake:
			if err := st.sendStatus(); err != nil {
				return false, err
			}
		case <-tick.C:
			if err := st.sendStatus(); err != nil {
				return false, err
			}
		case <-ctx.Done():
			return false, nil
		}
	}
}

// handle processes one CopyData message of the replication stream.
func (st *Stream) handle(ctx context.Context, data []byte) error {
	if len(data) == 0 {
		return nil
	}
	switch data[0] {
	case pglogrepl.PrimaryKeepaliveMessageByteID:
		ka, err := pglogrepl.ParsePrimaryKeepaliveMessage(data[1:])
		if err != nil {
			return fmt.Errorf("replication stream from slot %q: %w", st.opts.Slot, err)
		}
		st.setWALEnd(LSN(ka.ServerWALEnd))
		if ka.ReplyRequested {
			if err := st.sendStatus(); err != nil {
				return fmt.Errorf("send a standby status update: %w", err)
			}
		}
		if !st.inTxn {
			_, err := st.deliver(ctx, &Keepalive{ServerWALEnd: LSN(ka.ServerWALEnd), ServerTime: ka.ServerTime.UTC()})
			return err
		}
		return nil
	case pglogrepl.XLogDataByteID:
		xld, err := pglogrepl.ParseXLogData(data[1:])
		if err != nil {
			return fmt.Errorf("replication stream from slot %q: %w", st.opts.Slot, err)
		}
		st.setWALEnd(LSN(xld.ServerWALEnd))
		ev, err := st.decode(xld.WALData)
		if err != nil {
			return fmt.Errorf("replication stream from slot %q at %s: %w", st.opts.Slot, LSN(xld.WALStart), err)
		}
		if ev == nil {
			return nil
		}
		_, err = st.deliver(ctx, ev)
		return err
	}
	return nil
}

func (st *Stream) setWALEnd(l LSN) {
	st.mu.Lock()
	if l > st.walEnd {
		st.walEnd = l
	}
	st.mu.Unlock()
}

// decode turns one pgoutput message into an event; nil means nothing to
// deliver (a message of a skipped transaction, an origin, ...). The
// message's bytes are copied: the connection reuses its buffer.
func (st *Stream) decode(wal []byte) (Event, error) {
	msg, err := pglogrepl.Parse(wal)
	if err != nil {
		return nil, fmt.Errorf("decode pgoutput message: %w", err)
	}
	switch m := msg.(type) {
	case *pglogrepl.RelationMessage:
		rel := &Relation{OID: m.RelationID, Schema: m.Namespace, Name: m.RelationName, ReplicaIdentity: m.ReplicaIdentity}
		for _, c := range m.Columns {
			rel.Columns = append(rel.Columns, Column{Name: c.Name, TypeOID: c.DataType, TypeMod: c.TypeModifier, Key: c.Flags&1 != 0})
		}
		st.relations[m.RelationID] = rel
		return rel, nil
	case *pglogrepl.TypeMessage:
		return &Type{OID: m.DataType, Schema: m.Namespace, Name: m.Name}, nil
	case *pglogrepl.BeginMessage:
		if st.inTxn {
			return nil, errors.New("BEGIN inside a transaction")
		}
		st.inTxn = true
		// The server sends only transactions whose commit record starts at
		// or after the start LSN; drop any other all the same.
		st.skipTxn = LSN(m.FinalLSN) < st.opts.Start
		if st.skipTxn {
			return nil, nil
		}
		return &Begin{CommitLSN: LSN(m.FinalLSN), CommitTime: m.CommitTime.UTC(), XID: m.Xid}, nil
	case *pglogrepl.CommitMessage:
		if !st.inTxn {
			return nil, errors.New("COMMIT outside a transaction")
		}
		st.inTxn = false
		if st.skipTxn {
			st.skipTxn = false
			return nil, nil
		}
		return &Commit{CommitLSN: LSN(m.CommitLSN), EndLSN: LSN(m.TransactionEndLSN), CommitTime: m.CommitTime.UTC()}, nil
	case *pglogrepl.InsertMessage:
		if st.skipTxn {
			return nil, nil
		}
		rel, err := st.relation(m.RelationID)
		if err != nil {
			return nil, err
		}
		tup, err := tuple(rel, m.Tuple)
		if err != nil {
			return nil, err
		}
		return &Insert{Rel: rel, New: tup}, nil
	case *pglogrepl.UpdateMessage:
		if st.skipTxn {
			return nil, nil
		}
		rel, err := st.relation(m.RelationID)
		if err != nil {
			return nil, err
		}
		ev := &Update{Rel: rel, OldKind: m.OldTupleType}
		if m.OldTuple != nil {
			if ev.Old, err = tuple(rel, m.OldTuple); err != nil {
				return nil, err
			}
		}
		if ev.New, err = tuple(rel, m.NewTuple); err != nil {
			return nil, err
		}
		return ev, nil
	case *pglogrepl.DeleteMessage:
		if st.skipTxn {
			return nil, nil
		}
		rel, err := st.relation(m.RelationID)
		if err != nil {
			return nil, err
		}
		old, err := tuple(rel, m.OldTuple)
		if err != nil {
			return nil, err
		}
		return &Delete{Rel: rel, OldKind: m.OldTupleType, Old: old}, nil
	case *pglogrepl.TruncateMessage:
		if st.skipTxn {
			return nil, nil
		}
		ev := &Truncate{Cascade: m.Option&pglogrepl.TruncateOptionCascade != 0,
			RestartIdentity: m.Option&pglogrepl.TruncateOptionRestartIdentity != 0}
		for _, id := range m.RelationIDs {
			rel, err := st.relation(id)
			if err != nil {
				return nil, err
			}
			ev.Rels = append(ev.Rels, rel)
		}
		return ev, nil
	default:
		// Origin, logical decoding messages (not requested): nothing to do.
		return nil, nil
	}
}

func (st *Stream) relation(id uint32) (*Relation, error) {
	rel, ok := st.relations[id]
	if !ok {
		return nil, fmt.Errorf("change for relation %d before its Relation message", id)
	}
	return rel, nil
}

// tuple copies pgoutput's TupleData into a Tuple of rel.
func tuple(rel *Relation, td *pglogrepl.TupleData) (Tuple, error) {
	if td == nil {
		return nil, fmt.Errorf("table %s: change without a tuple", rel.QualifiedName())
	}
	if len(td.Columns) != len(rel.Columns) {
		return nil, fmt.Errorf("table %s: tuple of %d columns, relation of %d", rel.QualifiedName(), len(td.Columns), len(rel.Columns))
	}
	out := make(Tuple, len(td.Columns))
	for i, c := range td.Columns {
		switch c.DataType {
		case pglogrepl.TupleDataTypeNull:
			out[i] = Value{Kind: Null}
		case pglogrepl.TupleDataTypeToast:
			out[i] = Value{Kind: Unchanged}
		case pglogrepl.TupleDataTypeText:
			out[i] = Value{Kind: Text, Text: string(c.Data)}
		default:
			return nil, fmt.Errorf("table %s, column %s: value of kind %q (only text values are requested)", rel.QualifiedName(), rel.Columns[i].Name, c.DataType)
		}
	}
	return out, nil
}
