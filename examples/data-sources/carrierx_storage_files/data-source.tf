resource "carrierx_storage_container" "prompts" {
  name = "prompts"
}

resource "carrierx_storage_file" "prompt" {
  count         = 2
  container_sid = carrierx_storage_container.prompts.container_sid
  name          = "prompt-${count.index}.txt"
  content       = "Prompt number ${count.index}"
}

# The files of one container, newest name first.
data "carrierx_storage_files" "prompts" {
  container_sid = carrierx_storage_container.prompts.container_sid
  order         = "name desc"
  depends_on    = [carrierx_storage_file.prompt]
}

output "prompt_urls" {
  value = { for f in data.carrierx_storage_files.prompts.files : f.name => f.publish_uri }
}
