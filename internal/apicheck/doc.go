// Package apicheck holds one test, TestNoInternalTypesInPublicAPI, that keeps
// the public/internal split meaningful.
//
// In: the module's packages, loaded with golang.org/x/tools/go/packages
// (type-checked from source, no environment needed).
// Out: a test failure naming every exported identifier of a public
// (non-internal, non-main) package whose signature or type mentions a named
// type defined under internal/ — after resolving aliases, so an alias of a
// public type (dump.Pos = schema.Pos) is fine. Errors returned as `error`
// whose dynamic type is *diag.Error are fine too: the static type is public.
// It never ships code: it holds only a test and is imported by nothing.
package apicheck
