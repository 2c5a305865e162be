# A container for voicemail and prompts: 200 MiB, at most 500 files, no
# executables, and new files expire after 30 days unless they say otherwise.
resource "carrierx_storage_container" "prompts" {
  name                       = "ivr-prompts"
  quota_bytes                = 209715200
  quota_files                = 500
  blocked_classifications    = ["executable"]
  default_file_lifecycle_ttl = 2592000
  string_key_1               = "ivr"
}

output "prompts_container_sid" {
  value = carrierx_storage_container.prompts.container_sid
}
