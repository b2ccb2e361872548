package termtext

import (
	"io"
	"unicode/utf8"
)

// Writer passes text to a terminal with the same rule as Clean, except
// that it keeps SGR sequences (colour and bold, "ESC [ … m"), which the
// program's own styled output uses and which cannot move the cursor, clear
// the screen or retitle the window. Sequences split across writes are
// handled. It is meant for everything a command writes to a terminal, as
// the last guard behind the cleaning of each piece of text.
type Writer struct {
	w     io.Writer
	state wstate
	seq   []byte // the CSI sequence being read
	carry []byte // the start of a UTF-8 character cut by the end of a write
	out   []byte
}

type wstate int

const (
	wText   wstate = iota
	wEsc           // after ESC
	wCSI           // inside ESC [ … (collected in seq)
	wString        // inside OSC, DCS, SOS, PM or APC, up to BEL or ST
	wStrEsc        // ESC inside a string: ST if '\' follows
)

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// maxSeq bounds a CSI sequence kept in memory; a longer one is dropped.
const maxSeq = 64

// Write filters p and writes what is left. It reports len(p) written when
// the underlying write succeeds, as what it drops was accepted.
func (t *Writer) Write(p []byte) (int, error) {
	t.out = t.out[:0]
	buf := p
	if len(t.carry) > 0 {
		buf = append(t.carry, p...)
		t.carry = nil
	}
	for i := 0; i < len(buf); {
		c := buf[i]
		if c >= utf8.RuneSelf && t.state == wText {
			if !utf8.FullRune(buf[i:]) {
				t.carry = append([]byte(nil), buf[i:]...)
				break
			}
			r, n := utf8.DecodeRune(buf[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				t.out = append(t.out, "\uFFFD"...)
			case r == 0x9b:
				t.state, t.seq = wCSI, append(t.seq[:0], 0x1b, '[')
			case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f:
				t.state = wString
			case !IsControl(r):
				t.out = append(t.out, buf[i:i+n]...)
			}
			i += n
			continue
		}
		i++
		switch t.state {
		case wText:
			switch {
			case c == 0x1b:
				t.state = wEsc
			case c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f:
				t.out = append(t.out, c)
			}
		case wEsc:
			switch c {
			case '[':
				t.state, t.seq = wCSI, append(t.seq[:0], 0x1b, '[')
			case ']', 'P', 'X', '^', '_':
				t.state = wString
			default:
				// A two-byte sequence (ESC c resets the terminal):
				// dropped with its byte.
				t.state = wText
			}
		case wCSI:
			switch {
			case c >= 0x40 && c <= 0x7e:
				if c == 'm' && sgrParams(t.seq[2:]) {
					t.out = append(append(t.out, t.seq...), c)
				}
				t.state = wText
			case c >= 0x20 && c <= 0x3f:
				if len(t.seq) < maxSeq {
					t.seq = append(t.seq, c)
				} else {
					t.seq = append(t.seq[:2], '!') // marks it as not SGR
				}
			default:
				t.state = wText // a broken sequence: dropped
			}
		case wString:
			switch c {
			case 0x07:
				t.state = wText
			case 0x1b:
				t.state = wStrEsc
			}
		case wStrEsc:
			if c == '\\' {
				t.state = wText
			} else {
				t.state = wString
			}
		}
	}
	if len(t.out) > 0 {
		if _, err := t.w.Write(t.out); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// sgrParams reports whether p is the parameter list of an SGR sequence:
// digits, ';' and ':' only.
func sgrParams(p []byte) bool {
	for _, c := range p {
		if !(c >= '0' && c <= '9' || c == ';' || c == ':') {
			return false
		}
	}
	return true
}
