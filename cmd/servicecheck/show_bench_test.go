package main

import (
	"bytes"
	"io"
	"testing"
)

// benchApp is an app over a data file holding two completed sessions of
// one client, so that show and export also compare with the earlier one.
func benchApp(b *testing.B) *app {
	b.Helper()
	db := benchStore(b, 2)
	var errOut bytes.Buffer
	a := newApp(nil, io.Discard, &errOut, func(string) string { return "" })
	a.dbFlag = db
	return a
}

// BenchmarkShow is `show latest` in one process, opening the data file
// read-only each time as the command does.
func BenchmarkShow(b *testing.B) {
	a := benchApp(b)
	for _, tt := range []struct {
		name string
		opts showOptions
	}{
		{"markdown", showOptions{Out: io.Discard, Session: "s00001"}},
		{"terminal", showOptions{Out: io.Discard, Session: "s00001", Term: terminal{Styled: true, Width: 100}}},
		{"json", showOptions{Out: io.Discard, Session: "s00001", JSON: true}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				opts := tt.opts
				if err := runShow(a, &opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	a := benchApp(b)
	for _, asJSON := range []bool{false, true} {
		name := "markdown"
		if asJSON {
			name = "json"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := runCompare(a, &compareOptions{Out: io.Discard, A: "s00000", B: "s00001", JSON: asJSON}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExport(b *testing.B) {
	a := benchApp(b)
	for _, f := range exportFormats {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := runExport(a, &exportOptions{Out: io.Discard, Session: "s00001", Format: f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
