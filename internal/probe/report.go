package probe

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints the report for people: one block per check, then the
// counts and anything left behind.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	mode := "read-only"
	if r.Write {
		mode = "with -write: one third_party endpoint created and deleted"
	}
	fmt.Fprintf(&b, "carrierx-probe against %s (%s)\n\n", r.BaseURL, mode)
	for _, res := range r.Results {
		fmt.Fprintf(&b, "%-13s %s  [settles: %s]\n", res.Status, res.Name, res.Settles)
		if res.Detail != "" {
			fmt.Fprintf(&b, "              %s\n", res.Detail)
		}
	}
	fmt.Fprintf(&b, "\n%d confirmed, %d contradicted, %d not checked\n", r.Confirmed, r.Contradicted, r.NotChecked)
	for _, l := range r.Leftover {
		fmt.Fprintf(&b, "NOT DELETED: %s; delete it in the CarrierX portal or with DELETE /endpoints/{sid}\n", l)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
