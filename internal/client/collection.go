package client

import "context"

// Collection is one kind's objects reached through one client: the typed
// get, create, update, delete and list that every object shares, so an
// object is declared by its Kind and its type, not by methods of its own.
type Collection[T any, P ObjectPtr[T]] struct {
	c *Client
	k Kind
}

// Objects returns the collection of kind k, whose objects decode into T.
func Objects[T any, P ObjectPtr[T]](c *Client, k Kind) Collection[T, P] {
	return Collection[T, P]{c: c, k: k}
}

// Kind is the collection's declaration.
func (col Collection[T, P]) Kind() Kind { return col.k }

// Get reads one object by SID.
func (col Collection[T, P]) Get(ctx context.Context, sid string) (*T, error) {
	return getObject[T, P](ctx, col.c, col.k, sid)
}

// Create POSTs body (JSON); a lost answer is looked for (see recoverCreate).
func (col Collection[T, P]) Create(ctx context.Context, body any) (*T, error) {
	if body == nil {
		body = map[string]any{}
	}
	return createObject[T, P](ctx, col.c, col.k, nil, body)
}

// Update PATCHes only the given fields.
func (col Collection[T, P]) Update(ctx context.Context, sid string, patch map[string]any) (*T, error) {
	return updateObject[T, P](ctx, col.c, col.k, sid, patch)
}

// Delete deletes one object; a 404 is returned only when the collection
// confirms the object is gone (see confirmGone).
func (col Collection[T, P]) Delete(ctx context.Context, sid string) error {
	return deleteObject(ctx, col.c, col.k, sid)
}

// List fetches every page of the collection.
func (col Collection[T, P]) List(ctx context.Context, opts ListOptions) ([]T, error) {
	return listObjects[T](ctx, col.c, col.k, opts)
}

// Page fetches one page from offset.
func (col Collection[T, P]) Page(ctx context.Context, opts ListOptions, offset int) (*Page[T], error) {
	return ListPage[T](ctx, col.c, col.k.Path, opts, offset)
}
