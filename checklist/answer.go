package checklist

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Value is the value of an answer: a checklist choice (yes, partly, no, na)
// or a rating ("1" to "5", or na). The empty Value means not answered.
type Value string

// The checklist choices. NA also stands for "not applicable" on a statement.
const (
	Yes    Value = "yes"
	Partly Value = "partly"
	No     Value = "no"
	NA     Value = "na"
)

// Rating returns the Value for a rating from 1 (never) to 5 (always).
func Rating(n int) Value {
	if n < 1 || n > 5 {
		return ""
	}
	return Value(strconv.Itoa(n))
}

// Rating returns v as a rating 1..5; ok is false for anything else, N/A included.
func (v Value) Rating() (n int, ok bool) {
	if len(v) != 1 || v[0] < '1' || v[0] > '5' {
		return 0, false
	}
	return int(v[0] - '0'), true
}

// IsChoice reports whether v is one of yes, partly, no, na.
func (v Value) IsChoice() bool {
	return v == Yes || v == Partly || v == No || v == NA
}

// ValidFor reports whether v is an acceptable answer to a question of kind k.
func (v Value) ValidFor(k Kind) bool {
	switch k {
	case KindItem:
		return v.IsChoice()
	case KindStatement:
		_, ok := v.Rating()
		return ok || v == NA
	}
	return false
}

// MessageID is the catalogue id of the word for v ("answer.yes",
// "answer.rating.4", "answer.none" for no value), which a presentation
// layer words in the user's language.
func (v Value) MessageID() string {
	switch v {
	case Yes, Partly, No, NA:
		return "answer." + string(v)
	case "":
		return "answer.none"
	}
	if _, ok := v.Rating(); ok {
		return "answer.rating." + string(v)
	}
	return ""
}

// Label is v in English.
//
// Deprecated: it is for logs and tests only; what a user reads is the
// catalogue's word for v.MessageID().
func (v Value) Label() string {
	switch v {
	case Yes:
		return "Yes"
	case Partly:
		return "Partly"
	case No:
		return "No"
	case NA:
		return "N/A"
	case "":
		return "–"
	}
	return string(v)
}

// ParseValue reads an answer for a question of kind k, as a user or a file
// would write it in English: "yes", "Partly", "N/A", "4". It accepts the
// usual spellings of N/A; anything else is a *Problem (value.not_choice or
// value.not_rating). Words.Parse accepts another language's words too.
func ParseValue(k Kind, s string) (Value, error) {
	v, pr := Words(nil).parse(k, s)
	if pr != nil {
		return "", pr
	}
	return v, nil
}

// Words maps the words of a language for the checklist choices, in lower
// case ("sì", "in parte", "po", "ja"), to their values. The words belong
// to the catalogue: a presentation layer builds Words from it and hands
// them to the parsers, which accept them besides the English ones.
type Words map[string]Value

// Parse reads an answer for a question of kind k in English or in w's
// language; the error is a *Problem.
func (w Words) Parse(k Kind, s string) (Value, error) {
	v, pr := w.parse(k, s)
	if pr != nil {
		return "", pr
	}
	return v, nil
}

func (w Words) parse(k Kind, s string) (Value, *Problem) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "n/a", "na", "n.a.", "not applicable":
		return NA, nil
	}
	v := Value(t)
	if v.ValidFor(k) {
		return v, nil
	}
	if v, ok := w[t]; ok && v.ValidFor(k) {
		return v, nil
	}
	switch k {
	case KindItem:
		return "", problem("value.not_choice", fmt.Sprintf("%q is not a checklist answer: use yes, partly, no or na", s),
			"Value", fmt.Sprintf("%q", s))
	case KindStatement:
		return "", problem("value.not_rating", fmt.Sprintf("%q is not a rating: use 1 to 5 or na", s),
			"Value", fmt.Sprintf("%q", s))
	}
	return "", problem("value.unknown_kind", fmt.Sprintf("%q: unknown question kind", s), "Value", fmt.Sprintf("%q", s))
}

// Answer is what was given for one item or statement.
type Answer struct {
	// Value is empty when only a note was written.
	Value Value     `json:"value,omitempty"`
	Note  string    `json:"note,omitempty"`
	At    time.Time `json:"at"`
}
