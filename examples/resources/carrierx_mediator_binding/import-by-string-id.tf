import {
  to = carrierx_mediator_binding.example
  id = "0b1c2d3e-0000-4000-8000-0000000000e1/0b1c2d3e-0000-4000-8000-0000000000f1"
}
