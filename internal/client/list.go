package client

import (
	"context"
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

func (o ListOptions) query(offset int) url.Values {
	q := url.Values{}
	size := o.PageSize
	if size <= 0 || size > maxPageSize {
		size = DefaultPageSize
	}
	q.Set("limit", strconv.Itoa(size))
	q.Set("offset", strconv.Itoa(offset))
	if o.Filter != "" {
		q.Set("filter", o.Filter)
	}
	if o.Order != "" {
		q.Set("order", o.Order)
	}
	if len(o.IncludeFields) > 0 {
		q.Set("include_fields", strings.Join(o.IncludeFields, ","))
	}
	if len(o.ExcludeFields) > 0 {
		q.Set("exclude_fields", strings.Join(o.ExcludeFields, ","))
	}
	if o.WithRelated {
		q.Set("with_related", "true")
	}
	return q
}

// ListPage fetches one page of a list GET starting at offset.
func ListPage[T any](ctx context.Context, c *Client, path string, opts ListOptions, offset int) (*Page[T], error) {
	var p Page[T]
	if err := c.Do(ctx, http.MethodGet, path, opts.query(offset), nil, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ListAll fetches every page. It advances by the number of items received
// (the server may cap limit) and stops when has_more is false or a page is
// empty; it does not rely on total (may be null) or pagination.next.
func ListAll[T any](ctx context.Context, c *Client, path string, opts ListOptions) ([]T, error) {
	all := []T{}
	offset := 0
	for {
		p, err := ListPage[T](ctx, c, path, opts, offset)
		if err != nil {
			return nil, err
		}
		all = append(all, p.Items...)
		if !p.HasMore || len(p.Items) == 0 {
			return all, nil
		}
		offset += len(p.Items)
	}
}
