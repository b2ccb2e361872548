package scoring

import "github.com/servicecheck/servicecheck/checklist"

// ItemValue is what a checklist answer counts for: Yes 1, Partly 0.5, No 0.
// N/A and no answer count for nothing (ok is false). Section percentages
// and the combined results of a team audit both read answers this way.
func ItemValue(v checklist.Value) (float64, bool) {
	switch v {
	case checklist.Yes:
		return 1, true
	case checklist.Partly:
		return 0.5, true
	case checklist.No:
		return 0, true
	}
	return 0, false
}
