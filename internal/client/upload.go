package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"time"
)

// Uploads and downloads of storage files. They reuse the retry policy,
// rate limiter, error parsing and logging of Do, with two differences: the
// body is multipart (rebuilt for every attempt from StorageFileUpload.Open)
// and file bytes never reach a log, only their sizes (at trace level).

// storageUpload POSTs up as multipart/form-data and decodes the JSON answer.
func (c *Client) storageUpload(ctx context.Context, path string, up StorageFileUpload, out any) error {
	method := http.MethodPost
	if up.Open == nil {
		return fmt.Errorf("CarrierX API: %s %s: no data to upload", method, path)
	}
	attrs := up.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	fileObject, err := json.Marshal(attrs)
	if err != nil {
		return fmt.Errorf("CarrierX API: %s %s: encoding file_object: %w", method, path, err)
	}
	prefix, trailer, contentType, err := storageMultipartFrame(fileObject, up.FileName, up.MIMEType)
	if err != nil {
		return fmt.Errorf("CarrierX API: %s %s: building multipart body: %w", method, path, err)
	}
	size := int64(len(prefix)) + up.Size + int64(len(trailer))
	open := func() (io.ReadCloser, error) {
		data, err := up.Open()
		if err != nil {
			return nil, err
		}
		return storageMultiReadCloser{
			Reader: io.MultiReader(bytes.NewReader(prefix), io.LimitReader(data, up.Size+1), bytes.NewReader(trailer)),
			closer: data,
		}, nil
	}
	target := c.base + path
	for attempt := 1; ; attempt++ {
		if err := c.limiter.wait(ctx); err != nil {
			return fmt.Errorf("CarrierX API: %s %s: waiting for rate limiter: %w", method, path, err)
		}
		start := time.Now()
		res := c.storageAttempt(ctx, method, path, target, contentType, size, open, nil)
		// The debug entry and the trace entry of Do, with the file_object
		// JSON as the request body; then the sizes.
		c.logAttempt(ctx, method, path, nil, attempt, time.Since(start), fileObject, res)
		c.storageLogSizes(ctx, method, path, attempt, map[string]any{
			"upload_bytes": up.Size, "request_bytes": size, "response_bytes": len(res.body),
		})
		if res.err == nil {
			return decode(method, path, res.body, out)
		}
		if done, err := c.storageRetry(ctx, method, path, attempt, res); done {
			return err
		}
	}
}

// storageDownload GETs path and streams a 2xx body into w. Error answers
// are parsed like Do's; a transfer that breaks off mid-body is not retried.
func (c *Client) storageDownload(ctx context.Context, path string, w io.Writer) (int64, error) {
	method := http.MethodGet
	target := c.base + path
	for attempt := 1; ; attempt++ {
		if err := c.limiter.wait(ctx); err != nil {
			return 0, fmt.Errorf("CarrierX API: %s %s: waiting for rate limiter: %w", method, path, err)
		}
		start := time.Now()
		var n int64
		res := c.storageAttempt(ctx, method, path, target, "", 0, nil, func(body io.Reader) error {
			var err error
			n, err = io.Copy(w, body)
			return err
		})
		logged := res
		if res.err == nil {
			logged.body = nil // file content: never logged
		}
		c.logAttempt(ctx, method, path, nil, attempt, time.Since(start), nil, logged)
		c.storageLogSizes(ctx, method, path, attempt, map[string]any{"response_bytes": n})
		if res.err == nil {
			return n, nil
		}
		if n > 0 {
			return n, res.err
		}
		if done, err := c.storageRetry(ctx, method, path, attempt, res); done {
			return 0, err
		}
	}
}

// storageRetry applies Do's retry policy after a failed attempt: done is
// true when the caller must return err.
func (c *Client) storageRetry(ctx context.Context, method, path string, attempt int, res result) (bool, error) {
	if res.transport && ctx.Err() != nil {
		return true, fmt.Errorf("CarrierX API: %s %s: %w", method, path, ctx.Err())
	}
	if attempt > c.maxRetries || !retryable(method, res) {
		return true, res.err
	}
	if err := c.sleep(ctx, c.backoff(attempt, res.retryAfter)); err != nil {
		return true, fmt.Errorf("CarrierX API: %s %s: cancelled while waiting to retry (last error: %s): %w", method, path, res.err.Error(), err)
	}
	return false, nil
}

// storageAttempt sends one request. With open, the body comes from it;
// with sink, a 2xx body is handed to sink instead of being buffered.
func (c *Client) storageAttempt(ctx context.Context, method, path, target, contentType string, size int64,
	open func() (io.ReadCloser, error), sink func(io.Reader) error) result {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	var body io.ReadCloser
	if open != nil {
		var err error
		if body, err = open(); err != nil {
			return result{err: fmt.Errorf("CarrierX API: %s %s: reading the data to upload: %w", method, path, err)}
		}
	}
	req, err := http.NewRequestWithContext(actx, method, target, body)
	if err != nil {
		if body != nil {
			_ = body.Close()
		}
		return result{err: fmt.Errorf("CarrierX API: %s %s: building request: %w", method, path, err)}
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if sink != nil {
		req.Header.Set("Accept", "*/*")
	} else {
		req.Header.Set("Accept", "application/json")
	}
	if open != nil {
		req.ContentLength = size
		req.Header.Set("Content-Type", contentType)
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}

	var res result
	resp, err := c.hc.Do(req)
	if err == nil {
		res.status = resp.StatusCode
		if sink != nil && res.status >= 200 && res.status <= 299 {
			err = sink(resp.Body)
		} else {
			res.body, err = io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		}
		_ = resp.Body.Close()
	}
	switch {
	case err != nil:
		res.transport = true
		res.connErr = isConnError(err)
		res.err = fmt.Errorf("CarrierX API: %s %s: %w", method, path, err)
	case res.status < 200 || res.status > 299:
		e := newError(method, path, resp, []byte(c.scrub(string(res.body))), c.now())
		res.retryAfter = e.RetryAfter
		res.err = e
	}
	return res
}

func (c *Client) storageLogSizes(ctx context.Context, method, path string, attempt int, sizes map[string]any) {
	if c.log == nil {
		return
	}
	sizes["method"], sizes["path"], sizes["attempt"] = method, path, attempt
	c.log(ctx, LevelTrace, "CarrierX API transfer sizes", sizes)
}

// storageMultipartFrame renders everything of the multipart body except the
// file bytes: prefix (the file_object part and the data part's headers)
// and trailer (the closing boundary).
func storageMultipartFrame(fileObject []byte, fileName, mimeType string) (prefix, trailer []byte, contentType string, err error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	var rnd [16]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, nil, "", err
	}
	if err := w.SetBoundary("carrierx-" + hex.EncodeToString(rnd[:])); err != nil {
		return nil, nil, "", err
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file_object"`)
	h.Set("Content-Type", "application/json")
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, nil, "", err
	}
	if _, err := part.Write(fileObject); err != nil {
		return nil, nil, "", err
	}
	if fileName == "" {
		fileName = "data"
	}
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	h = textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="data"; filename="%s"`, storageQuoteEscaper.Replace(fileName)))
	h.Set("Content-Type", mimeType)
	if _, err := w.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	prefix = append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	if err := w.Close(); err != nil {
		return nil, nil, "", err
	}
	return prefix, append([]byte(nil), buf.Bytes()...), w.FormDataContentType(), nil
}

var storageQuoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", "")

// storageMultiReadCloser closes the data source of a multipart body.
type storageMultiReadCloser struct {
	io.Reader
	closer io.Closer
}

func (r storageMultiReadCloser) Close() error { return r.closer.Close() }
