package apicheck

import (
	"fmt"
	"go/types"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// allow lists leaks that are known and accepted, as "pkg.Ident: type". It
// must end up empty: fix the API instead (issue 13).
var allow = map[string]bool{}

func isInternal(path string) bool {
	return strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

// leaks returns the internal named types mentioned by t, in order.
func leaks(t types.Type, seen map[types.Type]bool, out *[]string) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		leaks(types.Unalias(t), seen, out)
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil && isInternal(obj.Pkg().Path()) {
			*out = append(*out, obj.Pkg().Path()+"."+obj.Name())
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			leaks(t.TypeArgs().At(i), seen, out)
		}
	case *types.Pointer:
		leaks(t.Elem(), seen, out)
	case *types.Slice:
		leaks(t.Elem(), seen, out)
	case *types.Array:
		leaks(t.Elem(), seen, out)
	case *types.Map:
		leaks(t.Key(), seen, out)
		leaks(t.Elem(), seen, out)
	case *types.Chan:
		leaks(t.Elem(), seen, out)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			leaks(t.At(i).Type(), seen, out)
		}
	case *types.Signature:
		leaks(t.Params(), seen, out)
		leaks(t.Results(), seen, out)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() {
				leaks(f.Type(), seen, out)
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if m := t.Method(i); m.Exported() {
				leaks(m.Type(), seen, out)
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			leaks(t.EmbeddedType(i), seen, out)
		}
	case *types.TypeParam:
		leaks(t.Constraint(), seen, out)
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			leaks(t.Term(i).Type(), seen, out)
		}
	}
}

func check(t types.Type) []string {
	var out []string
	leaks(t, map[types.Type]bool{}, &out)
	return out
}

func TestNoInternalTypesInPublicAPI(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedImports, Dir: "../.."}
	pkgs, err := packages.Load(cfg, "github.com/pgcopy/pgcopy/...")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	used := map[string]bool{}
	report := func(ident string, ls []string) {
		for _, l := range ls {
			key := ident + ": " + l
			used[key] = true
			if !allow[key] {
				found = append(found, key)
			}
		}
	}
	n := 0
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		// go list reads the sources in a subprocess, which go test's
		// cache does not see: stat them here so an edit reruns the test.
		for _, f := range p.GoFiles {
			os.Stat(f)
		}
		if isInternal(p.PkgPath) || p.Name == "main" || p.Types == nil {
			continue
		}
		n++
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if !obj.Exported() {
				continue
			}
			id := p.PkgPath + "." + name
			switch obj := obj.(type) {
			case *types.TypeName:
				if obj.IsAlias() {
					report(id, check(obj.Type()))
					continue
				}
				named, ok := obj.Type().(*types.Named)
				if !ok {
					continue
				}
				report(id, check(named.Underlying()))
				for i := 0; i < named.TypeParams().Len(); i++ {
					report(id, check(named.TypeParams().At(i).Constraint()))
				}
				for i := 0; i < named.NumMethods(); i++ {
					if m := named.Method(i); m.Exported() {
						report(fmt.Sprintf("%s.%s", id, m.Name()), check(m.Type()))
					}
				}
			default:
				report(id, check(obj.Type()))
			}
		}
	}
	if n == 0 {
		t.Fatal("no public packages loaded")
	}
	for k := range allow {
		if !used[k] {
			found = append(found, "stale allow-list entry (remove it): "+k)
		}
	}
	sort.Strings(found)
	for _, f := range found {
		t.Errorf("public API mentions an internal type: %s", f)
	}
}
