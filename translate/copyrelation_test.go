package translate

import "testing"

func TestCopyRelation(t *testing.T) {
	for in, want := range map[string]string{
		"COPY public.customer (customer_id, first_name) FROM stdin;": "public.customer",
		`COPY public."my table" (id) FROM stdin;`:                    `public."my table"`,
		"COPY t FROM stdin;":                                         "t",
		"COPY public.t(id) FROM stdin;":                              "public.t",
	} {
		if got := copyRelation(in); got != want {
			t.Errorf("copyRelation(%q) = %q, want %q", in, got, want)
		}
	}
}
