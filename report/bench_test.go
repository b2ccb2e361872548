package report

import (
	"io"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// fullSession answers every question of p, with a note on every fifth.
func fullSession(p *checklist.Pack, id string, rating int, at time.Time) *checklist.Session {
	s := &checklist.Session{ID: id, Client: "Acme Ltd", Assessor: "Jo", Status: checklist.Completed,
		CreatedAt: at, UpdatedAt: at, CompletedAt: at, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	choices := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	for i, q := range p.Questions() {
		a := checklist.Answer{At: at}
		if q.Kind == checklist.KindItem {
			a.Value = choices[i%len(choices)]
		} else {
			a.Value = checklist.Rating(1 + (i+rating)%5)
		}
		if i%5 == 0 {
			a.Note = "Phones ring out at lunch, \"every day\" – Клиенты 🎉"
		}
		s.Answers[q.ID] = a
	}
	return s
}

func benchDoc() Document {
	p := content.Default()
	prev := fullSession(p, "S1", 1, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	cur := fullSession(p, "S2", 3, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC))
	return Build(p, cur, prev, p)
}

func BenchmarkBuild(b *testing.B) {
	p := content.Default()
	prev := fullSession(p, "S1", 1, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	cur := fullSession(p, "S2", 3, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		Build(p, cur, prev, p)
	}
}

func BenchmarkWrite(b *testing.B) {
	d := benchDoc()
	for _, w := range []struct {
		name  string
		write func(io.Writer, Document) error
	}{
		{"markdown", WriteMarkdown},
		{"html", WriteHTML},
		{"csv", WriteCSV},
		{"json", WriteJSON},
		{"terminal", func(w io.Writer, d Document) error { return WriteTerminal(w, d, TermOptions{Width: 100}) }},
		// The paged reports: one session's PDF (compressed, as export
		// writes it) and DOCX; the target is < 50 ms each.
		{"pdf", func(w io.Writer, d Document) error { _, err := WritePDF(w, d, Options{}); return err }},
		{"docx", func(w io.Writer, d Document) error { return WriteDOCX(w, d, Options{}) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := w.write(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
