import {
  to = carrierx_conference_did.bridge
  id = "0b1c2d3e-0000-4000-8000-0000000000e1/0b1c2d3e-0000-4000-8000-0000000000d1"
}
