package client

import (
	"bytes"
	"context"
	"io"
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

// StorageFileDataPathSuffix is appended to /storage/files/{sid} to download
// the bytes ("Download Data by File SID"; the path is inferred, CarrierX docs (Storage)).
const StorageFileDataPathSuffix = "/data"

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
	for k, v := range up.Attributes {
		match[k] = v
	}
	return createWith[StorageFile](ctx, c, StorageFileKind, match, nil, func(out *StorageFile) error {
		return c.storageUpload(ctx, StorageFileKind.Path, up, out)
	})
}

// DownloadStorageFile streams the bytes of a file into w and returns how
// many were written. The bytes are never logged.
func (c *Client) DownloadStorageFile(ctx context.Context, sid string, w io.Writer) (int64, error) {
	return c.storageDownload(ctx, StorageFileKind.item(sid)+StorageFileDataPathSuffix, w)
}
