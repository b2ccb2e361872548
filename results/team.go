package results

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// Team is the one view model of a team audit's combined results, for
// `show` and `compare` of an audit and the "Team view" of every report
// format: the respondents as the audit's naming shows them, the disputed
// questions with who answered what, and each area's and checklist
// section's figures with every respondent's own score beside them. It is
// built once (BuildTeam), in one language, so that no renderer derives a
// name or an order again.
//
// Its JSON is the `team` field of a team audit's report. It names nobody
// the naming hides, and holds no session id of a respondent: the report
// is handed to the client.
type Team struct {
	AuditID string `json:"audit_id"`
	Client  string `json:"client"`
	// Naming is how respondents are shown: default (staff anonymous),
	// names or anonymous.
	Naming string `json:"naming"`
	// Consensus is the id of the session holding the audit's settled
	// result; empty until settled.
	Consensus   string           `json:"consensus,omitempty"`
	Respondents []TeamRespondent `json:"respondents"`
	// Answered counts the respondents whose session was found.
	Answered int `json:"answered"`
	// Disagreements are the disputed questions, in the order of
	// team.Result (checklist items and statements as the pack has them).
	Disagreements []TeamQuestion `json:"disagreements"`
	Areas         []TeamRow      `json:"areas"`
	Sections      []TeamRow      `json:"sections"`

	// Result is the combination the view was built from, for the
	// consensus step (team.Open, team.Consensus).
	Result team.Result `json:"-"`
}

// TeamRespondent is one respondent as the audit's naming shows them.
type TeamRespondent struct {
	// Label is their name, or "Respondent 2" when the naming hides them
	// (teamtext.Name).
	Label    string    `json:"label"`
	Named    bool      `json:"named"`
	Role     team.Role `json:"role"`
	Answered bool      `json:"answered"`
}

// TeamQuestion is one disputed question with every answer given to it.
type TeamQuestion struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Kind is "item" (a checklist item) or "statement" (a rating).
	Kind string `json:"kind"`
	// Group is the id of its checklist section or area, GroupTitle its
	// title.
	Group      string       `json:"group"`
	GroupTitle string       `json:"group_title"`
	Given      []TeamAnswer `json:"answers"`
	Stats      team.Stats   `json:"stats"`
	NA         int          `json:"na"`
}

// IsItem reports whether q is a checklist item (Yes, Partly, No).
func (q TeamQuestion) IsItem() bool { return q.Kind == checklist.KindItem.String() }

// TeamAnswer is one respondent's answer: Respondent indexes
// Team.Respondents.
type TeamAnswer struct {
	Respondent int             `json:"respondent"`
	Label      string          `json:"label"`
	Value      checklist.Value `json:"value"`
	Note       string          `json:"note,omitempty"`
}

// TeamRow is one area (scores 1–5) or checklist section (percentages
// 0–100): every respondent's own figure, in the order of
// Team.Respondents (none for one who has not answered), and their
// statistics.
type TeamRow struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Scores []scoring.Score `json:"scores"`
	Stats  team.Stats      `json:"stats"`
	// Disputed counts its disputed questions.
	Disputed int `json:"disputed"`
}

// BuildTeam combines the sessions of a's respondents, answered with p
// (team.Combine; a session of another pack is the caller's to refuse, see
// team.PackMismatch), and words the result in w's language: respondents
// are labelled as a's naming says (teamtext.Name), texts are p's.
func BuildTeam(p *checklist.Pack, a *team.Audit, sessions map[string]*checklist.Session, w Words) Team {
	r := team.Combine(p, a, sessions)
	l := w.Locale()
	t := Team{AuditID: a.ID, Client: a.Client, Naming: namingWord(a.Naming), Consensus: a.Consensus, Answered: r.Answered,
		Respondents: make([]TeamRespondent, len(a.Respondents)), Disagreements: []TeamQuestion{}, Result: r}
	answers := make([]map[string]checklist.Answer, len(a.Respondents))
	for i, resp := range a.Respondents {
		s := sessions[resp.SessionID]
		if resp.SessionID != "" && s != nil {
			answers[i] = s.Answers
		}
		t.Respondents[i] = TeamRespondent{Label: teamtext.Name(l, a, i), Named: resp.Shown(a.Naming) && resp.Name != "",
			Role: resp.Role, Answered: answers[i] != nil}
	}
	type place struct{ text, group, title string }
	where := map[string]place{}
	for _, sec := range p.Sections {
		for _, it := range sec.Items {
			where[it.ID] = place{it.Text, sec.ID, sec.Title}
		}
	}
	for _, ar := range p.Areas {
		for _, st := range ar.Statements {
			where[st.ID] = place{st.Text, ar.ID, ar.Title}
		}
	}
	for _, q := range r.Questions {
		if !q.Disagree {
			continue
		}
		pl := where[q.ID]
		tq := TeamQuestion{ID: q.ID, Text: pl.text, Kind: q.Kind.String(), Group: pl.group, GroupTitle: pl.title,
			Stats: q.Stats, NA: q.NA, Given: make([]TeamAnswer, len(q.Given))}
		for i, g := range q.Given {
			tq.Given[i] = TeamAnswer{Respondent: g.Respondent, Label: t.Respondents[g.Respondent].Label, Value: g.Value, Note: g.Note}
		}
		t.Disagreements = append(t.Disagreements, tq)
	}
	t.Areas = make([]TeamRow, len(r.Areas))
	for i, ar := range r.Areas {
		row := TeamRow{ID: ar.ID, Title: p.Areas[i].Title, Stats: ar.Stats, Disputed: ar.Disagreements,
			Scores: make([]scoring.Score, len(a.Respondents))}
		for j, ans := range answers {
			if ans != nil {
				row.Scores[j] = scoring.ScoreArea(p.Areas[i], ans, p.Bands).Score
			}
		}
		t.Areas[i] = row
	}
	t.Sections = make([]TeamRow, len(r.Sections))
	for i, sec := range r.Sections {
		row := TeamRow{ID: sec.ID, Title: p.Sections[i].Title, Stats: sec.Stats, Disputed: sec.Disagreements,
			Scores: make([]scoring.Score, len(a.Respondents))}
		for j, ans := range answers {
			if ans != nil {
				row.Scores[j] = scoring.ScoreSection(p.Sections[i], ans).Percent
			}
		}
		t.Sections[i] = row
	}
	return t
}

// Columns lists the indexes of the respondents who answered: the columns
// of a side-by-side table.
func (t Team) Columns() []int {
	var out []int
	for i, r := range t.Respondents {
		if r.Answered {
			out = append(out, i)
		}
	}
	return out
}

// namingWord is the naming as the JSON and `team new --naming` say it.
func namingWord(n team.Naming) string {
	if n == team.NamingDefault {
		return "default"
	}
	return string(n)
}

// checklistKind is q's kind as the checklist model has it.
func checklistKind(q TeamQuestion) checklist.Kind {
	if q.IsItem() {
		return checklist.KindItem
	}
	return checklist.KindStatement
}
