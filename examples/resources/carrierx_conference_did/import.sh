# By the endpoint's SID and the number's did_sid in the Conference API (see
# the carrierx_conference_dids data source), joined by a slash.
terraform import carrierx_conference_did.bridge 0b1c2d3e-0000-4000-8000-0000000000e1/0b1c2d3e-0000-4000-8000-0000000000d1
