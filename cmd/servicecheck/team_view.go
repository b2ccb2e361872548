package main

import (
	"errors"
	"io"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// loadedTeam is a team audit with its respondents' sessions and the pack
// they are worded with (teamPack), as every command about an audit reads
// it.
type loadedTeam struct {
	audit    *team.Audit
	sessions map[string]*checklist.Session
	pack     *checklist.Pack
}

// loadTeam reads the team audit id names, refusing one nobody answered and
// one whose sessions were answered with different packs, as `team show`
// does.
func (a *app) loadTeam(st *store.Store, id string) (loadedTeam, error) {
	au, err := st.Team(id)
	if err != nil {
		return loadedTeam{}, err
	}
	sessions, err := st.TeamSessions(au)
	if err != nil {
		return loadedTeam{}, err
	}
	if len(sessions) == 0 {
		return loadedTeam{}, notFound("team.cmd.none_answered", "ID", au.ID)
	}
	p, err := a.teamPack(st, au, sessions)
	if err != nil {
		return loadedTeam{}, err
	}
	if bad := team.PackMismatch(p, au, sessions); bad != "" {
		return loadedTeam{}, withCode(exitInvalid, msgError("team.cmd.pack_mismatch", "Session", bad, "ID", au.ID))
	}
	return loadedTeam{audit: au, sessions: sessions, pack: p}, nil
}

// view is the team view with p's texts in lang: the audit's pack and
// language for show and compare, the consensus session's for its report.
func (t loadedTeam) view(p *checklist.Pack, lang string) results.Team {
	return results.BuildTeam(p, t.audit, t.sessions, results.In(lang))
}

// orTeam runs session, and when the id names no session runs audit with
// the team audit it names instead: `show`, `compare` and `export` take a
// team audit's id where they take a session's, a session being tried
// first. The error of a name that is neither is the session's.
func (a *app) orTeam(arg string, session func() error, audit func(st *store.Store, t loadedTeam) error) error {
	err := session()
	if arg == latest || !errors.Is(err, store.ErrNotFound) {
		return err
	}
	var found bool
	terr := a.withStore(true, func(st *store.Store) error {
		if _, err := st.Team(arg); err != nil {
			return err
		}
		found = true
		t, err := a.loadTeam(st, arg)
		if err != nil {
			return err
		}
		return audit(st, t)
	})
	if !found && errors.Is(terr, store.ErrNotFound) {
		return err
	}
	return terr
}

// writeTeamShow prints an audit's combined results as `team show` does,
// then where its agreed result is.
func writeTeamShow(out io.Writer, t loadedTeam) error {
	l := i18n.For(t.audit.Lang)
	out = guard(out)
	if err := teamtext.Render(out, l, t.pack, t.audit, team.Combine(t.pack, t.audit, t.sessions)); err != nil {
		return err
	}
	if id := t.audit.Consensus; id != "" {
		_, err := io.WriteString(out, "\n"+termtext.Line(l.T("team.consensus.pointer", "ID", id))+"\n")
		return err
	}
	return nil
}

// writeTeamCompare prints the respondents side by side as `compare AUDIT`
// does: JSON, styled text on a terminal, else Markdown.
func writeTeamCompare(opts *compareOptions, v results.Team, lang string) error {
	w := results.In(lang)
	switch {
	case opts.JSON:
		return report.WriteTeamJSON(opts.Out, v)
	case opts.Term.Styled:
		return report.WriteTeamComparisonTerminal(guard(opts.Out), v, w, report.TermOptions{Width: opts.Term.Width})
	}
	return report.WriteTeamComparisonMarkdown(guard(opts.Out), v, w)
}

// teamDocument is the report of a team audit: its agreed result, an
// ordinary session reported as any other (buildDocument), with the team
// view in that session's language. An audit not settled yet has no
// report: the message says how to settle it.
func (a *app) teamDocument(st *store.Store, t loadedTeam, readable bool) (*checklist.Session, report.Document, error) {
	notSettled := notFound("team.consensus.not_settled", "ID", t.audit.ID)
	if t.audit.Consensus == "" {
		return nil, report.Document{}, notSettled
	}
	sess, err := st.Get(t.audit.Consensus)
	if errors.Is(err, store.ErrNotFound) {
		return nil, report.Document{}, notSettled
	}
	if err != nil {
		return nil, report.Document{}, err
	}
	doc, err := a.buildDocument(st, sess, readable)
	if err != nil {
		return nil, report.Document{}, err
	}
	p, err := a.packFor(st, sess)
	if err != nil {
		return nil, report.Document{}, err
	}
	if bad := team.PackMismatch(p, t.audit, t.sessions); bad != "" {
		return nil, report.Document{}, withCode(exitInvalid, msgError("team.cmd.pack_mismatch", "Session", bad, "ID", t.audit.ID))
	}
	v := t.view(p, p.Lang)
	doc.Team = &v
	return sess, doc, nil
}
