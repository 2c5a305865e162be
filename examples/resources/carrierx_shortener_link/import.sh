# A short link is imported by its link_sid.
terraform import carrierx_shortener_link.offer 3c3c3c3c-0000-4111-8222-333333333333
