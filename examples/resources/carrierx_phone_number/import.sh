# A rented number is imported by its did_sid...
terraform import carrierx_phone_number.main 0b1c2d3e-0000-4000-8000-000000000d1d

# ...or by the number itself, with or without "+".
terraform import carrierx_phone_number.main +15550100142
