// Package testpack builds a small but complete content pack in Go for the
// wizard's tests, so that golden files do not move when the real content
// is edited.
package testpack

import "github.com/servicecheck/servicecheck/checklist"

// Pack returns a fresh pack with four sections and eight areas, shaped like
// the real one: Unicode text, long and short questions, hints and actions.
func Pack() *checklist.Pack {
	return &checklist.Pack{
		ID: "testpack", Version: "1.0.0", Lang: "en",
		Title: "Customer service check (test pack)",
		Sections: []checklist.Section{
			{ID: "culture", Title: "Culture",
				Purpose: "A customer-first culture is trained at every level and lived by the people who decide.",
				Items: []checklist.Item{
					{ID: "culture-training", Text: "Customer-first thinking is trained at every level of the company.",
						Help: "Think of new staff, managers and the board alike."},
					{ID: "culture-internal", Text: "Every department knows who its customers are, internal ones included."},
					{ID: "culture-frontline", Text: "Decision makers meet customers face to face and spend time on the front line every quarter, not only when something has gone wrong."},
				}},
			{ID: "identify", Title: "Identify your customers",
				Purpose: "Know who uses the output of your work.",
				Items: []checklist.Item{
					{ID: "identify-users", Text: "You know who uses the output of your work."},
					{ID: "identify-db", Text: "Customers are kept in a database that is up to date."},
				}},
			{ID: "classify", Title: "Classify your customers",
				Purpose: "Group customers by what matters: age, income, region, industry, size.",
				Items: []checklist.Item{
					{ID: "classify-private", Text: "Private customers are grouped by age, income and location."},
					{ID: "classify-business", Text: "Business customers are grouped by revenue, staff and industry."},
				}},
			{ID: "evaluate", Title: "Evaluate opinions and habits",
				Purpose: "Learn what customers think and do, complaints included.",
				Items: []checklist.Item{
					{ID: "evaluate-log", Text: "A complaint log records who, when, what and the agreed fix."},
					{ID: "evaluate-survey", Text: "Surveys look for useful information rather than praise."},
					{ID: "evaluate-defection", Text: "You notice customers who leave without complaining (silent defection)."},
				}},
		},
		Areas: []checklist.Area{
			area("responsiveness", "Responsiveness", "How fast problems are solved.",
				[]string{"Problems are solved quickly and without hassle.", "We answer before the third ring.", "Promises are kept."},
				"Set a response time and measure it every week.", "Call back every customer who waited longer than promised."),
			area("culture", "Customer-focused culture", "Customer first at every level.",
				[]string{"Departments share what customers told them.", "Customer first is lived at every level."},
				"Hold a monthly meeting where each department shares customer feedback."),
			area("products", "Products and sales materials", "Products shaped by what customers want.",
				[]string{"Materials are written in the customers' language.", "Marketing promises match what is delivered."},
				"Rewrite one brochure with a customer."),
			area("feedback", "Response to feedback", "Complaints recorded, resolved and followed up.",
				[]string{"Complaints are recorded and followed up.", "Customers hear what changed."},
				"Start a complaint log today.", "Tell customers what changed because of them."),
			area("knowing", "Knowing your customers", "Who they are and why they leave.",
				[]string{"We know who brings most of the business.", "We know why customers leave."},
				"List your ten biggest customers and call two of them."),
			area("contact", "Ease of contact", "Many channels, visible details.",
				[]string{"Contact details are visible on every page.", "Complaining is easy."},
				"Put your phone number and e-mail on every page.", "Add a complaint form to the website."),
			area("staff", "Staff skills and empowerment", "Trained staff with discretion.",
				[]string{"Staff may solve problems without asking.", "Policy is never used against the customer."},
				"Give front-line staff a budget to fix problems on the spot."),
			area("improvement", "Continuous improvement", "Better all the time.",
				[]string{"Service goals are measurable.", "Suppliers are consulted."},
				"Write down three measurable service goals."),
		},
		Bands: []checklist.Band{
			{ID: "critical", Label: "critical", From: 0},
			{ID: "needs-work", Label: "needs work", From: 40},
			{ID: "good", Label: "good", From: 60},
			{ID: "excellent", Label: "excellent", From: 80},
		},
	}
}

func area(id, title, expl string, statements []string, actions ...string) checklist.Area {
	a := checklist.Area{ID: id, Title: title, Explanation: expl, Actions: actions}
	for i, s := range statements {
		a.Statements = append(a.Statements, checklist.Statement{ID: id + "-" + string(rune('a'+i)), Text: s})
	}
	return a
}
