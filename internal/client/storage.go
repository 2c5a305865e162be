package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
)

// StorageContainer is a storage container (CarrierX docs, Core API, Storage). Pointer
// fields are nullable in the API; unknown response fields are ignored.
type StorageContainer struct {
	ContainerSID                   string         `json:"container_sid,omitempty"`
	PartnerSID                     string         `json:"partner_sid,omitempty"`
	Name                           *string        `json:"name,omitempty"`
	AllowPublish                   *bool          `json:"allow_publish,omitempty"`
	AllowedClassifications         []string       `json:"allowed_classifications,omitempty"`
	BlockedClassifications         []string       `json:"blocked_classifications,omitempty"`
	AvailableBytesPercent          *int64         `json:"available_bytes_percent,omitempty"`
	AvailableFilesPercent          *int64         `json:"available_files_percent,omitempty"`
	DefaultFileLifecycleAction     *string        `json:"default_file_lifecycle_action,omitempty"`
	DefaultFileLifecycleTTL        *int64         `json:"default_file_lifecycle_ttl,omitempty"`
	DefaultFilePublish             *string        `json:"default_file_publish,omitempty"`
	DefaultFileThresholdInclude    *bool          `json:"default_file_threshold_include,omitempty"`
	DefaultFileUnique              *bool          `json:"default_file_unique,omitempty"`
	DurabilityClass                *string        `json:"durability_class,omitempty"`
	Encrypted                      *bool          `json:"encrypted,omitempty"`
	ExternalAttributes             map[string]any `json:"external_attributes,omitempty"`
	IntegerKey1                    *int64         `json:"integer_key_1,omitempty"`
	IntegerKey2                    *int64         `json:"integer_key_2,omitempty"`
	ParentContainerSID             *string        `json:"parent_container_sid,omitempty"`
	PublishDomain                  *string        `json:"publish_domain,omitempty"`
	QuotaBytes                     *int64         `json:"quota_bytes,omitempty"`
	QuotaFiles                     *int64         `json:"quota_files,omitempty"`
	StringKey1                     *string        `json:"string_key_1,omitempty"`
	StringKey2                     *string        `json:"string_key_2,omitempty"`
	StringKey3                     *string        `json:"string_key_3,omitempty"`
	StringKey4                     *string        `json:"string_key_4,omitempty"`
	ThresholdAction                *string        `json:"threshold_action,omitempty"`
	ThresholdAvailableBytesPercent *int64         `json:"threshold_available_bytes_percent,omitempty"`
	ThresholdAvailableFilesPercent *int64         `json:"threshold_available_files_percent,omitempty"`
	ThresholdBytes                 *int64         `json:"threshold_bytes,omitempty"`
	ThresholdBytesTarget           *int64         `json:"threshold_bytes_target,omitempty"`
	ThresholdFiles                 *int64         `json:"threshold_files,omitempty"`
	ThresholdFilesTarget           *int64         `json:"threshold_files_target,omitempty"`
	ThresholdGracePeriod           *int64         `json:"threshold_grace_period,omitempty"`
	ThresholdTotalBytes            *int64         `json:"threshold_total_bytes,omitempty"`
	ThresholdTotalFiles            *int64         `json:"threshold_total_files,omitempty"`
	TotalBytes                     *int64         `json:"total_bytes,omitempty"`
	TotalFiles                     *int64         `json:"total_files,omitempty"`
	Type                           *string        `json:"type,omitempty"`
	Unique                         *bool          `json:"unique,omitempty"`
}

// StorageFile is a stored file's metadata (CarrierX docs, Core API, Storage).
type StorageFile struct {
	FileSID                    string   `json:"file_sid,omitempty"`
	ContainerSID               string   `json:"container_sid,omitempty"`
	PartnerSID                 string   `json:"partner_sid,omitempty"`
	ContentClassification      *string  `json:"content_classification,omitempty"`
	ContentDuration            *float64 `json:"content_duration,omitempty"`
	ContentFormat              *string  `json:"content_format,omitempty"`
	ContentTranscodingProgress *int64   `json:"content_transcoding_progress,omitempty"`
	DateLastAccessed           *string  `json:"date_last_accessed,omitempty"`
	DateModified               *string  `json:"date_modified,omitempty"`
	DesiredBitrate             *int64   `json:"desired_bitrate,omitempty"`
	DesiredFormat              *string  `json:"desired_format,omitempty"`
	FileAccessName             *string  `json:"file_access_name,omitempty"`
	FileBytes                  *int64   `json:"file_bytes,omitempty"`
	IntegerKey1                *int64   `json:"integer_key_1,omitempty"`
	IntegerKey2                *int64   `json:"integer_key_2,omitempty"`
	LifecycleAction            *string  `json:"lifecycle_action,omitempty"`
	LifecycleTTL               *int64   `json:"lifecycle_ttl,omitempty"`
	MIMEType                   *string  `json:"mime_type,omitempty"`
	Name                       *string  `json:"name,omitempty"`
	ParentFileSID              *string  `json:"parent_file_sid,omitempty"`
	Publish                    *string  `json:"publish,omitempty"`
	PublishURI                 *string  `json:"publish_uri,omitempty"`
	StringKey1                 *string  `json:"string_key_1,omitempty"`
	StringKey2                 *string  `json:"string_key_2,omitempty"`
	StringKey3                 *string  `json:"string_key_3,omitempty"`
	StringKey4                 *string  `json:"string_key_4,omitempty"`
	ThresholdInclude           *bool    `json:"threshold_include,omitempty"`
	Type                       *string  `json:"type,omitempty"`
	Unique                     *bool    `json:"unique,omitempty"`
}

