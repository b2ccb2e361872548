package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// csvColumns are the catalogue ids of the CSV's columns, in order.
var csvColumns = []string{"session_id", "client", "date", "kind", "group_id", "item_id", "text", "answer", "note",
	"score", "what", "target", "owner", "due", "status"}

// CSVHeader returns the header row of the CSV report in language lang, in
// column order.
func CSVHeader(lang string) []string {
	w := results.In(lang)
	out := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		out[i] = w.T("report.csv." + c)
	}
	return out
}

// CSVOptions shape the CSV.
type CSVOptions struct {
	// Comma separates the fields; 0 means the separator spreadsheets expect
	// in the session's language (i18n.Locale.CSVSeparator): ";" where the
	// decimal mark is a comma.
	Comma rune
	// NoHeader leaves the header row (and the byte order mark) out: the
	// sessions after the first of a client's export.
	NoHeader bool
}

// utf8BOM starts the CSV file so that spreadsheet programs that guess the
// encoding (Excel among them) read ë, Cyrillic and emoji as UTF-8 instead of
// as the local code page. Scripts that want data should read the JSON.
const utf8BOM = "\ufeff"

// WriteCSV writes d as CSV with the default options.
func WriteCSV(w io.Writer, d Document) error { return WriteCSVWith(w, d, CSVOptions{}) }

// WriteCSVWith writes one row per answered item or statement (a note alone
// counts as an answer here, so that no note is lost), checklist items first,
// in the session's language: session id, client, date (ISO 8601), kind
// (item or statement), section or area id, item id, text, answer (the
// answer's word, a rating's digit, or empty) and note. The plan follows: a
// row of kind vision, one of kind goal per goal (group plan, id goal-N, the
// problem as text, what, target and by when as the note) and one of kind
// review per goal reviewed from last time (the earlier session's id as
// group, how far it was met as answer).
// The scores follow the answers, each a row of its own with the figure in
// the score column: the total (its band as answer, its range as text),
// each area (its band) and each checklist section (its percentage).
// A team audit's report ends with the team view's rows (teamRows).
// Quoting follows RFC 4180 with CRLF line ends; the file starts with a UTF-8
// byte order mark.
func WriteCSVWith(w io.Writer, d Document, opt CSVOptions) error {
	if !opt.NoHeader {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	wd := d.Words()
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Comma = opt.Comma
	if cw.Comma == 0 {
		cw.Comma = wd.Locale().CSVSeparator()
	}
	if !opt.NoHeader {
		if err := cw.Write(CSVHeader(d.Pack.Lang)); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	date, client := isoDay(d.Date()), cell(d.Client)
	// The few words of the kind and answer columns, worded once.
	kinds := map[checklist.Kind]string{}
	for _, k := range []checklist.Kind{checklist.KindItem, checklist.KindStatement} {
		kinds[k] = wd.T("report.csv." + k.String())
	}
	answers := map[checklist.Value]string{}
	rec := make([]string, len(csvColumns))
	row := func(kind checklist.Kind, group string, l Line) error {
		if l.Answer == nil && l.Note == "" {
			return nil
		}
		answer := ""
		if v := l.Value(); v != "" {
			var ok bool
			if answer, ok = answers[v]; !ok {
				answer = wd.Answer(v)
				answers[v] = answer
			}
		}
		clear(rec)
		rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6], rec[7], rec[8] = d.ID, client, date, kinds[kind], group, l.ID,
			cell(l.Text), answer, cell(l.Note)
		return cw.Write(rec)
	}
	for _, s := range d.Sections {
		for _, l := range s.Items {
			if err := row(checklist.KindItem, s.ID, l); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	for _, a := range d.Areas {
		for _, l := range a.Statements {
			if err := row(checklist.KindStatement, a.ID, l); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	if err := cw.WriteAll(scoreRows(wd, d)); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := cw.WriteAll(planRows(wd, d)); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := cw.WriteAll(teamRows(wd, d)); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// cell guards free text against spreadsheet formula injection: a cell that
// starts with = + - @ or a control character would be run as a formula, so
// it gets a leading apostrophe, which spreadsheets show as plain text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// scoreRows are the CSV rows of the scores: the total, each area and each
// checklist section.
func scoreRows(w results.Words, d Document) [][]string {
	date := isoDay(d.Date())
	row := func(kind, group, text, answer, score string) []string {
		r := make([]string, len(csvColumns))
		r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[9] = d.ID, cell(d.Client), date, w.T("report.csv."+kind), group,
			cell(text), cell(answer), score
		return r
	}
	total := w.T("report.csv.total_text", "Min", w.Num(d.Total.Min), "Max", w.Num(d.Total.Max))
	rows := [][]string{row("total", "", total, d.Total.BandLabel, scoreCell(w, d.Total.Score))}
	for _, a := range d.Areas {
		rows = append(rows, row("area", a.ID, a.Title, a.BandLabel, scoreCell(w, a.Score)))
	}
	for _, s := range d.Sections {
		pct := ""
		if s.Percent.Valid {
			pct = w.Percent(s.Percent)
		}
		rows = append(rows, row("section", s.ID, s.Title, "", pct))
	}
	return rows
}

// scoreCell is a score for a spreadsheet: empty when there is none.
func scoreCell(w results.Words, s scoring.Score) string {
	if !s.Valid {
		return ""
	}
	return w.Score(s)
}

// WriteCSVSessions writes several sessions (a client's) as one CSV: one
// header, then each session's rows as WriteCSVWith writes them.
func WriteCSVSessions(w io.Writer, docs []Document, opt CSVOptions) error {
	for i, d := range docs {
		o := opt
		o.NoHeader = i > 0
		if o.Comma == 0 && len(docs) > 0 {
			// One separator for the whole file: the first session's.
			o.Comma = docs[0].Words().Locale().CSVSeparator()
		}
		if err := WriteCSVWith(w, d, o); err != nil {
			return err
		}
	}
	return nil
}
