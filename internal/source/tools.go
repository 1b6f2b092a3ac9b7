package source

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// pgVersion is a PostgreSQL major version as one number: 1500 for 15.x,
// 906 for 9.6.x (before version 10 the major version had two parts).
type pgVersion int

func (v pgVersion) String() string {
	if v >= 1000 {
		return strconv.Itoa(int(v) / 100)
	}
	return fmt.Sprintf("%d.%d", v/100, v%100)
}

// majorFromNum turns server_version_num (150018, 90624) into a pgVersion.
func majorFromNum(num int) pgVersion {
	if num >= 100000 {
		return pgVersion(num / 10000 * 100)
	}
	return pgVersion(num / 100)
}

var versionRe = regexp.MustCompile(`\)\s+(\d+)(?:\.(\d+))?`)

// parseToolVersion reads the major version from `pg_dump --version` output,
// "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" or
// "pg_dump (PostgreSQL) 9.6.24" or "pg_dump (PostgreSQL) 18devel".
func parseToolVersion(out string) (pgVersion, string, bool) {
	line := strings.TrimSpace(strings.SplitN(out, "\n", 2)[0])
	m := versionRe.FindStringSubmatch(line)
	if m == nil {
		return 0, line, false
	}
	major, _ := strconv.Atoi(m[1])
	if major >= 10 {
		return pgVersion(major * 100), line, true
	}
	minor, _ := strconv.Atoi(m[2])
	return pgVersion(major*100 + minor), line, true
}

// toolVersion runs `prog --version`.
func toolVersion(ctx context.Context, path string) (pgVersion, string, error) {
	out, err := runOutput(ctx, path, "--version")
	if err != nil {
		return 0, "", err
	}
	v, line, ok := parseToolVersion(out)
	if !ok {
		return 0, line, fmt.Errorf("%s --version printed %q, not a PostgreSQL version", path, line)
	}
	return v, line, nil
}

// toolCandidates lists where a PostgreSQL client program may be: the one on
// PATH first, then the versioned install directories of Debian/Ubuntu
// (/usr/lib/postgresql/N/bin), RHEL (/usr/pgsql-N/bin) and Homebrew
// (/opt/homebrew/opt/postgresql@N/bin, /usr/local/opt/postgresql@N/bin),
// newest first.
func toolCandidates(name string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if p == "" || seen[p] {
			return
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			seen[p] = true
			out = append(out, p)
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		add(p)
	}
	var dirs []string
	for _, g := range []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin", "/usr/local/opt/postgresql@*/bin"} {
		m, _ := filepath.Glob(g)
		dirs = append(dirs, m...)
	}
	num := regexp.MustCompile(`\d+`)
	key := func(d string) int {
		n, _ := strconv.Atoi(num.FindString(d))
		return n
	}
	sort.SliceStable(dirs, func(i, j int) bool { return key(dirs[i]) > key(dirs[j]) })
	for _, d := range dirs {
		add(filepath.Join(d, name))
	}
	return out
}

// siblingTool returns the program name next to another program (pg_restore
// next to a given pg_dump), or "" when there is none.
func siblingTool(of, name string) string {
	if of == "" {
		return ""
	}
	p := filepath.Join(filepath.Dir(of), name)
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return p
	}
	return ""
}
