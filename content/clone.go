package content

import (
	"slices"

	"github.com/servicecheck/servicecheck/checklist"
)

// clonePack returns a deep copy of p, so that the packs parsed once at start
// stay unchanged whatever a caller does with the one it was given.
func clonePack(p *checklist.Pack) *checklist.Pack {
	c := *p
	c.Bands = slices.Clone(p.Bands)
	c.Sections = slices.Clone(p.Sections)
	for i := range c.Sections {
		c.Sections[i].Items = slices.Clone(c.Sections[i].Items)
	}
	c.Areas = slices.Clone(p.Areas)
	for i := range c.Areas {
		c.Areas[i].Statements = slices.Clone(c.Areas[i].Statements)
		c.Areas[i].Actions = slices.Clone(c.Areas[i].Actions)
	}
	return &c
}
