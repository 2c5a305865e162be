resource "carrierx_storage_container" "archive" {
  name         = "archive"
  string_key_1 = "team-voice"
}

# Every container tagged for the voice team, by name.
data "carrierx_storage_containers" "voice" {
  filter     = "string_key_1 eq \"team-voice\""
  order      = "name asc"
  depends_on = [carrierx_storage_container.archive]
}

output "voice_containers" {
  value = { for c in data.carrierx_storage_containers.voice.containers : c.name => c.total_bytes }
}
