package fkfix

import (
	"reflect"
	"testing"

	"github.com/pgcopy/pgcopy/translate/schema"
)

func TestStatements(t *testing.T) {
	fk := func(ref string, cols ...string) *schema.ForeignKey {
		return &schema.ForeignKey{Name: "fk_" + ref, Columns: cols, RefTable: ref, RefColumns: cols}
	}
	for _, tc := range []struct {
		name   string
		tables []*schema.Table
		want   []string
	}{
		{"no tables", nil, nil},
		{"no foreign keys", []*schema.Table{{Name: "a"}, {Name: "b"}}, nil},
		{
			"child then parent, in table order",
			[]*schema.Table{
				{Name: "customer"},
				{Name: "orders", ForeignKeys: []*schema.ForeignKey{fk("customer", "customer_id")}},
			},
			[]string{
				"UPDATE `orders` SET `customer_id` = `customer_id` WHERE 1 = 0",
				"DELETE FROM `customer` WHERE 1 = 0",
			},
		},
		{
			"one UPDATE per child on its first key's first column; one DELETE per parent",
			[]*schema.Table{
				{Name: "line", ForeignKeys: []*schema.ForeignKey{fk("orders", "order_id", "shop_id"), fk("product", "product_id"), fk("orders", "order_id")}},
				{Name: "orders"},
				{Name: "product"},
				{Name: "unrelated"},
			},
			[]string{
				"UPDATE `line` SET `order_id` = `order_id` WHERE 1 = 0",
				"DELETE FROM `orders` WHERE 1 = 0",
				"DELETE FROM `product` WHERE 1 = 0",
			},
		},
		{
			"self reference: the table is child and parent",
			[]*schema.Table{{Name: "staff", ForeignKeys: []*schema.ForeignKey{fk("staff", "manager_id")}}},
			[]string{
				"UPDATE `staff` SET `manager_id` = `manager_id` WHERE 1 = 0",
				"DELETE FROM `staff` WHERE 1 = 0",
			},
		},
		{
			"a child that is also a parent; quoting of backticks",
			[]*schema.Table{
				{Name: "we`ird", ForeignKeys: []*schema.ForeignKey{fk("mid", "c`ol")}},
				{Name: "mid", ForeignKeys: []*schema.ForeignKey{fk("top", "top_id")}},
				{Name: "top"},
			},
			[]string{
				"UPDATE `we``ird` SET `c``ol` = `c``ol` WHERE 1 = 0",
				"UPDATE `mid` SET `top_id` = `top_id` WHERE 1 = 0",
				"DELETE FROM `mid` WHERE 1 = 0",
				"DELETE FROM `top` WHERE 1 = 0",
			},
		},
		{
			"a referenced table that is not in the database gets no DELETE",
			[]*schema.Table{{Name: "orders", ForeignKeys: []*schema.ForeignKey{fk("elsewhere", "x")}}},
			[]string{"UPDATE `orders` SET `x` = `x` WHERE 1 = 0"},
		},
	} {
		got := Statements(&schema.Database{Tables: tc.tables})
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
