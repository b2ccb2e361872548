package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/serve"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
)

// serveOptions are the flags of `servicecheck serve`.
type serveOptions struct {
	listen, keys, hostKey string
	codes                 int
	client, teamID, role  string
	lang                  string
	idle                  time.Duration
	maxSessions           int
	verbose               bool
}

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve (--client NAME | --team AUDIT) (--authorized-keys FILE | --codes N)",
		Short: "Serve the wizard over SSH to a client's respondents",
		Long: "Serve the wizard over SSH: each respondent connects with their own SSH client and\n" +
			"answers a session of their own for the client, saved into this computer's data\n" +
			"file as they answer. Only keys in --authorized-keys, or one-time join codes\n" +
			"(--codes N prints them), let anyone in; with neither, serve does not start.\n" +
			"It listens on 127.0.0.1 (this computer only) unless --listen says otherwise.",
		Example: "  servicecheck serve --team 0k3m9x --codes 5\n" +
			"  servicecheck serve --client \"Bakery Rossi\" --authorized-keys keys.pub --listen 192.168.1.20:2222",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), a, cmd.OutOrStdout(), cmd.ErrOrStderr(), *o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:0", "address to listen on (a port of 0 picks a free one)")
	f.StringVar(&o.keys, "authorized-keys", "", "let in the public keys in this authorized_keys file")
	f.IntVar(&o.codes, "codes", 0, "make this many one-time join codes and print them")
	f.StringVar(&o.hostKey, "host-key", "", "the server's key file (default: serve_host_ed25519 beside the data file)")
	f.StringVar(&o.client, "client", "", "whom the respondents answer for")
	f.StringVar(&o.teamID, "team", "", "add every respondent to this team audit (its client is served)")
	f.StringVar(&o.role, "role", string(team.Staff), "the respondents' role in the team audit: owner, manager or staff")
	f.StringVar(&o.lang, "lang", "", "the language respondents answer in (default: the team audit's, else yours)")
	f.DurationVar(&o.idle, "idle", serve.DefaultIdleTimeout, "close a connection idle this long (answers are kept)")
	f.IntVar(&o.maxSessions, "max-sessions", serve.DefaultMaxSessions, "respondents connected at once, at most")
	f.BoolVar(&o.verbose, "verbose", false, "also log every SSH connection")
	return cmd
}

func runServe(ctx context.Context, a *app, out, errOut io.Writer, o serveOptions) error {
	l := a.locale()
	if o.keys == "" && o.codes <= 0 {
		return usageError("team.serve.needs_auth")
	}
	if (o.client == "") == (o.teamID == "") {
		return usageError("team.serve.needs_client")
	}
	role, ok := team.ParseRole(o.role)
	if !ok {
		return usageError("team.cmd.bad_role", "Role", fmt.Sprintf("%q", o.role))
	}
	var keys serve.AuthorizedKeys
	if o.keys != "" {
		var err error
		if keys, err = serve.ReadAuthorizedKeys(o.keys); err != nil {
			return withCode(exitUsage, err)
		}
	}
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	// The one open store of the server: locked once, here, for as long as
	// it serves, and shared by every connection. Answers given at the same
	// moment share a commit: one fsync for many respondents (see
	// docs/benchmarks.md), each answer still on disk before it shows saved.
	sopts := a.storeOptions(false)
	sopts.GroupCommit = time.Millisecond
	st, err := store.Open(path, sopts)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			_ = st.Close()
		}
	}()
	var au *team.Audit
	client := o.client
	if o.teamID != "" {
		if au, err = st.Team(o.teamID); err != nil {
			return wrap(err, "team.serve.context")
		}
		client = au.Client
		if o.lang == "" {
			o.lang = au.Lang
		}
	}
	sp, err := chooseSessionPack(l, guard(errOut), o.lang, "")
	if err != nil {
		return err
	}
	var codes *serve.Codes
	if o.codes > 0 {
		if codes, err = serve.NewCodes(o.codes); err != nil {
			return err
		}
	}
	hostKey := o.hostKey
	if hostKey == "" {
		hostKey = filepath.Join(filepath.Dir(path), "serve_host_ed25519")
	}
	printer := &serveLog{w: guard(errOut), l: l, now: a.now}
	srv, err := serve.New(serve.Config{
		Addr: o.listen, HostKey: hostKey, Keys: keys, Codes: codes, CodePrompt: l.T("team.serve.code_prompt"),
		Store: st, Pack: sp.pack, Client: client, Team: au, Role: role,
		Lookup:      func(ref checklist.Ref) (*checklist.Pack, error) { return a.lookupPack(st, ref) },
		IdleTimeout: o.idle, MaxSessions: o.maxSessions, Full: l.T("team.serve.full_client"),
		Events: printer.event, Now: a.now, ConnLog: connLog(o.verbose, errOut),
	})
	if err != nil {
		return withCode(exitUsage, err)
	}
	addr, err := srv.Listen()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	host, port, _ := net.SplitHostPort(addr.String())
	fmt.Fprintln(out, l.T("team.serve.listening", "Client", client, "Addr", addr.String()))
	fmt.Fprintln(out, l.T("team.serve.connect_hint", "Port", port, "Host", host))
	if fp, err := hostFingerprint(hostKey); err == nil {
		fmt.Fprintln(out, l.T("team.serve.host_key", "Path", hostKey, "Fingerprint", fp))
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		fmt.Fprintln(guard(errOut), l.T("team.serve.not_loopback", "Addr", addr.String()))
	}
	if codes != nil {
		fmt.Fprintln(out, l.T("team.serve.codes_heading"))
		for _, c := range codes.List() {
			fmt.Fprintln(out, "  "+c)
		}
	}
	fmt.Fprintln(out, l.T("team.serve.stop_hint"))
	if f, ok := out.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}

	<-ctx.Done()
	printer.line(l.T("team.serve.stopping"))
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err = srv.Shutdown(sctx)
	closed = true
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	printer.line(l.T("team.serve.stopped"))
	return nil
}

func connLog(verbose bool, w io.Writer) io.Writer {
	if !verbose {
		return nil
	}
	return guard(w)
}

func hostFingerprint(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return "", err
	}
	return gossh.FingerprintSHA256(signer.PublicKey()), nil
}

// serveLog prints the server's events on the consultant's terminal, one
// line each, with the time.
type serveLog struct {
	mu  sync.Mutex
	w   io.Writer
	l   *i18n.Locale
	now func() time.Time
}

func (p *serveLog) line(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "%s %s\n", p.now().Format("15:04:05"), s)
}

func (p *serveLog) event(e serve.Event) {
	l := p.l
	who := e.Who
	if who == "" {
		who = l.T("team.serve.someone")
	}
	switch e.Kind {
	case serve.Connected:
		p.line(l.T("team.serve.connected", "Who", who, "Method", l.T("team.serve.method."+e.Method), "Remote", e.Remote,
			"Answered", e.Answered, "Total", e.Total))
	case serve.Progress:
		p.line(l.T("team.serve.progress", "Who", who, "Answered", e.Answered, "Total", e.Total))
	case serve.Completed:
		p.line(l.T("team.serve.completed", "Who", who, "ID", e.Session))
	case serve.Disconnected:
		p.line(l.T("team.serve.disconnected", "Who", who, "Answered", e.Answered, "Total", e.Total))
	case serve.Refused:
		p.line(l.T("team.serve.refused", "Remote", e.Remote))
	case serve.Full:
		p.line(l.T("team.serve.full", "Who", who))
	case serve.Failed:
		p.line(l.T("team.serve.failed", "Who", who, "Error", usertext.Error(l, e.Err)))
	}
}
