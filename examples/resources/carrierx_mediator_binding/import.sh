# A binding is imported by its endpoint's SID and its own, joined by a slash.
terraform import carrierx_mediator_binding.example 0b1c2d3e-0000-4000-8000-0000000000e1/0b1c2d3e-0000-4000-8000-0000000000f1
