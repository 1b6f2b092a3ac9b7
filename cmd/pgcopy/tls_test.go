package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// selfSignedCert writes a self-signed server certificate for 127.0.0.1
// and localhost (its own CA) and its key to dir, as PEM files.
func selfSignedCert(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "pgcopy test dolt sql-server"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile = testenv.WriteFile(t, dir, "cert.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	keyFile = testenv.WriteFile(t, dir, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}))
	return certFile, keyFile
}

// TestTargetTLS copies into a dolt sql-server that serves a self-signed
// certificate and refuses plaintext (require_secure_transport): without
// ?tls= the copy fails with pgcopy's error and a hint naming ?tls=;
// ?tls=skip-verify and ?tls=true&tls-ca=CERT copy; ?tls=true without the
// CA is refused with a hint naming tls-ca; pgcopy verify takes the same
// URL; an unknown parameter is a usage error (exit 2) for copy and
// verify; the password comes from PGCOPY_TARGET_PASSWORD or
// --target-password-file and never shows in stdout, stderr or the report.
func TestTargetTLS(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	dump, pgURL := dumpDB(t, pg, `CREATE TABLE item (id int PRIMARY KEY, name text);
		INSERT INTO item VALUES (1, 'one'), (2, 'two'), (3, 'three');`, dir, "items.sql")
	certFile, keyFile := selfSignedCert(t, t.TempDir())
	dsn := testenv.DoltServerConfig(t, t.TempDir(), func(port int) string {
		return fmt.Sprintf("log_level: info\nlistener:\n  host: 127.0.0.1\n  port: %d\n  tls_key: %s\n  tls_cert: %s\n  require_secure_transport: true\n",
			port, keyFile, certFile)
	})
	addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
	// the test's own client checks the server's TLS with the same CA
	admin := mustOpenMy(t, dsn+"?tls=skip-verify")
	const password = "Tls-pw-7e3b91" // a copier's password; it must never be printed
	for _, q := range []string{"CREATE USER 'copier'@'%' IDENTIFIED BY '" + password + "'",
		"GRANT ALL PRIVILEGES ON *.* TO 'copier'@'%' WITH GRANT OPTION"} {
		if _, err := admin.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	rows := func(t *testing.T, db string) {
		t.Helper()
		if n := queryInt(t, admin, "SELECT COUNT(*) FROM `"+db+"`.item"); n != 3 {
			t.Errorf("%s.item has %d rows, want 3", db, n)
		}
	}
	noSecret := func(t *testing.T, what, out string) {
		t.Helper()
		if strings.Contains(out, password) {
			t.Errorf("%s holds the target password:\n%s", what, out)
		}
	}
	ca := "tls-ca=" + certFile

	t.Run("plaintext refused", func(t *testing.T) {
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", "mysql://root@"+addr+"/plain", "-q")
		if code != exitError || strings.Contains(out+errOut, "panic") {
			t.Fatalf("exit %d, want %d\n%s%s", code, exitError, out, errOut)
		}
		for _, w := range []string{"pgcopy: error: connect to mysql://root@" + addr + "/plain", "insecure connections", "hint: the server requires TLS", "?tls=true", "nothing was committed"} {
			if !strings.Contains(errOut, w) {
				t.Errorf("stderr lacks %q:\n%s", w, errOut)
			}
		}
	})
	t.Run("skip-verify", func(t *testing.T) {
		copyOK(t, dump, "mysql://root@"+addr+"/skipdb?tls=skip-verify", "-q")
		rows(t, "skipdb")
	})
	t.Run("ca", func(t *testing.T) {
		target := "mysql://root@" + addr + "/cadb?tls=true&" + ca
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "-q")
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		if !strings.Contains(out, "to mysql://root@"+addr+"/cadb?tls=true") {
			t.Errorf("stdout does not name the target with its TLS mode:\n%s", out)
		}
		rows(t, "cadb")
		verifyRun(t, 0, "--source", pgURL, "--target", target, "-q")
		// tls-ca alone means tls=true; localhost is in the certificate too
		port := addr[strings.LastIndex(addr, ":")+1:]
		verifyRun(t, 0, "--source", pgURL, "--target", "mysql://root@localhost:"+port+"/cadb?"+ca, "-q")
	})
	t.Run("untrusted certificate", func(t *testing.T) {
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", "mysql://root@"+addr+"/nocadb?tls=true", "-q")
		if code != exitError || !strings.Contains(errOut, "certificate") || !strings.Contains(errOut, "tls-ca=FILE") {
			t.Errorf("exit %d, want %d and a hint naming tls-ca\n%s%s", code, exitError, out, errOut)
		}
	})
	t.Run("unknown parameter", func(t *testing.T) {
		for _, args := range [][]string{
			{"copy", "--dump", dump, "--target", "mysql://copier:" + password + "@" + addr + "/db?tls=true&sslmode=require"},
			{"verify", "--source", pgURL, "--target", "mysql://copier:" + password + "@" + addr + "/db?tls=true&sslmode=require"},
		} {
			code, out, errOut := pgcopyRun(t, args...)
			if code != exitUsage {
				t.Errorf("%s: exit %d, want %d\n%s%s", args[0], code, exitUsage, out, errOut)
			}
			for _, w := range []string{`target URL parameter "sslmode" is unknown`, "hint: the target URL takes tls=false|true|skip-verify|preferred, tls-ca=FILE, timeout=DURATION"} {
				if !strings.Contains(errOut, w) {
					t.Errorf("%s: stderr lacks %q:\n%s", args[0], w, errOut)
				}
			}
			noSecret(t, args[0]+" output", out+errOut)
		}
	})
	t.Run("password from env", func(t *testing.T) {
		target := "mysql://copier@" + addr + "/envdb?tls=true&" + ca
		report := filepath.Join(t.TempDir(), "report.json")
		env := runOpts{env: []string{"PGCOPY_TARGET_PASSWORD=" + password}}
		code, out, errOut := runPgcopy(t, env, "copy", "--dump", dump, "--target", target, "--report", report)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		rows(t, "envdb")
		rep, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		noSecret(t, "copy output", out+errOut)
		noSecret(t, "the report", string(rep))
		code, out, errOut = runPgcopy(t, env, "verify", "--source", pgURL, "--target", target)
		if code != 0 {
			t.Errorf("verify: exit %d\n%s%s", code, out, errOut)
		}
		noSecret(t, "verify output", out+errOut)
		// a wrong password fails with a hint, and is not printed either
		code, out, errOut = runPgcopy(t, runOpts{env: []string{"PGCOPY_TARGET_PASSWORD=wrong-" + password}},
			"copy", "--dump", dump, "--target", target, "-q")
		if code != exitError || !strings.Contains(errOut, "hint: check the user and the password") {
			t.Errorf("wrong password: exit %d, want %d and a hint\n%s%s", code, exitError, out, errOut)
		}
		noSecret(t, "wrong-password output", out+errOut)
	})
	t.Run("password from file", func(t *testing.T) {
		pwFile := testenv.WriteFile(t, t.TempDir(), "pw", []byte(password+"\n"))
		target := "mysql://copier@" + addr + "/filedb?tls=skip-verify"
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "--target-password-file", pwFile)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		noSecret(t, "copy output", out+errOut)
		rows(t, "filedb")
		code, out, errOut = pgcopyRun(t, "verify", "--source", pgURL, "--target", target, "--target-password-file", pwFile)
		if code != 0 {
			t.Errorf("verify: exit %d\n%s%s", code, out, errOut)
		}
		noSecret(t, "verify output", out+errOut)
		// the file beats the environment; the URL's password and the file together are refused
		code, out, errOut = runPgcopy(t, runOpts{env: []string{"PGCOPY_TARGET_PASSWORD=wrong"}},
			"verify", "--source", pgURL, "--target", target, "--target-password-file", pwFile, "-q")
		if code != 0 {
			t.Errorf("file and env: exit %d\n%s%s", code, out, errOut)
		}
		code, out, errOut = pgcopyRun(t, "copy", "--dump", dump, "--target", "mysql://copier:"+password+"@"+addr+"/filedb?tls=skip-verify",
			"--target-password-file", pwFile)
		if code != exitUsage || !strings.Contains(errOut, "given twice") {
			t.Errorf("URL and file: exit %d, want %d\n%s%s", code, exitUsage, out, errOut)
		}
		noSecret(t, "URL-and-file output", out+errOut)
	})
}
