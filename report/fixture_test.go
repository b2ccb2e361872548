package report

import (
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// testPack is a small pack built in Go so that the renderers are tested
// apart from the embedded content: two sections, three areas (one of
// which is left unrated in the fixtures), four bands.
func testPack() *checklist.Pack {
	return &checklist.Pack{
		ID: "testpack", Version: "1.0.0", Lang: "en", Title: "Test pack",
		Sections: []checklist.Section{
			{ID: "culture", Title: "Culture", Items: []checklist.Item{
				{ID: "culture.training", Text: "Customer-first thinking is trained at every level"},
				{ID: "culture.front-line", Text: "Decision makers spend time on the front line"},
				{ID: "culture.internal", Text: "Every department knows its internal customers"},
			}},
			{ID: "identify", Title: "Identify – Kush janë klientët", Items: []checklist.Item{
				{ID: "identify.users", Text: "You know who uses the output of your work"},
				{ID: "identify.database", Text: "A customer database is kept"},
			}},
		},
		Areas: []checklist.Area{
			{ID: "responsiveness", Title: "Responsiveness", Statements: []checklist.Statement{
				{ID: "responsiveness.quick", Text: "Problems are solved quickly"},
				{ID: "responsiveness.third-ring", Text: "Calls are answered before the third ring"},
			}, Actions: []string{"Set a measurable answer time", "Call back every missed call"}},
			{ID: "contact", Title: "Ease of contact", Statements: []checklist.Statement{
				{ID: "contact.channels", Text: "Customers can reach us by phone, e-mail & in person"},
				{ID: "contact.complain", Text: "Complaining is easy"},
			}, Actions: []string{"Print the contact details on every invoice"}},
			{ID: "improve", Title: "Continuous improvement", Statements: []checklist.Statement{
				{ID: "improve.goals", Text: "Service goals are measurable"},
			}, Actions: []string{"Write down three measurable goals"}},
		},
		Bands: []checklist.Band{
			{ID: "critical", Label: "Critical", From: 0},
			{ID: "needs-work", Label: "Needs work", From: 40},
			{ID: "good", Label: "Good", From: 65},
			{ID: "excellent", Label: "Excellent", From: 85},
		},
	}
}

// Notes that break naive renderers: separators, quotes, line breaks, markup
// and text outside Latin-1.
const (
	noteComma     = `Phones ring out at lunch, "every day", really`
	noteMultiline = "First line\nsecond line, with comma\nthird \"quoted\" line"
	noteScript    = `<script>alert("x")</script> & <b>bold</b>`
	noteAlbanian  = "Klientët janë të kënaqur – ë ç"
	noteCyrillic  = "Клиенты довольны"
	noteEmoji     = "Great team 🎉👍🏽"
	noteFormula   = "=HYPERLINK(\"http://evil\")"
)

var (
	t0 = time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	t1 = time.Date(2025, 4, 10, 9, 30, 0, 0, time.UTC)
)

func ans(v checklist.Value, note string) checklist.Answer {
	return checklist.Answer{Value: v, Note: note, At: t1}
}

// laterSession is completed; the improvement area is all N/A, so it has no
// score.
func laterSession() *checklist.Session {
	return &checklist.Session{
		ID: "S2", Client: `Acme "Ltd" <b>`, Assessor: "Jörg Ëmil", Status: checklist.Completed,
		CreatedAt: t1, UpdatedAt: t1.Add(time.Hour), CompletedAt: t1.Add(time.Hour),
		Pack: testPack().Ref(),
		Answers: map[string]checklist.Answer{
			"culture.training":          ans(checklist.Yes, noteComma),
			"culture.front-line":        ans(checklist.Partly, noteMultiline),
			"culture.internal":          ans(checklist.No, noteFormula),
			"identify.users":            ans(checklist.NA, noteAlbanian),
			"identify.database":         ans(checklist.Yes, ""),
			"responsiveness.quick":      ans(checklist.Rating(4), noteScript),
			"responsiveness.third-ring": ans(checklist.Rating(3), noteCyrillic),
			"contact.channels":          ans(checklist.Rating(2), noteEmoji),
			"contact.complain":          ans(checklist.Rating(1), ""),
			"improve.goals":             ans(checklist.NA, ""),
		},
		Plan: checklist.Plan{Vision: "Every customer\nleaves happy", Goals: []checklist.Goal{
			{Problem: "Calls ring out", What: "Answer calls", Target: "95% before the third ring", Owner: "Ann",
				DueDate: mustDay(2025, 6, 30), Status: checklist.StatusInProgress},
		}},
	}
}

// earlierSession is the same client's previous completed session.
func earlierSession() *checklist.Session {
	return &checklist.Session{
		ID: "S1", Client: `Acme "Ltd" <b>`, Assessor: "Jo", Status: checklist.Completed,
		CreatedAt: t0, UpdatedAt: t0, CompletedAt: t0.Add(time.Hour),
		Pack: testPack().Ref(),
		Answers: map[string]checklist.Answer{
			"culture.training":          ans(checklist.No, ""),
			"culture.front-line":        ans(checklist.Yes, ""),
			"culture.internal":          ans(checklist.No, ""),
			"responsiveness.quick":      ans(checklist.Rating(2), ""),
			"responsiveness.third-ring": ans(checklist.Rating(2), ""),
			"contact.channels":          ans(checklist.Rating(2), ""),
			"contact.complain":          ans(checklist.Rating(2), ""),
			"improve.goals":             ans(checklist.Rating(5), ""),
		},
	}
}

// unfinishedSession has one answer and a note-only question.
func unfinishedSession() *checklist.Session {
	return &checklist.Session{
		ID: "S3", Client: "Beta", Status: checklist.InProgress, CreatedAt: t1, UpdatedAt: t1,
		Pack: testPack().Ref(),
		Answers: map[string]checklist.Answer{
			"responsiveness.quick": ans(checklist.Rating(5), ""),
			"contact.channels":     {Note: "ask again", At: t1},
		},
	}
}

// mustDay is the day y-m-d.
func mustDay(y int, m time.Month, d int) checklist.Day {
	day, ok := checklist.NewDay(y, m, d)
	if !ok {
		panic("no such day")
	}
	return day
}
