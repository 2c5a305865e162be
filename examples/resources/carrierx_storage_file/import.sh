# A storage file is imported by its file_sid. The provider then downloads
# the file's data once to compute content_sha256: the next plan is empty when
# the configured source/content has the same bytes, a replacement otherwise.
terraform import carrierx_storage_file.greeting 3c3c3c3c-0000-4111-8222-333333333333
