package plain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

const keysHint = "b goes back, n adds a note, q saves and quits"

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
			r.say("%s still open; here is the first.", countOf(len(s.Unanswered(p)), "question is", "questions are"))
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
				r.say("The session is not marked complete yet: it is tried again at the end.")
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
	for {
		a := r.sess.Answers[q.ID]
		if a.Value != "" {
			r.say("Current answer: %s. Press enter to keep it.", present.AnswerLabel(q.Kind, a.Value))
		}
		if a.Note != "" {
			r.say("Note: %s", a.Note)
		}
		line, err := r.ask("Answer (" + keysHint + "): ")
		if err != nil {
			return 0, err
		}
		switch strings.ToLower(line) {
		case "":
			if a.Value != "" {
				return i + 1, r.cursor(i + 1)
			}
			r.say("Please give an answer: %s", strings.ToLower(choicesLine(q.Kind)))
			continue
		case "q", "quit":
			return 0, errQuit
		case "b", "back":
			if i == 0 {
				r.say("This is the first question.")
				continue
			}
			return i - 1, r.cursor(i - 1)
		case "n", "note":
			if err := r.note(q); err != nil {
				return 0, err
			}
			continue
		case "?", "h", "help":
			r.say("Type the answer as a word or its number. %s.", strings.ToUpper(keysHint[:1])+keysHint[1:])
			continue
		}
		v, err := parse(q.Kind, line)
		if err != nil {
			r.say("%s.", err)
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
		ok, err := r.record(c)
		if err != nil {
			return 0, err
		}
		if ok {
			if c.Complete {
				r.sess.Status, r.sess.CompletedAt = checklist.Completed, c.At
			}
			r.say("Saved: %s.", present.AnswerLabel(q.Kind, v))
		}
		return i + 1, nil
	}
}

// introduce says which question comes, where it stands, the purpose of
// its part when it is the part's first, the question and its choices.
func (r *runner) introduce(i int) {
	q := r.qs[i]
	r.say("")
	r.say("Question %d of %d. %s, %s.", i+1, len(r.qs), present.Part(q), strings.ReplaceAll(present.Where(r.pack, q), " · ", ", "))
	if q.Index == 0 {
		if intro := present.Intro(r.pack, q); intro != "" {
			if q.Kind == checklist.KindStatement {
				r.say("About this area: %s", intro)
			} else {
				r.say("Purpose of this section: %s", intro)
			}
		}
	}
	r.say("%s", q.Text)
	if q.Help != "" {
		r.say("Hint: %s", q.Help)
	}
	r.say("%s", choicesLine(q.Kind))
}

// choicesLine lists the answers a question takes, numbered.
func choicesLine(k checklist.Kind) string {
	if k == checklist.KindStatement {
		return "Rate 1 (never), 2 (rarely), 3 (sometimes), 4 (often), 5 (always), or na (not applicable)."
	}
	return "Choices: 1 yes, 2 partly, 3 no, 4 na (not applicable)."
}

// parse reads a typed answer: a word, a number of the numbered choices, or
// for items the first letter of yes and partly ("n" adds a note).
func parse(k checklist.Kind, s string) (checklist.Value, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if k == checklist.KindItem {
		if n, err := strconv.Atoi(t); err == nil && n >= 1 && n <= 4 {
			return present.Choices(k)[n-1].Value, nil
		}
		switch t {
		case "y":
			return checklist.Yes, nil
		case "p":
			return checklist.Partly, nil
		}
	}
	return checklist.ParseValue(k, t)
}

func (r *runner) note(q checklist.Question) error {
	line, err := r.ask("Note (one line; enter keeps the old one, - removes it): ")
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
		r.say("The note is too long: %d bytes, at most %d. It was not saved.", len(line), store.MaxNote)
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
		r.say("Note saved.")
	}
	return nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
