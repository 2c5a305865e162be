# A storage container is imported by its container_sid.
terraform import carrierx_storage_container.prompts 3c3c3c3c-0000-4111-8222-333333333333
