package emulator

import (
	"net/http"
	"strings"
)

// fieldError is one entry of the error envelope's "errors" array.
type fieldError struct {
	Field        *string `json:"field"`
	Message      string  `json:"message"`
	ReferenceSID *string `json:"reference_sid"`
}

// apiError is an error answered with the CarrierX error envelope.
type apiError struct {
	Status     int          `json:"-"`
	Message    string       `json:"message"`
	Errors     []fieldError `json:"errors"`
	RetryAfter string       `json:"-"`
}

func (e *apiError) Error() string { return e.Message }

func strPtr(s string) *string { return &s }

// newError builds an envelope whose single entry repeats the message in
// lower case, as in the documented 404 example.
func newError(status int, message string) *apiError {
	return &apiError{Status: status, Message: message,
		Errors: []fieldError{{Message: strings.ToLower(message)}}}
}

// badRequest is a 400 naming the query argument or attribute at fault.
func badRequest(field, message string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Message: "Bad Request",
		Errors: []fieldError{{Field: strPtr(field), Message: message}}}
}

// notFoundSID is the documented 404 for a SID without an item, word for
// word: no SID is echoed (CarrierX docs, Core API, Phone Numbers, Get SMS/MMS
// Messaging Information for DID). The argument only documents the call site.
func notFoundSID(_ string) *apiError {
	return &apiError{Status: http.StatusNotFound, Message: noItemMessage,
		Errors: []fieldError{{Message: noItemDetail}}}
}

// The documented 404 "no item error" envelope's texts.
const (
	noItemMessage = "no item error"
	noItemDetail  = "cannot find item by sid"
)

func routeNotFound() *apiError { return newError(http.StatusNotFound, "Not Found") }

// validation collects 422 field errors.
type validation struct{ errs []fieldError }

func (v *validation) add(field, message string) {
	v.errs = append(v.errs, fieldError{Field: strPtr(field), Message: message})
}

func (v *validation) addRef(field, message, ref string) {
	v.errs = append(v.errs, fieldError{Field: strPtr(field), Message: message, ReferenceSID: strPtr(ref)})
}

func (v *validation) err() *apiError {
	if len(v.errs) == 0 {
		return nil
	}
	return &apiError{Status: http.StatusUnprocessableEntity, Message: "object validation error", Errors: v.errs}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := jsonMarshal(v)
	if err != nil {
		b, _ = jsonMarshal(newError(http.StatusInternalServerError, "Internal Server Error"))
		status = http.StatusInternalServerError
	}
	writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.Errors == nil {
		e.Errors = []fieldError{}
	}
	if e.RetryAfter != "" {
		w.Header().Set("Retry-After", e.RetryAfter)
	}
	writeJSON(w, e.Status, e)
}
