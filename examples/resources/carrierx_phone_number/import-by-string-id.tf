import {
  to = carrierx_phone_number.main
  id = "0b1c2d3e-0000-4000-8000-000000000d1d" # or the number itself, such as "+15550100142"
}
