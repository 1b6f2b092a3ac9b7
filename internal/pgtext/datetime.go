package pgtext

import (
	"strings"
	"time"
)

// The date/time converters read PostgreSQL's output in DateStyle ISO, which
// pg_dump always sets (manual, "Date/Time Types", section 8.5.2 "Date/Time
// Output", and "pg_dump"). Dolt's DATE, DATETIME and TIMESTAMP columns hold
// years 0001 to 9999 (this package treats year 0 and earlier as
// unrepresentable, as PostgreSQL has no year 0 and prints such dates as BC).

const (
	minYear = 1
	maxYear = 9999

	secondsPerDay = 24 * 60 * 60
	// maxOffsetHours is PostgreSQL's limit on a UTC offset (MAX_TZDISP_HOUR):
	// offsets range from -15:59:59 to +15:59:59.
	maxOffsetHours = 15
)

const (
	expectDate        = "expected YYYY-MM-DD (ISO DateStyle), optionally followed by BC"
	expectTimestamp   = "expected YYYY-MM-DD HH:MM:SS[.ffffff] (ISO DateStyle, up to 6 fraction digits), optionally followed by BC"
	expectTimestampTZ = "expected YYYY-MM-DD HH:MM:SS[.ffffff]+HH[:MM[:SS]] (ISO DateStyle, up to 6 fraction digits), optionally followed by BC"
	expectTime        = "expected HH:MM:SS[.ffffff] from 00:00:00 to 24:00:00 (up to 6 fraction digits)"
	expectTimeTZ      = "expected HH:MM:SS[.ffffff]+HH[:MM[:SS]] with the time from 00:00:00 to 24:00:00 and the offset within ±15:59:59"
	expectYearRange   = "Dolt holds dates from 0001-01-01 to 9999-12-31 (no BC dates, no infinity)"
)

// civil is a parsed date and time of day; year is as printed (BC is a flag).
type civil struct {
	year, month, day int
	hour, min, sec   int
	frac             string // 0 to 6 fraction digits, as given
	hasFrac          bool
	bc               bool
	offset           int // seconds east of UTC (TimestampTZ and TimeTZ only)
}

// scanner walks a date/time string; every method returns false when the text
// does not match, leaving the position unspecified.
type scanner struct {
	s string
	i int
}

