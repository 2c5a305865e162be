# A token is imported by its token_sid (see the carrierx_oauth_tokens data source).
# Its access_token and refresh_token are filled only if CarrierX returns them
# when the token is read; without the access_token, destroy cannot revoke it.
terraform import carrierx_oauth_token.ci 12345678-1234-4123-8123-123456789abc
