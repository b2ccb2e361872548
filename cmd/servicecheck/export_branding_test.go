package main

import (
	"testing"

	"github.com/servicecheck/servicecheck/config"
)

// TestBrandingFromConfig: the consultant's details come from the flags,
// else from the configuration, key by key.
func TestBrandingFromConfig(t *testing.T) {
	c := &config.Config{Firm: config.Value{Value: "Qualità & Co"}, Consultant: config.Value{Value: "Anna"},
		Contact: config.Value{Value: "anna@example.org"}, Logo: config.Value{Value: "/tmp/logo.png"}}
	got := brandingOptions{Consultant: "Ben"}.or(c)
	want := brandingOptions{Firm: "Qualità & Co", Consultant: "Ben", Contact: "anna@example.org", Logo: "/tmp/logo.png"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := (brandingOptions{}).or(&config.Config{}); got != (brandingOptions{}) {
		t.Errorf("no configuration: got %+v", got)
	}
}
