package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/hipaaops/hipaaops/storage"
)

// conn is a connection the store keeps for itself, with its statements prepared on it.
//
// The store runs its transactions on such connections with prepared BEGIN, COMMIT and
// ROLLBACK statements rather than through database/sql's Tx, which prepares each of
// those again and starts a goroutine per transaction: about 15 µs per transaction, a
// fifth of the time of reading one vendor (see the benchmarks).
type conn struct {
	sql                                 *sql.Conn
	st                                  statements
	begin, beginWrite, commit, rollback *sql.Stmt
	// lists holds the listing queries prepared on this connection, by text.
	mu    sync.Mutex
	lists map[string]*sql.Stmt
}

// maxCachedLists bounds the listing queries kept prepared per connection (each filter
// combination of a VendorQuery, TaskQuery or MemberQuery is one text).
const maxCachedLists = 32

func newConn(ctx context.Context, c *sql.Conn) (*conn, error) {
	cn := &conn{sql: c, lists: map[string]*sql.Stmt{}}
	for _, s := range append(cn.st.all(),
		stmtDef{&cn.begin, `BEGIN DEFERRED`},
		stmtDef{&cn.beginWrite, `BEGIN IMMEDIATE`},
		stmtDef{&cn.commit, `COMMIT`},
		stmtDef{&cn.rollback, `ROLLBACK`},
	) {
		p, err := c.PrepareContext(ctx, s.sql)
		if err != nil {
			cn.close()
			return nil, fmt.Errorf("prepare %q: %w", s.sql, err)
		}
		*s.p = p
	}
	return cn, nil
}

// listStmt returns the listing query prepared on this connection.
func (c *conn) listStmt(ctx context.Context, text string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.lists[text]; ok {
		return s, nil
	}
	if len(c.lists) >= maxCachedLists {
		for k, s := range c.lists {
			_ = s.Close()
			delete(c.lists, k)
		}
	}
	s, err := c.sql.PrepareContext(ctx, text)
	if err != nil {
		return nil, err
	}
	c.lists[text] = s
	return s, nil
}

func (c *conn) close() {
	for _, s := range c.st.all() {
		if *s.p != nil {
			_ = (*s.p).Close()
		}
	}
	for _, s := range []*sql.Stmt{c.begin, c.beginWrite, c.commit, c.rollback} {
		if s != nil {
			_ = s.Close()
		}
	}
	for _, s := range c.lists {
		_ = s.Close()
	}
	_ = c.sql.Close()
}

// pool hands out the store's connections: one for the writer, up to max for readers.
//
// The writer channel holds one token: the writer's connection, or nil when it is yet to
// be (re)opened. Taking it is what serializes write transactions in this process.
// Readers take a token from readerSlots (one per connection they may have open) and then
// the most recently used idle connection, whose page cache is the warmest, opening one
// when there is none.
type pool struct {
	db          *sql.DB
	writer      chan *conn
	readerSlots chan struct{}
	mu          sync.Mutex
	idle        []*conn // idle readers' connections, the most recently used last
	// shared: there is one connection (the in-memory database) and readers use it too.
	shared bool
	done   chan struct{}
}

func newPool(db *sql.DB, writer *conn, readers int, shared bool) *pool {
	p := &pool{db: db, writer: make(chan *conn, 1), shared: shared, done: make(chan struct{})}
	p.writer <- writer
	if shared {
		readers = 0
	}
	p.readerSlots = make(chan struct{}, readers)
	for range readers {
		p.readerSlots <- struct{}{}
	}
	return p
}

var errClosed = fmt.Errorf("sqlite: %w", storage.ErrClosed)

// acquire takes a connection for a write (or, on a shared pool, any) transaction, or for
// a read-only one; it waits for a free slot until ctx ends or the pool closes.
func (p *pool) acquire(ctx context.Context, write bool) (*conn, error) {
	if write || p.shared {
		var c *conn
		select {
		case c = <-p.writer:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-p.done:
			return nil, errClosed
		}
		if p.closing() {
			p.writer <- c // for Close to collect
			return nil, errClosed
		}
		if c == nil {
			var err error
			if c, err = p.open(ctx); err != nil {
				p.writer <- nil
				return nil, err
			}
		}
		return c, nil
	}
	select {
	case <-p.readerSlots:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-p.done:
		return nil, errClosed
	}
	if p.closing() {
		p.readerSlots <- struct{}{}
		return nil, errClosed
	}
	p.mu.Lock()
	var c *conn
	if n := len(p.idle); n > 0 {
		c, p.idle = p.idle[n-1], p.idle[:n-1]
	}
	p.mu.Unlock()
	if c == nil {
		var err error
		if c, err = p.open(ctx); err != nil {
			p.readerSlots <- struct{}{}
			return nil, err
		}
	}
	return c, nil
}

func (p *pool) closing() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func (p *pool) open(ctx context.Context) (*conn, error) {
	sc, err := p.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open connection: %w", err)
	}
	c, err := newConn(ctx, sc)
	if err != nil {
		_ = sc.Close()
		return nil, fmt.Errorf("sqlite: open connection: %w", err)
	}
	return c, nil
}

// release gives a connection back; a broken one is closed and its slot reopens later
// (except the in-memory database's, which is the database itself).
func (p *pool) release(c *conn, write, broken bool) {
	if broken && !p.shared {
		c.close()
		c = nil
	}
	if write || p.shared {
		p.writer <- c
		return
	}
	if c != nil {
		p.mu.Lock()
		p.idle = append(p.idle, c)
		p.mu.Unlock()
	}
	p.readerSlots <- struct{}{}
}

// close waits for every slot, which waits for the transactions in progress, and closes
// the connections.
func (p *pool) close() {
	close(p.done)
	if c := <-p.writer; c != nil {
		c.close()
	}
	for range cap(p.readerSlots) {
		<-p.readerSlots
	}
	for _, c := range p.idle {
		c.close()
	}
	p.idle = nil
}

// isNoTransaction reports SQLite's error for a COMMIT or ROLLBACK with no transaction,
// which leaves the connection clean.
func isNoTransaction(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no transaction is active")
}
