package profiles_test

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/hipaaops/hipaaops/profiles"
)

// A radiation-oncology practice applies its profile: the engine starts these recurring
// tasks, each carrying the rule it serves.
func Example() {
	p, _ := profiles.Get(profiles.RadiationOncology)
	fmt.Println(p.Title)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	for _, id := range p.Recurring {
		t, _ := profiles.Template(id)
		r := t.Recurrence
		unit := string(r.Unit)
		if r.Every > 1 {
			unit += "s"
		}
		fmt.Fprintf(w, "%s\tevery %d %s, %s anchor\t%s\n", id, r.Every, unit, r.Anchor, t.Citation)
	}
	w.Flush()
	// Output:
	// Radiation oncology practice
	// access-policy-review-phi          every 1 year, calendar anchor     45 CFR 164.514(d), 164.308(a)(4)
	// annual-risk-analysis              every 1 year, calendar anchor     45 CFR 164.308(a)(1)(ii)(A)
	// annual-workforce-training         every 1 year, calendar anchor     45 CFR 164.308(a)(5), 164.530(b)
	// backup-restore-test               every 3 months, calendar anchor   45 CFR 164.308(a)(7)(ii)(A), 164.308(a)(7)(ii)(B), 164.308(a)(7)(ii)(D)
	// dicom-transfer-encryption-review  every 1 year, calendar anchor     45 CFR 164.312(e)(1), 164.312(e)(2)(ii)
	// incident-response-tabletop        every 1 year, calendar anchor     45 CFR 164.308(a)(6)
	// mdt-channel-assessment            every 1 year, calendar anchor     45 CFR 164.312(e)(1), 164.308(b)(1)
	// physics-workstation-security      every 1 year, calendar anchor     45 CFR 164.310(c), 164.312(a)(1), 164.312(a)(2)(iv)
	// sanctions-policy-review           every 1 year, calendar anchor     45 CFR 164.308(a)(1)(ii)(C), 164.530(e)
	// system-activity-review            every 1 month, completion anchor  45 CFR 164.308(a)(1)(ii)(D), 164.312(b)
	// treatment-record-retention        every 1 year, calendar anchor     45 CFR 164.316(b)(2)(i), 164.530(j)(2)
}

// A template is data: what to do, who does it, when it is due and which rule it serves.
func ExampleTemplate() {
	t, _ := profiles.Template(profiles.TemplateAccessRevocation)
	fmt.Println(t.Title)
	fmt.Println(t.Citation)
	fmt.Printf("role %s, due %d days after the member leaves, evidence required: %t\n",
		t.DefaultRole, t.DueOffsetDays, t.EvidenceRequired)
	fmt.Println("first step:", t.Checklist[0])
	// Output:
	// Revoke access for a departing workforce member
	// 45 CFR 164.308(a)(3)(ii)(C)
	// role it_manager, due 0 days after the member leaves, evidence required: true
	// first step: Disable the EHR account and the single sign-on identity
}
