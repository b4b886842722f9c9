package compliance

import (
	"context"
	"encoding"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hipaaops/hipaaops/org"
)

// apiMethods lists every exported method of the engine, the org handle and each of the
// services the handle returns (found by reflection, so a new service is covered without
// being named here), as "Type.Method".
func apiMethods() map[string]reflect.Method {
	out := map[string]reflect.Method{}
	add := func(t reflect.Type) {
		for i := range t.NumMethod() {
			m := t.Method(i)
			out[strings.TrimPrefix(t.String(), "*compliance.")+"."+m.Name] = m
		}
	}
	add(reflect.TypeFor[*Engine]())
	orgT := reflect.TypeFor[*Org]()
	add(orgT)
	for i := range orgT.NumMethod() {
		m := orgT.Method(i)
		if m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && strings.HasSuffix(m.Type.Out(0).Name(), "Service") {
			add(m.Type.Out(0))
		}
	}
	return out
}

var (
	ctxType   = reflect.TypeFor[context.Context]()
	errType   = reflect.TypeFor[error]()
	orgIDType = reflect.TypeFor[org.ID]()
)

// TestAPIShape pins the rules of the API: every use case takes the context first and at
// most three parameters after it; none takes an organization id (the handle carries it);
// every use case returns one value and an error.
func TestAPIShape(t *testing.T) {
	methods := apiMethods()
	require.Greater(t, len(methods), 60, "the reflection found too few methods")
	services := 0
	for name, m := range methods {
		ft := m.Type
		if ft.NumIn() == 1 {
			// An accessor: a service, the handle's ID.
			if strings.HasSuffix(ft.Out(0).Name(), "Service") {
				services++
			}
			continue
		}
		if name == "Engine.Org" {
			require.Equal(t, orgIDType, ft.In(1), name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			require.Equal(t, ctxType, ft.In(1), "the context comes first")
			require.LessOrEqual(t, ft.NumIn()-2, 3, "no more than three parameters after the context")
			for i := 2; i < ft.NumIn(); i++ {
				require.NotEqual(t, orgIDType, ft.In(i), "no use case takes an organization id")
			}
			require.Equal(t, 2, ft.NumOut(), "a use case returns a value and an error")
			require.Equal(t, errType, ft.Out(1))
		})
	}
	require.GreaterOrEqual(t, services, 10, "vendors, tasks, roster, trials, incidents, risks, analyses, controls, audit, events")
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// checkJSONType walks t and reports every exported field of a struct of this module
// without a snake_case json tag, every list or map field that omits itself when empty
// (it must marshal as [] or {}), and every pointer field that would marshal as null.
func checkJSONType(t reflect.Type, seen map[reflect.Type]bool, problems *[]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		if t.Kind() == reflect.Map {
			checkJSONType(t.Key(), seen, problems)
		}
		t = t.Elem()
	}
	if seen[t] || t.Kind() != reflect.Struct || !strings.HasPrefix(t.PkgPath(), "github.com/hipaaops/hipaaops") {
		return
	}
	seen[t] = true
	if t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler) ||
		t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		where := t.String() + "." + f.Name
		tag, ok := f.Tag.Lookup("json")
		if f.Anonymous && !ok {
			checkJSONType(f.Type, seen, problems)
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case !ok:
			*problems = append(*problems, where+": no json tag")
			continue
		case name == "-":
			continue
		case !snakeCase.MatchString(name):
			*problems = append(*problems, where+": json name "+name+" is not snake_case")
		}
		k := f.Type.Kind()
		isBytes := k == reflect.Slice && f.Type.Elem().Kind() == reflect.Uint8
		if (k == reflect.Slice && !isBytes || k == reflect.Map) && strings.Contains(opts, "omitempty") {
			*problems = append(*problems, where+": a list omitted when empty (it must marshal as [])")
		}
		if k == reflect.Pointer && !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*problems = append(*problems, where+": a pointer that marshals as null (add omitempty)")
		}
		checkJSONType(f.Type, seen, problems)
	}
}

// TestResultsMarshalClean marshals every type a use case takes or returns: each exported
// field has a snake_case json tag, empty lists marshal as [] (the zero value of each
// result, through result, has no null), and no list omits itself.
func TestResultsMarshalClean(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var problems []string
	types := map[reflect.Type]bool{}
	for _, m := range apiMethods() {
		ft := m.Type
		for i := 1; i < ft.NumIn(); i++ {
			types[ft.In(i)] = true
		}
		for i := 0; i < ft.NumOut(); i++ {
			types[ft.Out(i)] = true
		}
	}
	// The event payloads, which no method signature names.
	for _, p := range []any{OrganizationEvent{}, VendorEvent{}, TaskEvent{}, TemplateEvent{},
		MemberEvent{}, TrialEvent{}, IncidentEvent{}, RiskEvent{}, AnalysisEvent{}, ControlEvent{}, Reminder{}} {
		types[reflect.TypeOf(p)] = true
	}
	for typ := range types {
		checkJSONType(typ, seen, &problems)
	}
	require.Empty(t, problems)

	for _, m := range apiMethods() {
		ft := m.Type
		if ft.NumIn() == 1 || ft.NumOut() != 2 {
			continue
		}
		out := ft.Out(0)
		v := reflect.New(out).Elem()
		fillEmpty(v)
		b, err := json.Marshal(v.Interface())
		require.NoError(t, err, m.Name)
		require.NotContains(t, string(b), "null", "%s returns %s, which marshals a null: %s", m.Name, out, b)
	}
}