// StorageFileUpload is one multipart upload (POST /storage/files, 201).
// Open is called once per attempt and must yield exactly Size bytes.
type StorageFileUpload struct {
	Attributes map[string]any // the file_object part; container_sid is required by the API
	FileName   string         // filename of the data part
	MIMEType   string         // Content-Type of the data part; "" sends application/octet-stream
	Size       int64
	Open       func() (io.ReadCloser, error)
}

// NewStorageFileUploadBytes is an upload of data held in memory.
func NewStorageFileUploadBytes(attrs map[string]any, fileName, mimeType string, data []byte) StorageFileUpload {
	return StorageFileUpload{
		Attributes: attrs, FileName: fileName, MIMEType: mimeType, Size: int64(len(data)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
	}
}

// UploadStorageFile uploads a file as multipart/form-data: a file_object
// part with the attributes as JSON and a data part with the bytes.
func (c *Client) UploadStorageFile(ctx context.Context, up StorageFileUpload) (*StorageFile, error) {
	// A lost answer is looked for by what the file_object said, and the size.
	match := map[string]any{"file_bytes": up.Size}
	maps.Copy(match, up.Attributes)
	return createWith(ctx, c, StorageFileKind, match, nil, func(out *StorageFile) error {
		return c.storageUpload(ctx, StorageFileKind.Path, up, out)
	})
}

// storageUpload POSTs up as multipart/form-data, its body rebuilt for every
// attempt from up.Open, and decodes the JSON answer. The file bytes never
// reach a log, only their sizes (at trace level).
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
	prefix, trailer, contentType := storageMultipartFrame(fileObject, up.FileName, up.MIMEType)
	size := int64(len(prefix)) + up.Size + int64(len(trailer))
	open := func() (io.ReadCloser, error) {
		data, err := up.Open()
		if err != nil {
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(prefix), io.LimitReader(data, up.Size+1), bytes.NewReader(trailer)), data}, nil
	}
	req := &request{method: method, path: path, contentType: contentType, open: open, size: size,
		logBody: fileObject, secrets: secretValues(fileObject),
		sizes: map[string]any{"upload_bytes": up.Size, "request_bytes": size}}
	return c.send(ctx, req, out)
}

// storageMultipartFrame renders everything of the multipart body except the
// file bytes: prefix (the file_object part and the data part's headers)
// and trailer (the closing boundary). It writes to memory, which cannot fail.
func storageMultipartFrame(fileObject []byte, fileName, mimeType string) (prefix, trailer []byte, contentType string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, _ := w.CreatePart(textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="file_object"`},
		"Content-Type":        {"application/json"},
	})
	_, _ = part.Write(fileObject)
	if fileName == "" {
		fileName = "data"
	}
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	_, _ = w.CreatePart(textproto.MIMEHeader{
		"Content-Disposition": {fmt.Sprintf(`form-data; name="data"; filename="%s"`, storageQuoteEscaper.Replace(fileName))},
		"Content-Type":        {mimeType},
	})
	prefix = bytes.Clone(buf.Bytes())
	buf.Reset()
	_ = w.Close()
	return prefix, bytes.Clone(buf.Bytes()), w.FormDataContentType()
}

var storageQuoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", "")

// DownloadStorageFile streams the bytes of a file into w and returns how
// many were written. The bytes are never logged. Error answers are parsed
// like Do's; a transfer that breaks off mid-body is not retried. The path
// of "Download Data by File SID" is inferred (CarrierX docs, Core API, Storage).
func (c *Client) DownloadStorageFile(ctx context.Context, sid string, w io.Writer) (int64, error) {
	var n int64
	req := &request{method: http.MethodGet, path: StorageFileKind.item(sid) + "/data", sink: func(body io.Reader) error {
		var err error
		n, err = io.Copy(w, body)
		if err != nil && n > 0 {
			// A retry would write the first bytes to w again.
			return fmt.Errorf("the transfer broke off after %d bytes: %s", n, err.Error())
		}
		return err
	}}
	err := c.send(ctx, req, nil)
	return n, err
}
