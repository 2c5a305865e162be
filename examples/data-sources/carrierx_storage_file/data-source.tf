resource "carrierx_storage_container" "media" {
  name = "media"
}

resource "carrierx_storage_file" "greeting" {
  container_sid = carrierx_storage_container.media.container_sid
  name          = "greeting.txt"
  content       = "Thank you for calling. Please hold."
  mime_type     = "text/plain"
}

# By SID...
data "carrierx_storage_file" "by_sid" {
  file_sid = carrierx_storage_file.greeting.file_sid
}

# ...or by a filter that matches exactly one file.
data "carrierx_storage_file" "by_name" {
  filter     = "container_sid eq ${jsonencode(carrierx_storage_container.media.container_sid)} and name eq \"greeting.txt\""
  depends_on = [carrierx_storage_file.greeting]
}

output "greeting_url" {
  value = data.carrierx_storage_file.by_name.publish_uri
}
