package checklist

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// MaxAnswersFileSize bounds an answers file: a full pack's answers with
// long notes fit in a few tens of kilobytes, and the limit keeps a hostile
// file from costing time or memory.
const MaxAnswersFileSize = 256 << 10

// Limits on the text of a session, which the store enforces too: an answers
// file breaking them is refused with the line to fix rather than failing
// when the session is stored.
const (
	MaxNameBytes = 256      // a client or assessor name
	MaxNoteBytes = 64 << 10 // a note
)

// AnswersFile is an answers file read and checked against a pack: who the
// session is for and every answer given, ready to store as a session.
//
// The file is YAML or JSON (JSON is YAML):
//
//	client: Acme Ltd
//	assessor: Jo
//	answers:
//	  culture.front-line-time: yes     # item: yes | partly | no | na
//	  responsiveness.third-ring: 4     # statement: 1..5 | na
//	notes:
//	  responsiveness.third-ring: "Phones ring out at lunch"
//	plan:                              # optional
//	  vision: Every customer hears back within a day
//	  goals:
//	    - problem: Phones ring out at lunch
//	      what: A second line from 12 to 2
//	      target: 90% of calls answered by the third ring
//	      due: end of March
//
// An id left empty (`id:` or `id: null`) counts as not answered.
type AnswersFile struct {
	Name     string
	Client   string
	Assessor string
	// Plan is the plan block; each goal has a problem, texts are trimmed.
	Plan Plan
	// Review is the plan block's review: where each goal of the client's
	// previous plan stands, by number; the caller applies it to that plan
	// (ApplyReview).
	Review []FileReview
	// Details are the session's date, site, participants and notes
	// (answersfile_details.go).
	Details AnswersDetails
	// Answers maps each answered or annotated id to its answer; At is
	// left zero for the caller to set.
	Answers map[string]Answer
	// Missing lists the pack's ids with no value, in the wizard's order.
	Missing []string

	answersAt pos // where the answers mapping is, for the missing-ids error
}

// Incomplete returns a validation error listing every missing id, or nil
// when every question of the pack has a value.
func (f *AnswersFile) Incomplete() error {
	if len(f.Missing) == 0 {
		return nil
	}
	const show = 10
	ids := f.Missing
	if len(ids) <= show {
		list := strings.Join(ids, ", ")
		return ValidationErrors{f.errAt(f.answersAt, "answers", problem("answers.missing",
			fmt.Sprintf("%d of the pack's ids not answered: %s", len(ids), list), "Count", len(ids), "IDs", list))}
	}
	list, more := strings.Join(ids[:show], ", "), len(ids)-show
	return ValidationErrors{f.errAt(f.answersAt, "answers", problem("answers.missing_more",
		fmt.Sprintf("%d of the pack's ids not answered: %s and %d more", len(ids), list, more),
		"Count", len(ids), "IDs", list, "More", more))}
}

func (f *AnswersFile) errAt(p pos, field string, pr *Problem) *FieldError {
	return at(f.Name, p, field, pr)
}

// ParseAnswers reads an answers file named name (for messages) and checks it
// against p. It reports every problem at once, each with its line and
// column: syntax errors, unknown fields and ids, values that do not fit
// the question, notes for unknown ids. Missing ids are not an error here:
// they are listed in Missing, and Incomplete turns them into one.
func ParseAnswers(name string, data []byte, p *Pack) (*AnswersFile, error) {
	return ParseAnswersIn(name, data, p, nil)
}

// ParseAnswersIn is ParseAnswers accepting the answer words of a language
// (those of the pack's, say) besides the English ones.
func ParseAnswersIn(name string, data []byte, p *Pack, words Words) (*AnswersFile, error) {
	f := &AnswersFile{Name: name, Answers: map[string]Answer{}}
	body, err := parseAnswersYAML(f, data)
	if err != nil {
		return nil, err
	}
	ap := &answersParser{f: f, pack: p, kinds: kindsOf(p), words: words}
	ap.unknown = &unknownIDs{pack: p}
	ap.walk(body)
	if len(ap.errs) > 0 {
		slices.SortStableFunc(ap.errs, func(a, b *FieldError) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, ap.errs
	}
	for _, q := range p.Questions() {
		if f.Answers[q.ID].Value == "" {
			f.Missing = append(f.Missing, q.ID)
		}
	}
	return f, nil
}

// parseAnswersYAML checks what must hold before parsing (size, encoding,
// nesting) and parses data into the body of its one document.
func parseAnswersYAML(f *AnswersFile, data []byte) (ast.Node, error) {
	if len(data) > MaxAnswersFileSize {
		return nil, ValidationErrors{f.errAt(pos{}, "", problem("answers.too_large",
			fmt.Sprintf("file is larger than %d bytes", MaxAnswersFileSize), "Max", MaxAnswersFileSize))}
	}
	// Editors on Windows start files with a byte order mark; it is not
	// part of the first key.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, ValidationErrors{f.errAt(invalidUTF8Pos(data), "", problem("answers.not_utf8", "not valid UTF-8: save the file as UTF-8"))}
	}
	if line := tooDeep(data); line > 0 {
		return nil, ValidationErrors{f.errAt(pos{line, 1}, "", problemTooDeep())}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, ValidationErrors{answersSyntaxError(f.Name, err)}
	}
	if len(file.Docs) > 1 {
		return nil, ValidationErrors{f.errAt(nodePos(file.Docs[1]), "", problem("answers.many_documents", "more than one document: an answers file holds one session"))}
	}
	if len(file.Docs) == 0 {
		return nil, nil
	}
	return file.Docs[0].Body, nil
}

