# The account is imported by its endpoint's SID: an endpoint has one.
terraform import carrierx_conference_account.bridge 0b1c2d3e-0000-4000-8000-0000000000e1
