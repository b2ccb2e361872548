// Package tui is the servicecheck wizard: a Bubble Tea app that walks a
// session's checklist and self-assessment, saves every answer as it is
// given, scores the session and compares it with the client's last one.
//
// One top-level Model routes messages to the screen on show (home, new
// session form, question, results, history, compare, and the too-small
// notice). Screens keep their state in the Model and only render in View;
// every store call runs in a tea.Cmd through the Repo interface, whose
// StoreRepo implementation opens the data file only for the length of each
// call. Keys live in keys.go, styles in styles.go.
//
// The plain, line-based front end for screen readers and pipes is in
// package tui/plain.
package tui
