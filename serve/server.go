// Package serve serves the wizard over SSH (charm.land/wish) to the
// respondents of a team audit: each connection answers its own session
// into the one store the server holds open, every answer committed as it
// is given. Nobody gets in without a key from the authorized-keys file or
// a one-time join code.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/logging"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/tui"
)

// Defaults for Config's limits.
const (
	DefaultIdleTimeout = 15 * time.Minute
	DefaultMaxSessions = 60
)

// Config is what a Server needs. Store, Pack, Client and HostKey are
// required, and Keys or Codes (or both).
type Config struct {
	// Addr is the address to listen on; "" is 127.0.0.1 on a free port.
	Addr    string
	HostKey string // path of the host key (see HostKey)
	Keys    AuthorizedKeys
	Codes   *Codes
	// CodePrompt is the question a keyboard-interactive client is asked
	// for its join code.
	CodePrompt string
	Store      *store.Store
	Pack       *checklist.Pack
	Lookup     func(checklist.Ref) (*checklist.Pack, error)
	// Client is whom every served session is for.
	Client string
	// Team, when not nil, gets every served session as a respondent in
	// Role, named by the SSH user name.
	Team *team.Audit
	Role team.Role
	// IdleTimeout closes a connection with no traffic for this long (the
	// answers given are saved); MaxSessions caps the respondents at once.
	IdleTimeout time.Duration
	MaxSessions int
	// Full is what a respondent reads when MaxSessions are connected.
	Full string
	// Events receives what happens, for the consultant's terminal; it is
	// called from many goroutines.
	Events func(Event)
	// ConnLog, when not nil, gets wish's technical connection log.
	ConnLog io.Writer
	// RatePerIP and Burst limit new sessions per remote address.
	RatePerIP rate.Limit
	Burst     int
	Now       func() time.Time
}

// EventKind says what an Event reports.
type EventKind int

// The kinds of Event.
const (
	Connected EventKind = iota
	Progress
	Completed
	Disconnected
	Refused // a wrong or used join code
	Full    // a respondent turned away: MaxSessions reached
	Failed  // a session ended with answers not saved (Err says why)
)

// Event is one thing that happened on the server.
type Event struct {
	Kind EventKind
	// Who is the respondent's SSH user name, cleaned of control
	// characters; Method is "key" or "code".
	Who, Method, Remote string
	Session             string
	Answered, Total     int
	Err                 error
}

// Server is an SSH server of the wizard.
type Server struct {
	cfg    Config
	srv    *ssh.Server
	ln     net.Listener
	ctx    context.Context
	cancel context.CancelFunc
	active atomic.Int64
	wg     sync.WaitGroup

	mu      sync.Mutex
	resumes map[string]string // key fingerprint + user -> session id
}

type ctxKey string

const methodKey ctxKey = "servicecheck-auth"

// New checks cfg and sets up the server; Listen starts it.
func New(cfg Config) (*Server, error) {
	if len(cfg.Keys) == 0 && cfg.Codes == nil {
		return nil, ErrNoAuth
	}
	if cfg.Store == nil || cfg.Pack == nil || cfg.Client == "" || cfg.HostKey == "" {
		return nil, errors.New("serve: a store, a pack, a client and a host key are required")
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.RatePerIP == 0 {
		cfg.RatePerIP, cfg.Burst = rate.Every(500*time.Millisecond), cfg.MaxSessions
	}
	if cfg.Events == nil {
		cfg.Events = func(Event) {}
	}
	if cfg.Role == "" {
		cfg.Role = team.Staff
	}
	if err := HostKey(cfg.HostKey); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, resumes: map[string]string{}}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	mw := []wish.Middleware{
		s.app, // innermost
		s.limit,
		activeterm.Middleware(),
		ratelimiter.Middleware(ratelimiter.NewRateLimiter(cfg.RatePerIP, cfg.Burst, 1024)),
	}
	if cfg.ConnLog != nil {
		mw = append(mw, logging.MiddlewareWithLogger(connLogger{cfg.ConnLog}))
	}
	opts := []ssh.Option{
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(mw...),
	}
	if len(cfg.Keys) > 0 {
		opts = append(opts, wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			if !cfg.Keys.allows(key) {
				return false
			}
			ctx.SetValue(methodKey, "key")
			return true
		}))
	}
	if cfg.Codes != nil {
		opts = append(opts,
			wish.WithPasswordAuth(func(ctx ssh.Context, pw string) bool { return s.code(ctx, pw) }),
			wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
				ans, err := ask("", "", []string{cfg.CodePrompt}, []bool{false})
				return err == nil && len(ans) == 1 && s.code(ctx, ans[0])
			}))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	srv.HandshakeTimeout = 30 * time.Second
	s.srv = srv
	return s, nil
}

