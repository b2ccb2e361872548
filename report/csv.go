package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
)

// CSVHeader returns the header row of the CSV report, in column order.
func CSVHeader() []string {
	return []string{"session_id", "client", "date", "kind", "group_id", "item_id", "text", "answer", "note"}
}

// utf8BOM starts the CSV file so that spreadsheet programs that guess the
// encoding (Excel among them) read ë, Cyrillic and emoji as UTF-8 instead of
// as the local code page. Scripts that want data should read the JSON.
const utf8BOM = "\ufeff"

// WriteCSV writes one row per answered item or statement (a note alone
// counts as an answer here, so that no note is lost), checklist items first:
// session id, client, date, kind (item or statement), section or area id,
// item id, text, answer (yes, partly, no, na, 1..5 or empty) and note. The
// plan follows: a row of kind vision, one of kind goal per goal (group
// plan, id goal-N, the problem as text, what, target and by when as the
// note) and one of kind review per goal reviewed from last time (the
// earlier session's id as group, the outcome as answer: met, partly,
// not_met or empty).
// Quoting follows RFC 4180 with CRLF line ends; the file starts with a UTF-8
// byte order mark.
func WriteCSV(w io.Writer, d Document) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	date := day(d.Date())
	row := func(kind checklist.Kind, group string, l Line) error {
		if l.Answer == nil && l.Note == "" {
			return nil
		}
		return cw.Write([]string{d.ID, cell(d.Client), date, kind.String(), group, l.ID,
			cell(l.Text), string(l.Value()), cell(l.Note)})
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
	if err := cw.WriteAll(planRows(d)); err != nil {
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
