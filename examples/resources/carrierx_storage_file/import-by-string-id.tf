import {
  to = carrierx_storage_file.greeting
  id = "3c3c3c3c-0000-4111-8222-333333333333"
}