// answersParser walks the AST of an answers file, collecting every
// problem rather than stopping at the first.
type answersParser struct {
	f       *AnswersFile
	pack    *Pack
	kinds   map[string]Kind
	unknown *unknownIDs
	words   Words
	errs    ValidationErrors
}

func (ap *answersParser) fail(at pos, field string, pr *Problem) {
	ap.errs = append(ap.errs, ap.f.errAt(at, field, pr))
}

// walk reads the top-level mapping: client, assessor, answers, notes, plan.
func (ap *answersParser) walk(body ast.Node) {
	top, ok := body.(*ast.MappingNode)
	if !ok {
		if body == nil {
			ap.fail(pos{1, 1}, "", problem("answers.empty", "file is empty: expected client, assessor and answers"))
		} else {
			ap.fail(nodePos(body), "", problem("answers.not_mapping", "expected a mapping with client, assessor and answers"))
		}
		return
	}
	seenAnswers := false
	for _, mv := range top.Values {
		key, at := keyOf(mv)
		switch key {
		case "client", "assessor":
			s, pr := scalarText(mv.Value)
			if pr == nil {
				pr = textProblem(s, MaxNameBytes, false)
			}
			if pr != nil {
				ap.fail(nodePos(mv.Value), key, pr)
				continue
			}
			if key == "client" {
				ap.f.Client = strings.TrimSpace(s)
			} else {
				ap.f.Assessor = strings.TrimSpace(s)
			}
		case "answers":
			seenAnswers = true
			ap.f.answersAt = at
			eachEntry(mv.Value, key, ap.fail, ap.answer)
		case "notes":
			eachEntry(mv.Value, key, ap.fail, ap.note)
		case "plan":
			ap.plan(mv.Value)
		default:
			if ap.detail(key, mv.Value) {
				continue
			}
			ap.fail(at, fieldName(key), problem("answers.unknown_field", "unknown field: use client, assessor, answers, notes and plan"))
		}
	}
	if !seenAnswers {
		ap.fail(nodePos(top), "answers", problem("answers.no_answers", "no answers: add an answers mapping of id: value"))
	}
}

// answer reads one entry of answers: an id and a value that fits its kind.
func (ap *answersParser) answer(id string, idAt pos, v ast.Node) {
	k, known := ap.kinds[id]
	if !known {
		ap.fail(idAt, "answers."+id, ap.unknown.msg(id))
		return
	}
	s, pr := scalarText(v)
	if pr != nil {
		ap.fail(nodePos(v), "answers."+id, pr)
		return
	}
	if strings.TrimSpace(s) == "" {
		return
	}
	val, pr := ap.words.parse(k, s)
	if pr != nil {
		ap.fail(nodePos(v), "answers."+id, pr)
		return
	}
	a := ap.f.Answers[id]
	a.Value = val
	ap.f.Answers[id] = a
}

// note reads one entry of notes: an id and any text.
func (ap *answersParser) note(id string, idAt pos, v ast.Node) {
	if _, known := ap.kinds[id]; !known {
		ap.fail(idAt, "notes."+id, ap.unknown.msg(id))
		return
	}
	s, pr := scalarText(v)
	if pr == nil {
		pr = textProblem(s, MaxNoteBytes, true)
	}
	if pr != nil {
		ap.fail(nodePos(v), "notes."+id, pr)
		return
	}
	if s == "" {
		return
	}
	a := ap.f.Answers[id]
	a.Note = s
	ap.f.Answers[id] = a
}

// NameProblem says what is wrong with s as a client or assessor name, for
// names given outside an answers file (flags); nil when nothing is.
func NameProblem(s string) *Problem { return textProblem(s, MaxNameBytes, false) }

// textProblem says what is wrong with s as a name (one line) or a note
// (multiline): too long, or holding a control character, which could drive
// the terminal a report is shown on; nil when nothing is.
func textProblem(s string, limit int, multiline bool) *Problem {
	if len(s) > limit {
		return problem("text.too_long", fmt.Sprintf("%d bytes long: at most %d", len(s), limit), "Length", len(s), "Max", limit)
	}
	if at, r := termtext.Find(s, multiline); at >= 0 {
		c := fmt.Sprintf("%U", r)
		return problem("text.control", fmt.Sprintf("holds the control character %s: remove it", c), "Char", c)
	}
	return nil
}

// unknownIDs words the error for an id the pack does not have, with the
// nearest id as a suggestion for a typo. Suggestions stop after a few, so
// that a hostile file of thousands of unknown ids costs no more than
// listing them.
type unknownIDs struct {
	pack      *Pack
	suggested int
}

const maxSuggestions = 20

func (u *unknownIDs) msg(id string) *Problem {
	msg := "unknown id: not a checklist item or statement of " + u.pack.ID + " " + u.pack.Version
	if u.suggested >= maxSuggestions {
		return problem("answers.unknown_id", msg, "Pack", u.pack.ID, "Version", u.pack.Version)
	}
	u.suggested++
	best, bestDist := "", 4
	for _, q := range u.pack.Questions() {
		if d := editDistance(id, q.ID); d < bestDist {
			best, bestDist = q.ID, d
		}
	}
	if best != "" {
		return problem("answers.unknown_id_suggest", msg+fmt.Sprintf(" (did you mean %s?)", best),
			"Pack", u.pack.ID, "Version", u.pack.Version, "Suggestion", best)
	}
	return problem("answers.unknown_id", msg, "Pack", u.pack.ID, "Version", u.pack.Version)
}

// kindsOf maps every id of p to its kind in one pass, rather than
// searching the pack for each line of the file.
func kindsOf(p *Pack) map[string]Kind {
	m := make(map[string]Kind)
	for _, q := range p.Questions() {
		m[q.ID] = q.Kind
	}
	return m
}
