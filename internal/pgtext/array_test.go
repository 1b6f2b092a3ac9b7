package pgtext

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestArrayToJSON(t *testing.T) {
	tests := []struct {
		in   string
		elem ElemKind
		want string
		kind errKind
	}{
		// Pagila film.special_features.
		{`{Trailers,"Deleted Scenes","Behind the Scenes"}`, ElemString, `["Trailers","Deleted Scenes","Behind the Scenes"]`, ok},
		{`{}`, ElemString, `[]`, ok},
		{`{}`, ElemNumber, `[]`, ok},
		{` { } `, ElemString, `[]`, ok},
		{`{a,b}`, ElemString, `["a","b"]`, ok},
		{`{"a b","c\"d","e\\f"}`, ElemString, `["a b","c\"d","e\\f"]`, ok},
		{`{NULL,null,NuLl,"NULL",\NULL,NULLx}`, ElemString, `[null,null,null,"NULL","NULL","NULLx"]`, ok},
		{`{""}`, ElemString, `[""]`, ok},
		{`{"",""}`, ElemString, `["",""]`, ok},
		// Unquoted elements: surrounding whitespace trimmed, escaped
		// whitespace kept, inner whitespace kept. Checked with SELECT
		// '{a\,b, c\ ,\ d}'::text[] and '{ a , "b" ,c d }'::text[] on
		// PostgreSQL 15, which print {"a,b","c "," d"} and {a,b,"c d"}.
		{`{a\,b, c\ ,\ d}`, ElemString, `["a,b","c "," d"]`, ok},
		{`{ a , "b" ,c d }`, ElemString, `["a","b","c d"]`, ok},
		{"{\ta\n,\r\"b\"\f}", ElemString, `["a","b"]`, ok},
		{` {1,2} `, ElemNumber, `[1,2]`, ok},
		// JSON string encoding: HTML characters literal, control characters
		// escaped, U+2028 escaped as encoding/json does.
		{"{<&>,\"\x01\",\"tab\there\",\"nl\nx\",é,\"\u2028\"}", ElemString,
			`["<&>","\u0001","tab\there","nl\nx","é","\u2028"]`, ok},
		{`{"\\","\""}`, ElemString, `["\\","\""]`, ok},
		// Nested and decorated.
		{`{{1,2},{3,4}}`, ElemNumber, `[[1,2],[3,4]]`, ok},
		{`{{a},{NULL}}`, ElemString, `[["a"],[null]]`, ok},
		{`{{{1,2,3},{4,5,6}},{{7,8,9},{10,11,12}}}`, ElemNumber, `[[[1,2,3],[4,5,6]],[[7,8,9],[10,11,12]]]`, ok},
		{`{ { 1 , 2 } , { 3 , 4 } }`, ElemNumber, `[[1,2],[3,4]]`, ok},
		{`[0:1]={1,2}`, ElemNumber, `[1,2]`, ok},
		{`[2:3][5:5]={{a},{b}}`, ElemString, `[["a"],["b"]]`, ok},
		{`[3]={1,2,3}`, ElemNumber, `[1,2,3]`, ok},
		{`[-2147483648:-2147483647]={1,2}`, ElemNumber, `[1,2]`, ok},
		{` [ 1 : 2 ] = {1,2}`, ElemNumber, `[1,2]`, ok},
		{`{{{{{{1}}}}}}`, ElemNumber, `[[[[[[1]]]]]]`, ok},
		// Numbers: validated, normalised only as far as JSON requires.
		{`{1,-2,3.50,1e+20,1.5e-07,-0}`, ElemNumber, `[1,-2,3.50,1e+20,1.5e-07,-0]`, ok},
		{`{+1.50,.5,5.,007,-.5e-3,1E+05,00.10}`, ElemNumber, `[1.50,0.5,5,7,-0.5e-3,1E+05,0.10]`, ok},
		{`{" 1 ",NULL}`, ElemNumber, `[1,null]`, ok},
		{`{1.5,NaN,-Infinity}`, ElemNumber, ``, unrep},
		{`{Infinity}`, ElemNumber, ``, unrep},
		{`{1e+20,NaN}`, ElemNumber, ``, unrep},
		{`{abc}`, ElemNumber, ``, bad},
		{`{0x10}`, ElemNumber, ``, bad},
		{`{"NULL"}`, ElemNumber, ``, bad},
		// Booleans.
		{`{t,f,NULL}`, ElemBool, `[true,false,null]`, ok},
		{`{true,FALSE,"t",yes,0}`, ElemBool, `[true,false,true,true,false]`, ok},
		{`{x}`, ElemBool, ``, bad},
		// JSON elements (jsonb[] output of array['{"a": 1}'::jsonb, 'null',
		// '"s"', '[1,2]'] on PostgreSQL 15, after COPY decoding).
		{`{"{\"a\": 1}","null","\"s\"","[1, 2]"}`, ElemJSON, `[{"a": 1},null,"s",[1, 2]]`, ok},
		{`{1,true,NULL,"\"<&>\""}`, ElemJSON, `[1,true,null,"<&>"]`, ok},
		{`{"{bad"}`, ElemJSON, ``, bad},
		{`{""}`, ElemJSON, ``, bad},
		{"{\"\\\"\xff\\\"\"}", ElemJSON, ``, unrep},
		// Invalid UTF-8 in a string element (possible in SQL_ASCII).
		{"{\xff}", ElemString, ``, unrep},
		// Malformed, each rejected by PostgreSQL 15's array_in too.
		{``, ElemString, ``, bad},
		{`   `, ElemString, ``, bad},
		{`a`, ElemString, ``, bad},
		{`{`, ElemString, ``, bad},
		{`}`, ElemString, ``, bad},
		{`{a`, ElemString, ``, bad},
		{`{a,`, ElemString, ``, bad},
		{`{"abc}`, ElemString, ``, bad},
		{`{"abc\`, ElemString, ``, bad},
		{`{a\`, ElemString, ``, bad},
		{`{"a"b}`, ElemString, ``, bad},
		{`{a"b c"d}`, ElemString, ``, bad},
		{`{a{b}`, ElemString, ``, bad},
		{`{{}}`, ElemNumber, ``, bad},
		{`{{},{}}`, ElemNumber, ``, bad},
		{`{{1},2}`, ElemNumber, ``, bad},
		{`{1,{2}}`, ElemNumber, ``, bad},
		{`{{1},{2,3}}`, ElemNumber, ``, bad},
		{`{{{1}},{2}}`, ElemNumber, ``, bad},
		{`{{1},{{2}}}`, ElemNumber, ``, bad},
		{`{{{{{{{1}}}}}}}`, ElemNumber, ``, bad},
		{`[1:3]={1,2}`, ElemNumber, ``, bad},
		{`[1:2]={{1},{2}}`, ElemNumber, ``, bad},
		{`[1:1]={}`, ElemNumber, ``, bad},
		{`[2:1]={}`, ElemNumber, ``, bad},
		{`[1:2]{1,2}`, ElemNumber, ``, bad},
		{`[1:2={1,2}`, ElemNumber, ``, bad},
		{`[a:2]={1,2}`, ElemNumber, ``, bad},
		{`[1:3000000000]={1}`, ElemNumber, ``, bad},
		{`{1,2} x`, ElemNumber, ``, bad},
		{`{1,2}}`, ElemNumber, ``, bad},
		{`{,}`, ElemNumber, ``, bad},
		{`{1,}`, ElemNumber, ``, bad},
		{`{,1}`, ElemNumber, ``, bad},
		{`{1,,2}`, ElemNumber, ``, bad},
		{`{1}`, ElemKind(99), ``, bad},
		{`{1}`, ElemKind(-1), ``, bad},
	}
	for _, tt := range tests {
		got, err := ArrayToJSON(tt.in, tt.elem)
		if k := classify(err); k != tt.kind || got != tt.want {
			t.Errorf("ArrayToJSON(%q, %d) = %q, %v; want %q, %v", tt.in, tt.elem, got, err, tt.want, tt.kind)
			continue
		}
		if err == nil && !json.Valid([]byte(got)) {
			t.Errorf("ArrayToJSON(%q, %d) = %q is not valid JSON", tt.in, tt.elem, got)
		}
		if err != nil {
			msg := err.Error()
			if strings.ToLower(msg[:1]) != msg[:1] || !strings.Contains(msg, quote(tt.in)) {
				t.Errorf("ArrayToJSON(%q) error %q: want lowercase, quoting the value", tt.in, msg)
			}
		}
	}
}

// TestArrayToJSONFromCopy decodes a COPY line PostgreSQL 15 printed and
// converts each array field:
//
//	COPY (SELECT array['a b','c"d','e\f','NULL',null,'','null',' x','{}','a,b',
//	  '<&>',E'tab\there',E'nl\nx']::text[], '{{1,2},{3,4}}'::int[],
//	  '[0:1]={1,2}'::int[], '{}'::int[], array[true,false,null],
//	  '{1.5,NaN,-Infinity}'::numeric[], '{1e20,NaN}'::float8[],
//	  array['{"a": 1}'::jsonb, 'null', '"s"', '[1,2]'],
//	  '[2:3][5:5]={{a},{b}}'::text[], '{ a , "b" ,c d }'::text[]) TO STDOUT;
func TestArrayToJSONFromCopy(t *testing.T) {
	line := `{"a b","c\\"d","e\\\\f","NULL",NULL,"","null"," x","{}","a,b",<&>,"tab\there","nl\nx"}` + "\t" +
		`{{1,2},{3,4}}` + "\t" + `[0:1]={1,2}` + "\t" + `{}` + "\t" + `{t,f,NULL}` + "\t" +
		`{1.5,NaN,-Infinity}` + "\t" + `{1e+20,NaN}` + "\t" +
		`{"{\\"a\\": 1}","null","\\"s\\"","[1, 2]"}` + "\t" + `[2:3][5:5]={{a},{b}}` + "\t" + `{a,b,"c d"}`
	fs, err := DecodeRow([]byte(line), nil)
	if err != nil || len(fs) != 10 {
		t.Fatalf("DecodeRow: %v, %d fields", err, len(fs))
	}
	wants := []struct {
		elem ElemKind
		want string
		kind errKind
	}{
		{ElemString, `["a b","c\"d","e\\f","NULL",null,"","null"," x","{}","a,b","<&>","tab\there","nl\nx"]`, ok},
		{ElemNumber, `[[1,2],[3,4]]`, ok},
		{ElemNumber, `[1,2]`, ok},
		{ElemNumber, `[]`, ok},
		{ElemBool, `[true,false,null]`, ok},
		{ElemNumber, ``, unrep},
		{ElemNumber, ``, unrep},
		{ElemJSON, `[{"a": 1},null,"s",[1, 2]]`, ok},
		{ElemString, `[["a"],["b"]]`, ok},
		{ElemString, `["a","b","c d"]`, ok},
	}
	for i, w := range wants {
		got, err := ArrayToJSON(string(fs[i].Value), w.elem)
		if k := classify(err); k != w.kind || got != w.want {
			t.Errorf("field %d: ArrayToJSON(%q) = %q, %v; want %q, %v", i, fs[i].Value, got, err, w.want, w.kind)
		}
	}
}

func BenchmarkArrayToJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = ArrayToJSON(`{Trailers,"Deleted Scenes","Behind the Scenes"}`, ElemString)
	}
}

// TestArrayToJSONStringEncoding checks that every ASCII byte, and some
// non-ASCII text, is encoded exactly as encoding/json with HTML escaping off
// would encode it.
func TestArrayToJSONStringEncoding(t *testing.T) {
	var elems []string
	for c := 0; c < 0x80; c++ {
		elems = append(elems, string(rune(c)))
	}
	elems = append(elems, "plain text", "é日本\u2028\u2029x", "a\"b\\c<d>&e", "\U0001F600")
	for _, e := range elems {
		lit := `{"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(e) + `"}`
		got, err := ArrayToJSON(lit, ElemString)
		if err != nil {
			t.Errorf("ArrayToJSON(%q): %v", lit, err)
			continue
		}
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
		if want := "[" + strings.TrimSuffix(b.String(), "\n") + "]"; got != want {
			t.Errorf("ArrayToJSON(%q) = %s, want %s", lit, got, want)
		}
	}
}