// code checks a join code; a wrong one costs the guesser a moment.
func (s *Server) code(ctx ssh.Context, code string) bool {
	if s.cfg.Codes.Use(code) {
		ctx.SetValue(methodKey, "code")
		return true
	}
	s.cfg.Events(Event{Kind: Refused, Who: cleanName(ctx.User()), Remote: ctx.RemoteAddr().String()})
	time.Sleep(300 * time.Millisecond)
	return false
}

// Listen starts listening and serving in the background; it returns the
// address listened on (with the port chosen when it was 0).
func (s *Server) Listen() (net.Addr, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	go func() { _ = s.srv.Serve(ln) }()
	return ln.Addr(), nil
}

// Shutdown stops taking connections, ends every wizard (each saves what
// its respondent has given, typed text included) and waits for them, at
// most until ctx is done; then it closes whatever is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.cancel()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	sctx, stop := context.WithTimeout(ctx, time.Second)
	defer stop()
	if err := s.srv.Shutdown(sctx); err != nil {
		return s.srv.Close()
	}
	return nil
}

// limit turns respondents away beyond MaxSessions.
func (s *Server) limit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := s.active.Add(1); n > int64(s.cfg.MaxSessions) {
			s.active.Add(-1)
			s.cfg.Events(Event{Kind: Full, Who: cleanName(sess.User()), Remote: sess.RemoteAddr().String()})
			wish.Fatalln(sess, s.cfg.Full)
			return
		}
		defer s.active.Add(-1)
		next(sess)
	}
}

