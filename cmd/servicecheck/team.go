package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// newTeamCmd is `servicecheck team`: audits of one client answered by
// several respondents, each in a session of their own.
func newTeamCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "team",
		Short: "Audit one client with several respondents and see where they agree",
		Long: "A team audit gathers the sessions of several respondents of one client (the owner,\n" +
			"managers, staff) and shows their combined results: per question and area the mean,\n" +
			"the range, the spread (standard deviation) and the count, disagreements first.",
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newTeamNewCmd(a), newTeamAddCmd(a), newTeamShowCmd(a), newTeamSettleCmd(a))
	return cmd
}

func newTeamNewCmd(a *app) *cobra.Command {
	var client, lang, naming string
	cmd := &cobra.Command{
		Use:     "new --client NAME",
		Short:   "Start a team audit and print its id",
		Example: "  servicecheck team new --client \"Bakery Rossi\" --lang it",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if client == "" {
				return usageError("team.cmd.needs_client")
			}
			if lang != "" {
				if _, err := content.ForLang(lang); err != nil {
					return withCode(exitUsage, err)
				}
			}
			n, ok := parseNaming(naming)
			if !ok {
				return usageError("team.cmd.bad_naming", "Naming", fmt.Sprintf("%q", naming))
			}
			if lang == "" {
				lang = a.locale().Lang()
			}
			au := &team.Audit{Client: client, Lang: lang, Naming: n}
			if err := a.withStore(false, func(st *store.Store) error { return st.CreateTeam(au) }); err != nil {
				return wrap(err, "team.cmd.context.new")
			}
			_, err := fmt.Fprintln(cmd.OutOrStdout(), au.ID)
			return err
		},
	}
	cmd.Flags().StringVar(&client, "client", "", "who the audit is for")
	cmd.Flags().StringVar(&lang, "lang", "", "the language of the combined results (default: yours)")
	cmd.Flags().StringVar(&naming, "naming", "default",
		"how respondents are shown: default (staff anonymous, others by name), names, anonymous")
	return cmd
}

func parseNaming(s string) (team.Naming, bool) {
	switch s {
	case "", "default":
		return team.NamingDefault, true
	case string(team.NamingAll):
		return team.NamingAll, true
	case string(team.NamingNone):
		return team.NamingNone, true
	}
	return "", false
}

func newTeamAddCmd(a *app) *cobra.Command {
	var role, name string
	cmd := &cobra.Command{
		Use:   "add AUDIT FILE...",
		Short: "Add respondents' exported sessions to a team audit",
		Long: "Import the sessions in JSON files written by 'servicecheck export --format json'\n" +
			"(as 'servicecheck import' does) and add each as a respondent of the team audit.\n" +
			"A respondent's name is the session's assessor unless --name gives it. Adding the\n" +
			"same file twice changes nothing.",
		Example: "  servicecheck team add 0k3m9x ana.json\n  servicecheck team add 0k3m9x --role owner --name Ana ana.json",
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := team.ParseRole(role)
			if !ok {
				return usageError("team.cmd.bad_role", "Role", fmt.Sprintf("%q", role))
			}
			return runTeamAdd(a, cmd.InOrStdin(), cmd.OutOrStdout(), args[0], args[1:], r, name)
		},
	}
	cmd.Flags().StringVar(&role, "role", string(team.Staff), "the respondents' role: owner, manager or staff")
	cmd.Flags().StringVar(&name, "name", "", "the respondent's name (one session only; default: its assessor)")
	return cmd
}

// runTeamAdd imports the files as `servicecheck import` does, then links
// each session to the audit. The two are separate transactions: were the
// second to fail, the sessions are stored and running the command again
// links them (the import skips what it already has).
func runTeamAdd(a *app, in io.Reader, out io.Writer, auditID string, files []string, role team.Role, name string) error {
	var all []*checklist.Session
	var packs []store.PackFile
	var docs []importFile
	for _, f := range files {
		doc, display, err := readImportFile(f, in)
		if err != nil {
			return err
		}
		docs = append(docs, importFile{display, doc})
		all = append(all, doc.Sessions...)
		packs = append(packs, doc.Packs...)
	}
	if name != "" && len(all) != 1 {
		return usageError("team.cmd.name_one", "N", len(all))
	}
	added := 0
	var id string
	err := a.withStore(false, func(st *store.Store) error {
		au, err := st.Team(auditID)
		if err != nil {
			return err
		}
		id = au.ID
		if err := a.checkImportedAnswers(st, docs); err != nil {
			return err
		}
		if _, err := st.Import(all, packs...); err != nil {
			return err
		}
		for _, s := range all {
			ok, err := st.AddRespondent(au.ID, team.Respondent{Name: name, Role: role, SessionID: s.ID})
			if err != nil {
				return err
			}
			if ok {
				added++
			}
		}
		return nil
	})
	var mm *answersMismatch
	if errors.As(err, &mm) {
		return mm.error // it names the file already
	}
	if err != nil {
		return wrap(err, "team.cmd.context.add")
	}
	_, err = fmt.Fprintln(out, a.locale().N("team.cmd.added", added, "ID", id))
	return err
}

func newTeamShowCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "show AUDIT",
		Short:   "Show a team audit's combined results, disagreements first",
		Example: "  servicecheck team show 0k3m9x\n  servicecheck team show 0k3m9x --json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTeamShow(a, cmd.OutOrStdout(), args[0], asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the audit and its combined results as JSON")
	return cmd
}

// teamJSON is what `team show --json` prints.
type teamJSON struct {
	Audit   *team.Audit `json:"audit"`
	Results team.Result `json:"results"`
}

func runTeamShow(a *app, out io.Writer, id string, asJSON bool) error {
	var au *team.Audit
	var p *checklist.Pack
	var res team.Result
	err := a.withStore(true, func(st *store.Store) error {
		var err error
		if au, err = st.Team(id); err != nil {
			return err
		}
		sessions, err := st.TeamSessions(au)
		if err != nil {
			return err
		}
		if len(sessions) == 0 {
			return notFound("team.cmd.none_answered", "ID", au.ID)
		}
		if p, err = a.teamPack(st, au, sessions); err != nil {
			return err
		}
		if bad := team.PackMismatch(p, au, sessions); bad != "" {
			return withCode(exitInvalid, msgError("team.cmd.pack_mismatch", "Session", bad, "ID", au.ID))
		}
		res = team.Combine(p, au, sessions)
		return nil
	})
	if err != nil {
		return wrap(err, "team.cmd.context.show")
	}
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(teamJSON{Audit: au, Results: res})
	}
	return teamtext.Render(guard(out), i18n.For(au.Lang), p, au, res)
}

// teamPack is the pack the combined results are worded with (team.Pack):
// a built-in pack in the audit's language, else the one the sessions were
// answered with, built in or kept in the file.
func (a *app) teamPack(st *store.Store, au *team.Audit, sessions map[string]*checklist.Session) (*checklist.Pack, error) {
	return team.Pack(au, sessions, func(ref checklist.Ref) (*checklist.Pack, error) {
		if ref.Lang == au.Lang {
			if p, ok := builtinPack(ref); ok {
				return p, nil
			}
		}
		return a.lookupPack(st, ref)
	})
}
