import {
  to = carrierx_trunk.pbx
  id = "0b1c2d3e-0000-4000-8000-0000000000b1/0b1c2d3e-0000-4000-8000-0000000000c1"
}
