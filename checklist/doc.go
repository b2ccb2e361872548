// Package checklist is the domain model of servicecheck: a content pack
// (checklist sections with items, rated areas with statements, bands) and an
// audit session answered against it.
//
// It knows nothing of storage or terminals. Other packages score sessions
// (scoring), persist them (store) and show them (tui, cmd).
package checklist
