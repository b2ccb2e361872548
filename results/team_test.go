package results

import (
	"slices"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/team"
)

// teamPack has one section of two items and two areas of one statement.
func teamPack() *checklist.Pack {
	return &checklist.Pack{ID: "p", Version: "1", Lang: "en",
		Sections: []checklist.Section{{ID: "sec", Title: "Section", Items: []checklist.Item{
			{ID: "sec.a", Text: "Item A"}, {ID: "sec.b", Text: "Item B"}}}},
		Areas: []checklist.Area{
			{ID: "one", Title: "Area one", Statements: []checklist.Statement{{ID: "one.s", Text: "Statement one"}}},
			{ID: "two", Title: "Area two", Statements: []checklist.Statement{{ID: "two.s", Text: "Statement two"}}},
		}}
}

func answers(kv ...string) map[string]checklist.Answer {
	out := map[string]checklist.Answer{}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = checklist.Answer{Value: checklist.Value(kv[i+1])}
	}
	return out
}

func TestBuildTeam(t *testing.T) {
	p := teamPack()
	sessions := map[string]*checklist.Session{
		"s1": {ID: "s1", Answers: answers("sec.a", "yes", "sec.b", "yes", "one.s", "5", "two.s", "3")},
		"s2": {ID: "s2", Answers: answers("sec.a", "partly", "sec.b", "no", "one.s", "2", "two.s", "4")},
	}
	resp := func() []team.Respondent {
		return []team.Respondent{
			{Name: "Ana", Role: team.Owner, SessionID: "s1"},
			{Name: "Ben", Role: team.Staff, SessionID: "s2"},
			{Name: "Dee", Role: team.Manager}, // no session yet
		}
	}
	tests := []struct {
		name   string
		naming team.Naming
		labels []string
		named  []bool
		word   string
	}{
		{"default hides staff", team.NamingDefault, []string{"Ana", "Respondent 2", "Dee"}, []bool{true, false, true}, "default"},
		{"names shows all", team.NamingAll, []string{"Ana", "Ben", "Dee"}, []bool{true, true, true}, "names"},
		{"anonymous hides all", team.NamingNone, []string{"Respondent 1", "Respondent 2", "Respondent 3"}, []bool{false, false, false}, "anonymous"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &team.Audit{ID: "aud", Client: "Acme", Naming: tt.naming, Respondents: resp()}
			v := BuildTeam(p, a, sessions, In("en"))
			if v.Naming != tt.word || v.Answered != 2 {
				t.Errorf("naming %q answered %d", v.Naming, v.Answered)
			}
			for i, r := range v.Respondents {
				if r.Label != tt.labels[i] || r.Named != tt.named[i] || r.Answered != (i < 2) {
					t.Errorf("respondent %d = %+v, want %s named %v", i, r, tt.labels[i], tt.named[i])
				}
			}
			if got := v.Columns(); !slices.Equal(got, []int{0, 1}) {
				t.Errorf("columns %v, want the two who answered", got)
			}
			// One disagreement: sec.b (Yes against No) and one.s (5
			// against 2), in the combined order; labels as the naming.
			var ids []string
			for _, q := range v.Disagreements {
				ids = append(ids, q.ID)
				if q.Given[1].Label != tt.labels[1] {
					t.Errorf("%s: answer labelled %q, want %q", q.ID, q.Given[1].Label, tt.labels[1])
				}
			}
			if !slices.Equal(ids, []string{"sec.b", "one.s"}) {
				t.Errorf("disagreements %v", ids)
			}
			q := v.Disagreements[0]
			if q.Text != "Item B" || q.Group != "sec" || q.GroupTitle != "Section" || !q.IsItem() || q.Stats.Count != 2 {
				t.Errorf("disputed item %+v", q)
			}
		})
	}
}

func TestBuildTeamRows(t *testing.T) {
	p := teamPack()
	sessions := map[string]*checklist.Session{
		"s1": {ID: "s1", Answers: answers("sec.a", "yes", "sec.b", "yes", "one.s", "5", "two.s", "3")},
		"s2": {ID: "s2", Answers: answers("sec.a", "partly", "sec.b", "no", "one.s", "2", "two.s", "na")},
	}
	a := &team.Audit{Respondents: []team.Respondent{{Role: team.Owner}, {Role: team.Staff, SessionID: "s1"}, {Role: team.Staff, SessionID: "s2"}}}
	v := BuildTeam(p, a, sessions, In("it"))
	tests := []struct {
		row      TeamRow
		title    string
		scores   []scoring.Score
		count    int
		disputed int
	}{
		{v.Areas[0], "Area one", []scoring.Score{{}, scoring.Of(5), scoring.Of(2)}, 2, 1},
		{v.Areas[1], "Area two", []scoring.Score{{}, scoring.Of(3), {}}, 1, 0},
		{v.Sections[0], "Section", []scoring.Score{{}, scoring.Of(100), scoring.Of(25)}, 2, 1},
	}
	for _, tt := range tests {
		if tt.row.Title != tt.title || !slices.Equal(tt.row.Scores, tt.scores) || tt.row.Stats.Count != tt.count || tt.row.Disputed != tt.disputed {
			t.Errorf("row %+v, want %s %v count %d disputed %d", tt.row, tt.title, tt.scores, tt.count, tt.disputed)
		}
	}
	if v.Respondents[0].Label != "Partecipante 1" || v.Respondents[0].Answered {
		t.Errorf("a respondent without a session: %+v", v.Respondents[0])
	}
}

func TestTeamWords(t *testing.T) {
	st := team.StatsOf([]float64{2, 5})
	pc := team.StatsOf([]float64{25, 100})
	tests := []struct {
		lang, got, want string
	}{
		{"en", In("en").TeamRange(st, false), "2.0–5.0"},
		{"it", In("it").TeamRange(st, false), "2,0–5,0"},
		{"it", In("it").TeamRange(pc, true), "25–100%"},
		{"en", In("en").TeamSpread(st, false), "1.5"},
		{"it", In("it").TeamSpread(pc, true), "38"},
		{"en", In("en").TeamFigure(scoring.Score{}, false), "–"},
		{"en", In("en").TeamFigure(scoring.Of(61), true), "61%"},
		{"en", In("en").TeamRange(team.Stats{}, true), "–"},
		{"sq", In("sq").TeamRespondent(TeamRespondent{Label: "Ana", Role: team.Owner, Answered: true}), "Ana (pronar)"},
		{"en", In("en").TeamRespondent(TeamRespondent{Label: "Respondent 3", Role: team.Staff}), "Respondent 3 (staff, not answered yet)"},
		{"en", In("en").TeamGiven(TeamQuestion{Given: []TeamAnswer{{Label: "Ana", Value: "5"}, {Label: "Respondent 2", Value: checklist.NA}}}),
			"Ana: 5 always · Respondent 2: N/A"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, tt.got, tt.want)
		}
	}
}
