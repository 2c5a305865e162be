# A trunk group is imported by its trunk_group_sid.
terraform import carrierx_trunk_group.main 0b1c2d3e-0000-4000-8000-0000000000b1
