package tui

import (
	"slices"
	"testing"
)

// The setup form's details page: the audit date (today unless changed),
// site, participants and notes reach the new session, and the assessor is
// filled in from the client's last session.
func TestFlowSetupDetails(t *testing.T) {
	f := newFixture(t)
	d := newDriver(t, f.opts(), 80, 24)
	d.press("1")
	d.typeText("acme ltd")
	d.press("enter")
	if got := *d.m.setup.assessor; got != "Jo Doe" {
		t.Fatalf("assessor %q, want Jo Doe from the client's last session", got)
	}
	d.press("tab", "ctrl+u")
	d.typeText("2026-02-30")
	d.press("tab")
	if !contains(d.screen(), "YYYY-MM-DD") {
		t.Fatalf("an impossible date was accepted:\n%s", d.screen())
	}
	d.press("ctrl+u")
	d.typeText("2026-02-20")
	d.press("tab")
	d.typeText("Via Roma 3")
	d.press("tab")
	d.typeText("Ann, Bo ;")
	d.press("tab")
	d.typeText("busy day")
	d.press("enter")
	if d.m.sess == nil {
		t.Fatalf("no session started:\n%s", d.screen())
	}
	s := d.m.sess
	if s.AuditDate != "2026-02-20" || s.Site != "Via Roma 3" || !slices.Equal(s.Participants, []string{"Ann", "Bo"}) ||
		s.Notes != "busy day" || s.Assessor != "Jo Doe" {
		t.Errorf("session details: date %q site %q participants %q notes %q assessor %q",
			s.AuditDate, s.Site, s.Participants, s.Notes, s.Assessor)
	}
}

// Enter on the assessor starts the session at once, dated today.
func TestFlowSetupDefaultDate(t *testing.T) {
	f := newFixture(t)
	d := newDriver(t, f.opts(), 80, 24)
	d.press("1")
	d.typeText("New Client")
	d.press("enter", "enter")
	if d.m.sess == nil || d.m.sess.AuditDate != epoch.Format("2006-01-02") {
		t.Fatalf("session %+v, want one dated today", d.m.sess)
	}
}
