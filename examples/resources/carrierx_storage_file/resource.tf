resource "carrierx_storage_container" "media" {
  name = "media"
}

# Upload a local file: source = "${path.module}/greeting.mp3". Here the
# content is inline so the example runs anywhere. content, content_base64
# and source are write-only: only their SHA-256 (content_sha256) is kept in
# state, and a change of the bytes replaces the file.
resource "carrierx_storage_file" "greeting" {
  container_sid = carrierx_storage_container.media.container_sid
  name          = "greeting.txt"
  content       = "Thank you for calling. Please hold."
  mime_type     = "text/plain"
  lifecycle_ttl = -1
  string_key_1  = "ivr"
}

# Binary content, for example from a file: filebase64("${path.module}/logo.png").
resource "carrierx_storage_file" "pixel" {
  container_sid  = carrierx_storage_container.media.container_sid
  name           = "pixel.gif"
  content_base64 = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
}

output "greeting_url" {
  value = carrierx_storage_file.greeting.publish_uri
}
