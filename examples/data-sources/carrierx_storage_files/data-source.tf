resource "carrierx_storage_container" "prompts" {
  name = "prompts"
}

resource "carrierx_storage_file" "prompt" {
  count         = 2
  container_sid = carrierx_storage_container.prompts.container_sid
  name          = "prompt-${count.index}.txt"
  content       = "Prompt number ${count.index}"
}

# The prompts of one container, last name first.
data "carrierx_storage_files" "prompts" {
  container_sid = carrierx_storage_container.prompts.container_sid
  filter        = "name like \"prompt-%\""
  order         = "name desc"
  depends_on    = [carrierx_storage_file.prompt]
}

output "prompt_urls" {
  value = { for f in data.carrierx_storage_files.prompts.files : f.name => f.publish_uri }
}
