package schema

import "testing"

func TestCreateSQL(t *testing.T) {
	tb := &Table{
		Name: "t`x",
		Columns: []*Column{
			{Name: "id", Type: ColumnType{Type: &IntegerType{T: "bigint"}}, NotNull: true, AutoIncrement: true},
			{Name: "email", Type: ColumnType{Type: Varchar(255)}, Collation: "utf8mb4_0900_as_ci", Default: "''", Comment: "it's"},
			{Name: "lower", Type: ColumnType{Type: LongText()}, Collation: "utf8mb4_0900_bin", Generated: "LOWER(`email`)", NotNull: true},
		},
		PrimaryKey:    []string{"id"},
		Indexes:       []*Index{{Name: "ix", Columns: []IndexColumn{{Name: "lower", Prefix: 255, Desc: true}}}, {Name: "ft", Kind: "FULLTEXT", Columns: []IndexColumn{{Name: "email"}}}},
		ForeignKeys:   []*ForeignKey{{Name: "fk", Columns: []string{"id"}, RefTable: "p", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		Checks:        []*Check{{Name: "ck", Expr: "(`id` > 0)"}},
		AutoIncrement: 7,
	}
	want := "CREATE TABLE `t``x` (\n" +
		"  `id` bigint NOT NULL AUTO_INCREMENT,\n" +
		"  `email` varchar(255) COLLATE utf8mb4_0900_as_ci DEFAULT '' COMMENT 'it\\'s',\n" +
		"  `lower` longtext COLLATE utf8mb4_0900_bin GENERATED ALWAYS AS (LOWER(`email`)) STORED NOT NULL,\n" +
		"  PRIMARY KEY (`id`),\n" +
		"  KEY `ix` (`lower`(255) DESC),\n" +
		"  FULLTEXT KEY `ft` (`email`),\n" +
		"  CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `p` (`id`) ON DELETE CASCADE,\n" +
		"  CONSTRAINT `ck` CHECK ((`id` > 0))\n" +
		") AUTO_INCREMENT=7"
	if got := tb.CreateSQL(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
