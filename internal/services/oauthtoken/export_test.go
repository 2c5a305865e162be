package oauthtoken

// The ephemeral resource's defaults, for its tests.
const (
	EphemeralDefaultName     = ephemeralDefaultName
	EphemeralDefaultLifetime = ephemeralDefaultLifetime
)

// TimeLayout is the API's timestamp format, for the tests.
const TimeLayout = timeLayout
