package checklist

// Action is one goal of a client's plans as it stands across sessions:
// the goal as its session set it, with the status of its latest review
// when a later session reviewed it.
type Action struct {
	// Session is the session whose plan set the goal, Index the goal's
	// place in that plan.
	Session *Session
	Index   int
	Goal    Goal
	// Status is where the goal stands: the status given by the latest
	// review of it, else the goal's own; ReviewedIn the id of the session
	// that reviewed it, "" when none did.
	Status     GoalStatus
	ReviewedIn string
}

// Actions lists the goals of the sessions' plans, oldest session first
// as given (the caller orders them, audit.Sort), each with where it
// stands. A later session's review of a goal is found by the session the
// goal came from and its place among that session's reviewed goals, as
// ReviewOf lists them.
func Actions(sessions []*Session) []Action {
	var out []Action
	at := map[string]int{} // session id → index in out of its first goal
	for _, s := range sessions {
		at[s.ID] = len(out)
		for i, g := range s.Plan.Goals {
			out = append(out, Action{Session: s, Index: i, Goal: g, Status: g.Status})
		}
	}
	for _, s := range sessions {
		seen := map[string]int{}
		for _, r := range s.Plan.Review {
			k := seen[r.From]
			seen[r.From]++
			first, ok := at[r.From]
			if !ok || r.Status == "" || r.From == s.ID {
				continue
			}
			j := first + k
			if j >= len(out) || out[j].Session.ID != r.From {
				continue
			}
			out[j].Status, out[j].ReviewedIn = r.Status, s.ID
		}
	}
	return out
}

// Open keeps the actions that still ask for work (GoalStatus.Open).
func Open(actions []Action) []Action {
	var out []Action
	for _, a := range actions {
		if a.Status.Open() {
			out = append(out, a)
		}
	}
	return out
}
