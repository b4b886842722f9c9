package sqlite

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestLoadMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	t.Run("OK", func(t *testing.T) {
		ms, err := loadMigrations(fstest.MapFS{
			"0002_add_tasks.sql": file("CREATE TABLE t (x);"), "0001_init.sql": file("CREATE TABLE s (x);"),
			"README.md": file("not a migration"),
		})
		require.NoError(t, err)
		require.Equal(t, []migration{{1, "init", "CREATE TABLE s (x);"}, {2, "add_tasks", "CREATE TABLE t (x);"}}, ms)
	})
	for name, fsys := range map[string]fstest.MapFS{
		"ErrBadName":   {"0001_init.sql": file(""), "2_tasks.sql": file("")},
		"ErrGap":       {"0001_init.sql": file(""), "0003_tasks.sql": file("")},
		"ErrRepeat":    {"0001_init.sql": file(""), "0001_again.sql": file("")},
		"ErrFromZero":  {"0000_init.sql": file("")},
		"ErrUppercase": {"0001_Init.sql": file("")},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := loadMigrations(fsys)
			require.Error(t, err)
		})
	}
	t.Run("Embedded", func(t *testing.T) {
		ms, err := loadMigrations(Migrations)
		require.NoError(t, err)
		require.NotEmpty(t, ms)
	})
}

func TestCheckApplied(t *testing.T) {
	known := []migration{{1, "init", ""}, {2, "tasks", ""}}
	require.NoError(t, checkApplied(known, map[int]string{}))
	require.NoError(t, checkApplied(known, map[int]string{1: "init"}))
	require.NoError(t, checkApplied(known, map[int]string{1: "init", 2: "tasks"}))
	require.ErrorIs(t, checkApplied(known, map[int]string{1: "init", 2: "tasks", 3: "future"}), ErrSchemaTooNew)
	require.ErrorContains(t, checkApplied(known, map[int]string{1: "other"}), "different build")
}
