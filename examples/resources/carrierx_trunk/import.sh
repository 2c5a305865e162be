# A trunk is imported by its trunk group's SID and its own, joined by a slash.
terraform import carrierx_trunk.pbx 0b1c2d3e-0000-4000-8000-0000000000b1/0b1c2d3e-0000-4000-8000-0000000000c1
