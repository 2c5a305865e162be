package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ListOptions are the query arguments of a list GET.
type ListOptions struct {
	Filter        string // built with the Filter helpers or raw
	Order         string // e.g. "name desc"
	IncludeFields []string
	ExcludeFields []string
	WithRelated   bool
	PageSize      int // default and maximum 1000
}

// Page is the list envelope of the API. Total may be null.
type Page[T any] struct {
	Count      int               `json:"count"`
	HasMore    bool              `json:"has_more"`
	Items      []T               `json:"items"`
	Limit      int               `json:"limit"`
	Offset     int               `json:"offset"`
	Pagination map[string]string `json:"pagination"`
	Total      *int              `json:"total"`
}

// size is the page size asked for.
func (o ListOptions) size() int {
	if o.PageSize <= 0 || o.PageSize > maxPageSize {
		return DefaultPageSize
	}
	return o.PageSize
}

func (o ListOptions) query(offset int) url.Values {
	q := url.Values{}
	q.Set("limit", strconv.Itoa(o.size()))
	q.Set("offset", strconv.Itoa(offset))
	setIf(q, "filter", o.Filter)
	setIf(q, "order", o.Order)
	setIf(q, "include_fields", strings.Join(o.IncludeFields, ","))
	setIf(q, "exclude_fields", strings.Join(o.ExcludeFields, ","))
	if o.WithRelated {
		q.Set("with_related", "true")
	}
	return q
}

// setIf sets key to v in q (a query or a form) unless v is empty: an
// argument left out.
func setIf(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}

// ListPage fetches one page of a list GET starting at offset. An answer
// without an items array is an *AnswerError, never an empty page.
func ListPage[T any](ctx context.Context, c *Client, path string, opts ListOptions, offset int) (*Page[T], error) {
	p, _, err := listPage[T](ctx, c, path, opts, offset)
	return p, err
}

func listPage[T any](ctx context.Context, c *Client, path string, opts ListOptions, offset int) (*Page[T], []byte, error) {
	var env struct {
		Page[T]
		Items  json.RawMessage `json:"items"`
		Offset *int            `json:"offset"`
	}
	if err := c.Do(ctx, http.MethodGet, path, opts.query(offset), nil, &env); err != nil {
		return nil, nil, err
	}
	p := env.Page
	if env.Offset != nil {
		p.Offset = *env.Offset
		if *env.Offset != offset && offset > 0 {
			return nil, nil, &AnswerError{Method: http.MethodGet, Path: path, Status: http.StatusOK,
				Problem: fmt.Sprintf("the list does not advance: asked for offset %d, the page says offset %d "+
					"(the server seems to ignore offset)", offset, *env.Offset)}
		}
	}
	items := bytes.TrimSpace(env.Items)
	if len(items) == 0 || items[0] != '[' {
		return nil, nil, &AnswerError{Method: http.MethodGet, Path: path, Status: http.StatusOK,
			Problem: "the list answer has no items array"}
	}
	if err := json.Unmarshal(items, &p.Items); err != nil {
		return nil, nil, &AnswerError{Method: http.MethodGet, Path: path, Status: http.StatusOK,
			Problem: "the list answer's items are not the JSON expected: " + err.Error()}
	}
	return &p, items, nil
}

// maxListPages caps one ListAll: at 1,000 objects a page, 100 million
// objects; a list that goes on past it is taken to be broken.
var maxListPages = 100_000

// ListAll fetches every page. It advances by the number of items received
// (the server may cap limit) and stops when has_more is false, a page is
// empty, or total (when the server gives it) objects have arrived. A page
// that repeats the one before (a server that ignores offset) or a list
// longer than maxListPages pages is an error that says so, never an
// endless loop.
func ListAll[T any](ctx context.Context, c *Client, path string, opts ListOptions) ([]T, error) {
	return listAll[T](ctx, c, path, opts, 0)
}

// listAll is ListAll that stops at limit objects when limit > 0, asking no
// page for more than are still wanted.
func listAll[T any](ctx context.Context, c *Client, path string, opts ListOptions, limit int) ([]T, error) {
	all := []T{}
	offset := 0
	seen := map[uint64]bool{}
	for page := 1; ; page++ {
		if limit > 0 {
			opts.PageSize = min(opts.size(), limit-len(all))
		}
		p, raw, err := listPage[T](ctx, c, path, opts, offset)
		if err != nil {
			return nil, err
		}
		if repeated := allSeen(raw, seen); page > 1 && len(p.Items) > 0 && repeated {
			return nil, &AnswerError{Method: http.MethodGet, Path: path, Status: http.StatusOK,
				Problem: fmt.Sprintf("the list does not advance: every item of the page at offset %d came on an earlier "+
					"page although has_more is true (the server seems to ignore offset); stopped after %d requests", offset, page)}
		}
		all = append(all, p.Items...)
		if limit > 0 && len(all) >= limit {
			return all[:limit], nil
		}
		if !p.HasMore || len(p.Items) == 0 || (p.Total != nil && len(all) >= *p.Total) {
			return all, nil
		}
		if page >= maxListPages {
			return nil, &AnswerError{Method: http.MethodGet, Path: path, Status: http.StatusOK,
				Problem: fmt.Sprintf("the list did not end after %d pages (%d objects) and still says has_more; "+
					"stopped there. Narrow the filter, or report it to CarrierX support", page, len(all))}
		}
		offset += len(p.Items)
	}
}

// allSeen records the items of a page (by a hash of each item's JSON) and
// reports whether every one of them had come before.
func allSeen(items []byte, seen map[uint64]bool) bool {
	var list []json.RawMessage
	if json.Unmarshal(items, &list) != nil {
		return false
	}
	all := true
	for _, it := range list {
		h := fnv.New64a()
		_, _ = h.Write(bytes.TrimSpace(it))
		sum := h.Sum64()
		all = all && seen[sum]
		seen[sum] = true
	}
	return all
}
