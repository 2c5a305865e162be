package phonenumber

// CapabilityBits are the capability names and their bits, for the
// acceptance tests' checks of the flags against the masks.
var CapabilityBits = capabilityBits