// app runs one respondent's wizard. It uses the bubbletea middleware's
// program options (input, output, environment, colour profile), and runs
// the program through tui.RunServed rather than the middleware's own loop,
// so that on every way out (quit, disconnect, idle timeout, server
// shutdown) what the respondent typed is saved as the local wizard saves
// it.
func (s *Server) app(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.wg.Add(1)
		defer s.wg.Done()
		defer next(sess)
		pty, windows, _ := sess.Pty()
		who := cleanName(sess.User())
		method, _ := sess.Context().Value(methodKey).(string)
		ev := Event{Who: who, Method: method, Remote: sess.RemoteAddr().String(), Total: len(s.cfg.Pack.Questions())}

		r := &repo{st: s.cfg.Store, client: s.cfg.Client}
		r.created = func(c *checklist.Session) error {
			if s.cfg.Team == nil {
				return nil
			}
			_, err := s.cfg.Store.AddRespondent(s.cfg.Team.ID, team.Respondent{Name: who, Role: s.cfg.Role, SessionID: c.ID})
			return err
		}
		start, answered, err := s.start(sess, r, who, method)
		if err != nil {
			ev.Kind, ev.Err = Failed, err
			s.cfg.Events(ev)
			wish.Fatalln(sess, err)
			return
		}
		ev.Session = start.Session.ID
		var mu sync.Mutex
		ev.Answered = len(answered)
		r.changed = func(id string, c store.Change) {
			mu.Lock()
			defer mu.Unlock()
			if c.SetValue {
				if c.Value != "" {
					answered[c.QID] = true
				} else {
					delete(answered, c.QID)
				}
			}
			e := ev
			e.Session, e.Answered, e.Kind = id, len(answered), Progress
			if c.Complete {
				e.Kind = Completed
			}
			s.cfg.Events(e)
		}
		ev.Kind = Connected
		s.cfg.Events(ev)

		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		stop := context.AfterFunc(s.ctx, cancel)
		defer stop()
		sizes := make(chan tea.WindowSizeMsg)
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case w := <-windows:
					select {
					case sizes <- tea.WindowSizeMsg{Width: w.Width, Height: w.Height}:
					case <-ctx.Done():
						return
					}
				}
			}
		}()
		// 120 frames a second (Bubble Tea's most, the default is 60): a key
		// and its "✓ saved" each wait for the next frame, and over SSH
		// that wait was most of the time a respondent waits (p50 13.6 ms
		// at 60, 9.0 ms at 120; docs/benchmarks.md).
		popts := append(bubbletea.MakeOptions(sess), tea.WithWindowSize(pty.Window.Width, pty.Window.Height), tea.WithFPS(120))
		topts := tui.Options{Repo: r, Pack: s.cfg.Pack, Lookup: s.cfg.Lookup, Start: start, Now: s.cfg.Now}
		_, err = tui.RunServed(ctx, topts, sizes, popts...)
		mu.Lock()
		ev.Answered = len(answered)
		mu.Unlock()
		ev.Kind = Disconnected
		if err != nil {
			ev.Kind, ev.Err = Failed, err
		}
		s.cfg.Events(ev)
	}
}

// start opens the respondent's session: the one they left unfinished
// when they come back with the same key, else a new one, created before
// the first screen so that the first screen is the first question.
func (s *Server) start(sess ssh.Session, r *repo, who, method string) (tui.Start, map[string]bool, error) {
	var resumeKey string
	if method == "key" && sess.PublicKey() != nil {
		resumeKey = gossh.FingerprintSHA256(sess.PublicKey()) + " " + who
		s.mu.Lock()
		id := s.resumes[resumeKey]
		s.mu.Unlock()
		if id != "" {
			r.adopt(id)
			if c, rev, err := r.GetRev(id); err == nil && c.Status == checklist.InProgress {
				p := s.cfg.Pack
				if s.cfg.Lookup != nil {
					if lp, err := s.cfg.Lookup(c.Pack); err == nil {
						p = lp
					}
				}
				return tui.Start{Session: c, SessionPack: p, Rev: rev}, answeredOf(c), nil
			}
		}
	}
	c := &checklist.Session{Client: s.cfg.Client, Assessor: who, Pack: s.cfg.Pack.Ref(), Answers: map[string]checklist.Answer{}}
	if err := r.Create(c); err != nil {
		return tui.Start{}, nil, err
	}
	if resumeKey != "" {
		s.mu.Lock()
		s.resumes[resumeKey] = c.ID
		s.mu.Unlock()
	}
	return tui.Start{Session: c, SessionPack: s.cfg.Pack}, map[string]bool{}, nil
}

func answeredOf(c *checklist.Session) map[string]bool {
	out := map[string]bool{}
	for id, a := range c.Answers {
		if a.Value != "" {
			out[id] = true
		}
	}
	return out
}

// cleanName is an SSH user name as a respondent's name: no control
// characters, trimmed, at most 64 bytes.
func cleanName(s string) string {
	s = strings.TrimSpace(termtext.Line(s))
	for len(s) > 64 {
		_, size := lastRune(s)
		s = s[:len(s)-size]
	}
	return s
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return rune(s[i]), len(s) - i
		}
	}
	return 0, 1
}

// connLogger writes wish's connection log lines.
type connLogger struct{ w io.Writer }

func (l connLogger) Printf(format string, v ...any) {
	fmt.Fprintln(l.w, termtext.Line(strings.TrimSpace(fmt.Sprintf(format, v...))))
}