// digits reads between min and max decimal digits and returns their value.
func (p *scanner) digits(min, max int) (int, bool) {
	v, n := 0, 0
	for p.i < len(p.s) && n < max && isDigit(p.s[p.i]) {
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n >= min && (p.i >= len(p.s) || !isDigit(p.s[p.i]))
}

// lit consumes the byte c.
func (p *scanner) lit(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// date reads YYYY-MM-DD (the year has 4 to 9 digits).
func (p *scanner) date(c *civil) bool {
	var ok bool
	if c.year, ok = p.digits(4, 9); !ok || !p.lit('-') {
		return false
	}
	if c.month, ok = p.digits(2, 2); !ok || !p.lit('-') {
		return false
	}
	c.day, ok = p.digits(2, 2)
	return ok
}

// clock reads HH:MM:SS[.f{1,6}].
func (p *scanner) clock(c *civil) bool {
	var ok bool
	if c.hour, ok = p.digits(2, 2); !ok || !p.lit(':') {
		return false
	}
	if c.min, ok = p.digits(2, 2); !ok || !p.lit(':') {
		return false
	}
	if c.sec, ok = p.digits(2, 2); !ok {
		return false
	}
	if p.lit('.') {
		start := p.i
		if _, ok = p.digits(1, 6); !ok {
			return false
		}
		c.frac = p.s[start:p.i]
		c.hasFrac = true
	}
	return true
}

// offset reads +HH, +HH:MM or +HH:MM:SS (or with -), within ±15:59:59.
func (p *scanner) offset(c *civil) bool {
	if p.i >= len(p.s) {
		return false
	}
	sign := 1
	switch p.s[p.i] {
	case '+':
	case '-':
		sign = -1
	default:
		return false
	}
	p.i++
	h, ok := p.digits(2, 2)
	if !ok || h > maxOffsetHours {
		return false
	}
	m, s := 0, 0
	if p.lit(':') {
		if m, ok = p.digits(2, 2); !ok || m > 59 {
			return false
		}
		if p.lit(':') {
			if s, ok = p.digits(2, 2); !ok || s > 59 {
				return false
			}
		}
	}
	c.offset = sign * (h*3600 + m*60 + s)
	return true
}

// era reads an optional " BC" suffix and requires the end of the text.
func (p *scanner) era(c *civil) bool {
	if strings.HasPrefix(p.s[p.i:], " BC") {
		c.bc = true
		p.i += 3
	}
	return p.i == len(p.s)
}

// dateTime reads date, separator (space or T), clock, and, when withOffset,
// a UTC offset, then an optional BC suffix.
func (p *scanner) dateTime(c *civil, withOffset bool) bool {
	if !p.date(c) {
		return false
	}
	if !p.lit(' ') && !p.lit('T') {
		return false
	}
	if !p.clock(c) {
		return false
	}
	if withOffset && !p.offset(c) {
		return false
	}
	return p.era(c)
}

// validDate reports whether c holds a real calendar date (year 0 does not
// exist in PostgreSQL's output, which counts 1 BC, 1 AD).
func validDate(c *civil) bool {
	return c.year >= 1 && c.month >= 1 && c.month <= 12 &&
		c.day >= 1 && c.day <= daysIn(c.month, c.astroYear())
}

// validClock reports whether c's time of day is 00:00:00 to 23:59:59.999999,
// or exactly 24:00:00 (with a zero fraction) when allow24.
func validClock(c *civil, allow24 bool) bool {
	if c.hour == 24 && allow24 {
		return c.min == 0 && c.sec == 0 && strings.Trim(c.frac, "0") == ""
	}
	return c.hour <= 23 && c.min <= 59 && c.sec <= 59
}

// astroYear is the astronomical year: 1 BC is 0, 2 BC is -1.
func (c *civil) astroYear() int {
	if c.bc {
		return 1 - c.year
	}
	return c.year
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(month, year int) int {
	switch month {
	case 2:
		if isLeap(year) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isInfinity reports PostgreSQL's special date/time values infinity and
// -infinity (any case, optional +).
func isInfinity(t string) bool {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	return strings.EqualFold(t, "infinity")
}

// appendDigits appends v as exactly n decimal digits (v >= 0, v < 10^n).
func appendDigits(b []byte, v, n int) []byte {
	var tmp [9]byte
	for k := n - 1; k >= 0; k-- {
		tmp[k] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[:n]...)
}

// appendDate appends YYYY-MM-DD.
func appendDate(b []byte, y, m, d int) []byte {
	b = appendDigits(b, y, 4)
	b = append(b, '-')
	b = appendDigits(b, m, 2)
	b = append(b, '-')
	return appendDigits(b, d, 2)
}

// appendClock appends HH:MM:SS and, when hasFrac, "." and frac padded with
// zeros to exactly 6 digits.
func appendClock(b []byte, h, m, s int, frac string, hasFrac bool) []byte {
	b = appendDigits(b, h, 2)
	b = append(b, ':')
	b = appendDigits(b, m, 2)
	b = append(b, ':')
	b = appendDigits(b, s, 2)
	if hasFrac {
		b = append(b, '.')
		b = append(b, frac...)
		b = append(b, "000000"[len(frac):]...)
	}
	return b
}

// Date converts the text of a PostgreSQL date, following the manual,
// "Date/Time Types" (section 8.5), output in DateStyle ISO.
//
// In: "YYYY-MM-DD" (the year may have more than 4 digits), optionally
// followed by " BC", or "infinity" / "-infinity"; surrounding whitespace is
// ignored.
//
// Out: "YYYY-MM-DD" with a 4-digit year, 0001-01-01 to 9999-12-31.
//
// Errors: infinity, -infinity, BC dates and years above 9999 wrap
// [ErrUnrepresentable]; other text, and dates that do not exist (month 13,
// February 30, year 0), are malformed.
func Date(s string) (string, error) {
	t := trimSpace(s)
	if isInfinity(t) {
		return "", unrepresentable("date", s, expectYearRange)
	}
	var c civil
	p := scanner{s: t}
	if !p.date(&c) || !p.era(&c) {
		return "", malformed("date", s, expectDate)
	}
	if !validDate(&c) {
		return "", malformed("date", s, "expected an existing calendar date (month 01-12, day within the month, year from 1)")
	}
	if c.bc || c.year > maxYear {
		return "", unrepresentable("date", s, expectYearRange)
	}
	var buf [10]byte
	return string(appendDate(buf[:0], c.year, c.month, c.day)), nil
}

// Timestamp converts the text of a PostgreSQL timestamp without time zone,
// following the manual, "Date/Time Types" (section 8.5), output in DateStyle
// ISO.
//
// In: "YYYY-MM-DD HH:MM:SS" with an optional fraction of 1 to 6 digits
// (".5", ".123456"), optionally followed by " BC", or "infinity" /
// "-infinity"; a "T" is accepted in place of the space, surrounding
// whitespace is ignored.
//
// Out: "YYYY-MM-DD HH:MM:SS" when the input has no fraction, otherwise
// "YYYY-MM-DD HH:MM:SS.ffffff" with the fraction right-padded with zeros to
// exactly 6 digits (".5" becomes ".500000"); microsecond precision, no
// rounding.
//
// Errors: infinity, -infinity, BC and years above 9999 wrap
// [ErrUnrepresentable]; other text, non-existent dates and times outside
// 00:00:00-23:59:59 are malformed.
func Timestamp(s string) (string, error) {
	t := trimSpace(s)
	if isInfinity(t) {
		return "", unrepresentable("timestamp", s, expectYearRange)
	}
	var c civil
	p := scanner{s: t}
	if !p.dateTime(&c, false) {
		return "", malformed("timestamp", s, expectTimestamp)
	}
	if !validDate(&c) || !validClock(&c, false) {
		return "", malformed("timestamp", s, "expected an existing calendar date and a time from 00:00:00 to 23:59:59")
	}
	if c.bc || c.year > maxYear {
		return "", unrepresentable("timestamp", s, expectYearRange)
	}
	var buf [26]byte
	b := appendDate(buf[:0], c.year, c.month, c.day)
	b = append(b, ' ')
	return string(appendClock(b, c.hour, c.min, c.sec, c.frac, c.hasFrac)), nil
}

// TimestampTZ converts the text of a PostgreSQL timestamp with time zone to
// UTC, following the manual, "Date/Time Types" (section 8.5), output in
// DateStyle ISO (pg_dump forces ISO; the offset is the dumping session's
// time zone, which need not be UTC).
//
// In: "YYYY-MM-DD HH:MM:SS[.f]" followed by a UTC offset "+HH", "+HH:MM" or
// "+HH:MM:SS" (or with "-"; seconds appear for local mean time before a zone
// adopted standard time, such as "+00:19:32"), optionally followed by " BC",
// or "infinity" / "-infinity". A "T" is accepted in place of the space;
// surrounding whitespace is ignored. Offsets range up to ±15:59:59.
//
// Out: the same instant in UTC, "YYYY-MM-DD HH:MM:SS" or, when the input has
// a fraction, "YYYY-MM-DD HH:MM:SS.ffffff" (fraction padded to 6 digits), no
// offset. The conversion may cross day and year boundaries, in both
// directions: "10000-01-01 04:30:00+05:30" is 9999-12-31 23:00:00 UTC and
// "0001-12-31 20:29:08-03:30:52 BC" is 0001-01-01 00:00:00 UTC, so they are
// accepted.
//
// Errors: infinity, -infinity, and instants whose UTC date falls outside
// 0001-01-01 to 9999-12-31 wrap [ErrUnrepresentable]; other text,
// non-existent dates and times outside 00:00:00-23:59:59 are malformed.
func TimestampTZ(s string) (string, error) {
	t := trimSpace(s)
	if isInfinity(t) {
		return "", unrepresentable("timestamp with time zone", s, expectYearRange)
	}
	var c civil
	p := scanner{s: t}
	if !p.dateTime(&c, true) {
		return "", malformed("timestamp with time zone", s, expectTimestampTZ)
	}
	if !validDate(&c) || !validClock(&c, false) {
		return "", malformed("timestamp with time zone", s, "expected an existing calendar date and a time from 00:00:00 to 23:59:59")
	}
	u := time.Date(c.astroYear(), time.Month(c.month), c.day, c.hour, c.min, c.sec, 0, time.UTC).
		Add(-time.Duration(c.offset) * time.Second)
	y, m, d := u.Date()
	if y < minYear || y > maxYear {
		return "", unrepresentable("timestamp with time zone", s, "expected an instant whose UTC date is within 0001-01-01 to 9999-12-31 (Dolt's range)")
	}
	var buf [26]byte
	b := appendDate(buf[:0], y, int(m), d)
	b = append(b, ' ')
	return string(appendClock(b, u.Hour(), u.Minute(), u.Second(), c.frac, c.hasFrac)), nil
}

// Time converts the text of a PostgreSQL time without time zone, following
// the manual, "Date/Time Types" (section 8.5).
//
// In: "HH:MM:SS" with an optional fraction of 1 to 6 digits, from 00:00:00 to
// 24:00:00 inclusive (PostgreSQL allows 24:00:00 and prints it as such);
// surrounding whitespace is ignored.
//
// Out: "HH:MM:SS", or "HH:MM:SS.ffffff" (fraction padded to 6 digits) when
// the input has a fraction; 24:00:00 is kept, Dolt's TIME accepts it.
//
// Errors: other text, minutes or seconds above 59, and times after 24:00:00
// are malformed; no time is unrepresentable.
func Time(s string) (string, error) {
	var c civil
	p := scanner{s: trimSpace(s)}
	if !p.clock(&c) || p.i != len(p.s) {
		return "", malformed("time", s, expectTime)
	}
	if !validClock(&c, true) {
		return "", malformed("time", s, expectTime)
	}
	var buf [15]byte
	return string(appendClock(buf[:0], c.hour, c.min, c.sec, c.frac, c.hasFrac)), nil
}

// TimeTZ converts the text of a PostgreSQL time with time zone to a UTC time
// of day, following the manual, "Date/Time Types" (section 8.5).
//
// In: "HH:MM:SS[.f]" (00:00:00 to 24:00:00) followed by a UTC offset "+HH",
// "+HH:MM" or "+HH:MM:SS" (or with "-"), within ±15:59:59; surrounding
// whitespace is ignored.
//
// Out: the UTC time of day, "HH:MM:SS" or "HH:MM:SS.ffffff" (fraction padded
// to 6 digits when the input has one), computed as the time minus the
// offset, wrapped modulo 24 hours (so "01:00:00+05" is "20:00:00"). This is
// what PostgreSQL's "AT TIME ZONE 'UTC'" computes for a timetz, including
// "24:00:00+00" becoming "00:00:00". The offset is dropped after the
// conversion, and since a time with time zone has no date, the day the wrap
// moved to is lost.
//
// Errors: other text, minutes or seconds above 59, times after 24:00:00 and
// offsets beyond ±15:59:59 are malformed; no time is unrepresentable.
func TimeTZ(s string) (string, error) {
	var c civil
	p := scanner{s: trimSpace(s)}
	if !p.clock(&c) || !p.offset(&c) || p.i != len(p.s) {
		return "", malformed("time with time zone", s, expectTimeTZ)
	}
	if !validClock(&c, true) {
		return "", malformed("time with time zone", s, expectTimeTZ)
	}
	secs := ((c.hour*3600+c.min*60+c.sec-c.offset)%secondsPerDay + secondsPerDay) % secondsPerDay
	h, m, sec := secs/3600, secs/60%60, secs%60
	var buf [15]byte
	return string(appendClock(buf[:0], h, m, sec, c.frac, c.hasFrac)), nil
}
