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
)

// Uploads and downloads of storage files go through the transport of Do,
// with two differences: the body is multipart (rebuilt for every attempt
// from StorageFileUpload.Open) and file bytes never reach a log, only their
// sizes (at trace level).

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
	req := &request{method: method, path: path, contentType: contentType, open: open, size: size,
		logBody: fileObject, secrets: secretValues(fileObject),
		sizes: map[string]any{"upload_bytes": up.Size, "request_bytes": size}}
	return c.doJSON(ctx, req, out)
}

// storageDownload GETs path and streams a 2xx body into w. Error answers
// are parsed like Do's; a transfer that breaks off mid-body is not retried.
func (c *Client) storageDownload(ctx context.Context, path string, w io.Writer) (int64, error) {
	var n int64
	req := &request{method: http.MethodGet, path: path, sink: func(body io.Reader) error {
		var err error
		n, err = io.Copy(w, body)
		if err != nil && n > 0 {
			// A retry would write the first bytes to w again.
			return fmt.Errorf("the transfer broke off after %d bytes: %s", n, err.Error())
		}
		return err
	}}
	_, _, err := c.send(ctx, req)
	return n, err
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
