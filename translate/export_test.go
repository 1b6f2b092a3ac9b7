package translate

// Exported for tests.
var (
	MoneyToDecimal = moneyToDecimal
	HstoreToJSON   = hstoreToJSON
)
