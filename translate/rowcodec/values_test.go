package rowcodec

import "testing"

func TestMoney(t *testing.T) {
	for in, want := range map[string]string{
		"$1,234.56": "1234.56", "-$1.00": "-1.00", "($1.00)": "-1.00", "$0.00": "0.00", "-$0.00": "0.00",
		"1.234,56 €": "1234.56", "EUR 5": "5", "12.5": "12.5", "$92,233,720,368,547,758.07": "92233720368547758.07",
		"￥1,234": "1234", "1'234.50 CHF": "1234.50",
	} {
		got, err := moneyToDecimal([]byte(in))
		if err != nil || got != want {
			t.Errorf("%q -> %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "$", "1;2"} {
		if _, err := moneyToDecimal([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestHstore(t *testing.T) {
	for in, want := range map[string]string{
		``:                            `{}`,
		`"a"=>"1", "b"=>NULL`:         `{"a":"1","b":null}`,
		`"k\"q"=>"v\\w", "n"=>"NULL"`: `{"k\"q":"v\\w","n":"NULL"}`,
		`a=>b,c=>d`:                   `{"a":"b","c":"d"}`,
		`"a"=>"1", "a"=>"2"`:          `{"a":"2"}`,
		`"ü"=>"<&>"`:                  `{"ü":"\u003c\u0026\u003e"}`,
	} {
		got, err := hstoreToJSON([]byte(in))
		if err != nil || got != want {
			t.Errorf("%q -> %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := hstoreToJSON([]byte(`"a"=`)); err == nil {
		t.Errorf("bad hstore accepted")
	}
}
