package client

import (
	"context"
	"net/http"
	"net/url"
)

// Collection is one kind's objects reached through one client: the typed
// get, create, update, delete and list that every object shares, so an
// object is declared by its Kind and its type, not by methods of its own.
type Collection[T any] struct {
	c *Client
	k Kind
}

// Objects returns the collection of kind k, whose objects decode into T.
func Objects[T any](c *Client, k Kind) Collection[T] {
	return Collection[T]{c: c, k: k}
}

// Kind is the collection's declaration.
func (col Collection[T]) Kind() Kind { return col.k }

// Get reads one object by SID.
func (col Collection[T]) Get(ctx context.Context, sid string) (*T, error) {
	return col.object(ctx, http.MethodGet, sid, nil)
}

// Create POSTs body (JSON); a lost answer is looked for (see recoverCreate).
func (col Collection[T]) Create(ctx context.Context, body any) (*T, error) {
	return col.create(ctx, body, nil, nil)
}

// create POSTs body with query; before is as for createWith.
func (col Collection[T]) create(ctx context.Context, body any, query url.Values, before map[string]bool) (*T, error) {
	if err := col.k.checkParent(http.MethodPost); err != nil {
		return nil, err
	}
	if body == nil {
		body = map[string]any{}
	}
	return createWith(ctx, col.c, col.k, body, before, func(out *T) error {
		return col.c.Do(ctx, http.MethodPost, col.k.Path, query, body, out)
	})
}

// Update PATCHes only the given fields.
func (col Collection[T]) Update(ctx context.Context, sid string, patch map[string]any) (*T, error) {
	return col.object(ctx, http.MethodPatch, sid, patch)
}

// Delete deletes one object; a 404 is returned only when the collection
// confirms the object is gone (see confirmGone).
func (col Collection[T]) Delete(ctx context.Context, sid string) error {
	if err := col.k.checkSID(http.MethodDelete, sid); err != nil {
		return err
	}
	return col.c.confirmGone(ctx, col.k, sid, col.c.Do(ctx, http.MethodDelete, col.k.item(sid), nil, nil, nil))
}

// List fetches every page of the collection.
func (col Collection[T]) List(ctx context.Context, opts ListOptions) ([]T, error) {
	if err := col.k.checkParent(http.MethodGet); err != nil {
		return nil, err
	}
	return ListAll[T](ctx, col.c, col.k.Path, opts)
}

// Page fetches one page from offset.
func (col Collection[T]) Page(ctx context.Context, opts ListOptions, offset int) (*Page[T], error) {
	return ListPage[T](ctx, col.c, col.k.Path, opts, offset)
}

// object sends method to one object and checks that the answer is that object.
func (col Collection[T]) object(ctx context.Context, method, sid string, body any) (*T, error) {
	if err := col.k.checkSID(method, sid); err != nil {
		return nil, err
	}
	out, err := call[T](ctx, col.c, method, col.k.item(sid), nil, body)
	if err != nil {
		return nil, col.c.confirmGone(ctx, col.k, sid, err)
	}
	if err := col.k.checkAnswer(method, sid, col.k.sidOf(out)); err != nil {
		return nil, err
	}
	return out, nil
}

// call sends one API call and decodes the JSON object answered into a T.
func call[T any](ctx context.Context, c *Client, method, path string, query url.Values, body any) (*T, error) {
	var out T
	if err := c.Do(ctx, method, path, query, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
