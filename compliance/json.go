package compliance

import (
	"reflect"
	"strings"
)

// result is how every use case returns: on error the zero value (never a half-filled
// input), otherwise v with every nil list and map of its exported fields made empty,
// so that it marshals as [] and {} rather than null.
func result[T any](v T, err error) (T, error) {
	if err != nil {
		var zero T
		return zero, err
	}
	fillEmpty(reflect.ValueOf(&v).Elem())
	return v, nil
}

var rawBytes = reflect.TypeFor[[]byte]()

// fillEmpty makes the nil slices and maps reachable from v's exported, JSON-visible
// fields empty. Byte slices ([]byte, json.RawMessage) are left alone: they are not lists.
func fillEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fillEmpty(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || strings.HasPrefix(f.Tag.Get("json"), "-") {
				continue
			}
			fillEmpty(v.Field(i))
		}
	case reflect.Slice:
		if v.Type().ConvertibleTo(rawBytes) {
			return
		}
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
			return
		}
		for i := range v.Len() {
			fillEmpty(v.Index(i))
		}
	case reflect.Array:
		for i := range v.Len() {
			fillEmpty(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeMap(v.Type()))
			}
			return
		}
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			c := reflect.New(e.Type()).Elem()
			c.Set(e)
			fillEmpty(c)
			v.SetMapIndex(k, c)
		}
	}
}
