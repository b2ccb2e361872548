package results

import (
	"time"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// TrendPoint is one completed session of the client in the trend of the
// total: its date (audit.Date), its total with the range its scored areas
// give, and each area's score.
type TrendPoint struct {
	ID   string    `json:"id"`
	Date time.Time `json:"date"`
	// Total is the session's total, Min and Max its range (n to 5n over
	// the n areas scored).
	Total scoring.Score `json:"total"`
	Min   float64       `json:"min"`
	Max   float64       `json:"max"`
	Band  string        `json:"band"`
	// Areas are the areas scored, in the pack's order.
	Areas []TrendArea `json:"areas"`

	stamp audit.Stamp
}

// TrendArea is one area's score in a TrendPoint.
type TrendArea struct {
	ID    string        `json:"id"`
	Title string        `json:"title"`
	Score scoring.Score `json:"score"`
}

// Point scores session s against its pack p as one point of a trend.
func Point(p *checklist.Pack, s *checklist.Session) TrendPoint {
	r := scoring.Session(p, s)
	st := audit.Of(s)
	pt := TrendPoint{ID: s.ID, Date: audit.Date(st), Total: r.Total.Score, Min: r.Total.Min, Max: r.Total.Max,
		Band: r.Total.Band, Areas: []TrendArea{}, stamp: st}
	for _, a := range r.Areas {
		if a.Answered == 0 {
			continue
		}
		pt.Areas = append(pt.Areas, TrendArea{ID: a.ID, Title: a.Title, Score: a.Score})
	}
	return pt
}

// SetTrend sets d.Trend from points, the scored sessions of d's client
// (Point; d's own session among them or not): the completed ones up to and
// including d's session, in audit order (audit.Compare), oldest first, d's
// own point last when d is completed. Fewer than two points make no trend:
// d.Trend is then empty.
func (d *Document) SetTrend(p *checklist.Pack, s *checklist.Session, points []TrendPoint) {
	self := d.Stamp()
	stamp := func(t TrendPoint) audit.Stamp { return t.stamp }
	xs := audit.Before(self, points, stamp)
	if self.Completed() {
		xs = append(xs, Point(p, s))
	}
	audit.Sort(xs, stamp)
	if len(xs) < 2 {
		d.Trend = []TrendPoint{}
		return
	}
	d.Trend = xs
}
