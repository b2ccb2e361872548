// Package doclinks holds the test that every relative link in README.md,
// ARCHITECTURE.md and docs/*.md leads somewhere: to a file that exists,
// and, with a #fragment, to a heading of that file.
package doclinks
