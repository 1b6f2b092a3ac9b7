package main

import (
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pgcopy/pgcopy/loader"
)

// targetPasswordFlag is --target-password-file, of copy and verify: the
// mysql:// target's password from a file, so that it is in neither argv
// nor the shell's history (loader/serverurl.go has the precedence).
func targetPasswordFlag() cli.Flag {
	return &cli.StringFlag{Name: "target-password-file", EnvVars: []string{"PGCOPY_TARGET_PASSWORD_FILE"},
		Usage: "read the mysql:// target's password from `FILE` (only the password; one trailing newline is dropped). " +
			"Without it or a password in the URL, $" + loader.PasswordEnv + " is used"}
}

// targetPassword is where the target's password comes from besides the URL.
func targetPassword(c *cli.Context) loader.PasswordSource {
	return loader.PasswordSource{File: c.String("target-password-file"), Env: os.Getenv(loader.PasswordEnv)}
}
