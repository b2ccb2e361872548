package reliability

import (
	"fmt"
	"io"
	"os"

	"github.com/servicecheck/servicecheck/store"
)

// holdEnv names the data file a child copy of this test binary holds.
const holdEnv = "RELIABILITY_HOLD"

// holdFile opens the data file for writing, as any servicecheck writing to
// it does, says "held" and keeps it until its stdin closes.
func holdFile(path string) int {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("held")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}
