resource "carrierx_storage_container" "recordings" {
  name = "call-recordings"
}

# By SID...
data "carrierx_storage_container" "by_sid" {
  container_sid = carrierx_storage_container.recordings.container_sid
}

# ...or by a filter that matches exactly one container.
data "carrierx_storage_container" "by_name" {
  filter     = "name eq \"call-recordings\""
  depends_on = [carrierx_storage_container.recordings]
}

output "recordings_free_percent" {
  value = data.carrierx_storage_container.by_name.available_bytes_percent
}
