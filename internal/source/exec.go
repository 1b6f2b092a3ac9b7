package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"

	"github.com/pgcopy/pgcopy/internal/diag"
)

// cmdReader streams the standard output of a running pg_dump or pg_restore.
// Read returns io.EOF only after the program exited successfully; if it
// failed, Read returns an error holding the end of its stderr (with
// secrets removed) and a hint. Close stops the program if it still runs.
type cmdReader struct {
	cmd    *exec.Cmd
	stdout io.ReadCloser
	stderr *tailBuffer
	prog   string // "pg_dump", "pg_restore"
	scrub  scrubber
	hint   func(stderr string) string

	once    sync.Once
	waitErr error
	done    bool
}

// startCmd starts cmd with its stdout piped to the returned reader. The
// process is killed when ctx ends.
func startCmd(cmd *exec.Cmd, prog string, scrub scrubber, hint func(string) string) (*cmdReader, error) {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	tail := &tailBuffer{max: 8 << 10}
	cmd.Stderr = tail
	setParentDeath(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", prog, scrub.Error(err))
	}
	return &cmdReader{cmd: cmd, stdout: out, stderr: tail, prog: prog, scrub: scrub, hint: hint}, nil
}

func (r *cmdReader) Read(p []byte) (int, error) {
	if r.done {
		return 0, r.result()
	}
	n, err := r.stdout.Read(p)
	if err == io.EOF {
		r.done = true
		if n > 0 {
			return n, nil
		}
		return 0, r.result()
	}
	if err != nil {
		return n, fmt.Errorf("read %s output: %w", r.prog, err)
	}
	return n, nil
}

// result waits for the program and turns a failure into an error; io.EOF
// when it succeeded.
func (r *cmdReader) result() error {
	r.once.Do(func() { r.waitErr = r.cmd.Wait() })
	if r.waitErr == nil {
		return io.EOF
	}
	return r.failure(r.waitErr)
}

func (r *cmdReader) failure(err error) error {
	msg := strings.TrimSpace(r.scrub.String(r.stderr.String()))
	var ee *exec.ExitError
	status := r.scrub.String(err.Error())
	if errors.As(err, &ee) {
		status = ee.ProcessState.String()
	}
	text := fmt.Sprintf("%s failed (%s)", r.prog, status)
	if msg != "" {
		text += ":\n  " + strings.ReplaceAll(msg, "\n", "\n  ")
	}
	hint := ""
	if r.hint != nil {
		hint = r.hint(msg)
	}
	return &diag.Error{Err: errors.New(text), Hint: hint}
}

// Close stops the program if it has not finished, and reaps it.
func (r *cmdReader) Close() error {
	if !r.done && r.cmd.Process != nil {
		r.cmd.Process.Kill()
	}
	r.stdout.Close()
	r.once.Do(func() { r.waitErr = r.cmd.Wait() })
	return nil
}

// tailBuffer keeps the first and last bytes written to it, up to max in
// all, so a chatty program cannot fill memory.
type tailBuffer struct {
	mu      sync.Mutex
	max     int
	head    bytes.Buffer
	tail    []byte
	dropped bool
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := len(p)
	if room := b.max/2 - b.head.Len(); room > 0 {
		k := min(room, len(p))
		b.head.Write(p[:k])
		p = p[k:]
	}
	if len(p) > 0 {
		b.tail = append(b.tail, p...)
		if over := len(b.tail) - b.max/2; over > 0 {
			b.tail = append(b.tail[:0], b.tail[over:]...)
			b.dropped = true
		}
	}
	return n, nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.dropped {
		return b.head.String() + "\n...\n" + string(b.tail)
	}
	return b.head.String() + string(b.tail)
}

// runOutput runs a program to completion and returns its stdout, for short
// calls such as `pg_dump --version`.
func runOutput(ctx context.Context, path string, args ...string) (string, error) {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %v: %s", path, strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}
