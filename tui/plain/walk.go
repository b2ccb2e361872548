package plain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// keysHint says the commands a question takes: "b goes back, n adds a
// note, q saves and quits".
func (r *runner) keysHint() string {
	return r.t("plain.walk.keys", "Back", r.cmd("back")[0], "Note", r.cmd("note")[0], "Quit", r.cmd("quit")[0])
}

// walk asks the questions from the session's cursor on.
func (r *runner) walk(s *checklist.Session, p *checklist.Pack) error {
	r.sess, r.pack, r.qs = s, p, p.Questions()
	i := 0
	found := false
	for j, q := range r.qs {
		if q.ID == s.Cursor {
			i, found = j, true
			break
		}
	}
	if !found {
		if open := s.Next(r.qs, -1); open >= 0 {
			i = open
		}
	}
	for {
		next, err := r.question(i)
		if err != nil {
			return err
		}
		if next < len(r.qs) {
			i = next
			continue
		}
		if open := s.Next(r.qs, -1); open >= 0 {
			r.say("")
			r.say("%s", r.loc().N("plain.walk.still_open", len(s.Unanswered(p))))
			i = open
			continue
		}
		if s.Status != checklist.Completed {
			// Every question has an answer but the session is not
			// complete: resumed after a crash between the last answer
			// and its completion (older versions wrote them apart).
			ok, err := r.save(store.Change{Complete: true})
			if err != nil {
				return err
			}
			if ok {
				s.Status, s.CompletedAt = checklist.Completed, r.opts.Now()
			} else {
				r.sayT("plain.walk.not_complete")
			}
		}
		return r.resultsAndPlan()
	}
}

// question asks question i until it gets an answer or a move, and returns
// the index to go to next.
func (r *runner) question(i int) (int, error) {
	q := r.qs[i]
	r.introduce(i)
	l := r.loc()
	for {
		a := r.sess.Answers[q.ID]
		if a.Value != "" {
			r.sayT("plain.walk.current", "Answer", present.AnswerLabel(l, q.Kind, a.Value))
		}
		if a.Note != "" {
			r.sayT("plain.walk.note_now", "Note", a.Note)
		}
		line, err := r.ask(r.t("plain.walk.ask", "Keys", r.keysHint()))
		if err != nil {
			return 0, err
		}
		switch {
		case line == "":
			if a.Value != "" {
				return i + 1, r.cursor(i + 1)
			}
			r.sayT("plain.walk.give", "Choices", r.choicesLine(q.Kind))
			continue
		case r.is(line, "quit"):
			return 0, errQuit
		case r.is(line, "back"):
			if i == 0 {
				r.sayT("plain.walk.first")
				continue
			}
			return i - 1, r.cursor(i - 1)
		case r.is(line, "note"):
			if err := r.note(q); err != nil {
				return 0, err
			}
			continue
		case r.is(line, "help"):
			r.sayT("plain.walk.help", "Answers", r.answerKeys(q.Kind), "Keys", r.keysHint())
			continue
		}
		v, ok := present.ParseAnswer(l, q.Kind, line)
		if !ok {
			id := "plain.walk.bad_item"
			if q.Kind == checklist.KindStatement {
				id = "plain.walk.bad_rating"
			}
			r.say("%s.", r.t(id, "Text", strconv.Quote(line)))
			continue
		}
		c := store.Change{QID: q.ID, SetValue: true, OldValue: a.Value, Value: v, At: r.opts.Now(), Cursor: q.ID}
		if i+1 < len(r.qs) {
			c.Cursor = r.qs[i+1].ID
		}
		a.Value, a.At = v, c.At
		r.sess.Answers[q.ID] = a
		// The answer that completes the session is saved with the
		// completion, in one write.
		c.Complete = r.sess.Status != checklist.Completed && r.sess.Next(r.qs, -1) < 0
		saved, err := r.record(c)
		if err != nil {
			return 0, err
		}
		if saved {
			if c.Complete {
				r.sess.Status, r.sess.CompletedAt = checklist.Completed, c.At
			}
			r.sayT("plain.walk.saved", "Answer", present.AnswerLabel(l, q.Kind, v))
		}
		return i + 1, nil
	}
}

// introduce says which question comes, where it stands, the purpose of
// its part when it is the part's first, the question and its choices.
func (r *runner) introduce(i int) {
	q := r.qs[i]
	l := r.loc()
	r.say("")
	r.sayT("plain.walk.where", "N", i+1, "Count", len(r.qs), "Part", present.Part(l, q),
		"Where", strings.ReplaceAll(present.Where(l, r.pack, q), " · ", ", "))
	if q.Index == 0 {
		if intro := present.Intro(r.pack, q); intro != "" {
			if q.Kind == checklist.KindStatement {
				r.sayT("plain.walk.about_area", "Text", intro)
			} else {
				r.sayT("plain.walk.purpose", "Text", intro)
			}
		}
	}
	r.say("%s", q.Text)
	if q.Help != "" {
		r.sayT("plain.walk.hint", "Text", q.Help)
	}
	r.say("%s", r.choicesLine(q.Kind))
}

// choicesLine lists the answers a question takes, numbered.
func (r *runner) choicesLine(k checklist.Kind) string {
	if k == checklist.KindStatement {
		return r.t("plain.walk.choices_rating")
	}
	return r.t("plain.walk.choices_item")
}

// answerKeys lists the answers' keys with their words: "y Yes, p Partly,
// n No, a N/A".
func (r *runner) answerKeys(k checklist.Kind) string {
	var parts []string
	for _, c := range present.Choices(r.loc(), k) {
		if k == checklist.KindStatement && c.Value != checklist.NA {
			continue // the ratings' keys are their numbers
		}
		parts = append(parts, c.Key+" "+c.Label)
	}
	return strings.Join(parts, ", ")
}

func (r *runner) note(q checklist.Question) error {
	line, err := r.ask(r.t("plain.walk.note_ask"))
	if err != nil {
		return err
	}
	a := r.sess.Answers[q.ID]
	switch line {
	case "":
		return nil
	case "-":
		line = ""
	}
	if len(line) > store.MaxNote {
		r.sayT("plain.walk.note_long", "Bytes", len(line), "Max", store.MaxNote)
		return nil
	}
	c := store.Change{QID: q.ID, SetNote: true, OldNote: a.Note, Note: line, At: r.opts.Now(), Cursor: q.ID}
	a.Note = line
	if a.At.IsZero() {
		a.At = c.At
	}
	r.sess.Answers[q.ID] = a
	ok, err := r.record(c)
	if err != nil {
		return err
	}
	if ok {
		r.sayT("plain.walk.note_saved")
	}
	return nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
