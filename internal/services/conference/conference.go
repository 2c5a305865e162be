// Package conference is the Conference API v2 of a conference_v2 endpoint:
// its account, DID groups, numbers and meeting rooms, and its call flows
// (CarrierX docs, Conference API v2). Conference v1 is legacy (CarrierX
// docs: to be deprecated) and not managed.
package conference

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

var api = client.ConferenceAPI

// properties are string settings of the meeting at one level; a key unset
// at every level takes the call flow's value (CarrierX docs, Conference
// API v2: meeting room, DID, DID group, account, call flow, in that order).
func properties(level string) schema.MapAttribute {
	return framework.EmptyStringMap("Meeting properties set at the " + level + " level, string values (for example " +
		"`conference_moh_enabled = \"off\"`); they override the lower levels (meeting room, then DID, DID group, " +
		"account, call flow, highest first). Unset means none at this level.")
}

// callFlowSID is a reference to one of the endpoint's call flows.
func callFlowSID(doc string) schema.StringAttribute {
	return framework.OptionalString(doc+" Use the `call_flow_sid` from the `carrierx_conference_call_flows` data source.",
		framework.SID{What: "call flow SID"})
}

var didGroupSID = framework.SID{What: "conference DID group SID", Hint: "Use the did_group_sid of a carrierx_conference_did_group."}

type accountModel struct {
	EndpointSID       types.String `tfsdk:"endpoint_sid"`
	AccountSID        types.String `tfsdk:"account_sid"`
	Login             types.String `tfsdk:"login"`
	Name              types.String `tfsdk:"name"`
	CallFlowSID       types.String `tfsdk:"call_flow_sid"`
	Properties        types.Map    `tfsdk:"properties"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// Account declares carrierx_conference_account.
var Account = &framework.Object[client.AppAccount, accountModel]{
	Type:       "carrierx_conference_account",
	SIDAttr:    "account_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[accountModel, client.AppAccount](api, client.AppAccountKind),
	Fields:     framework.Fields{Write: []string{"name", "call_flow_sid", "properties"}, Read: []string{"properties"}},
	Adopt: &framework.Adopt[client.AppAccount, accountModel]{
		Find: framework.TheAccount[accountModel], Defaults: map[string]any{"properties": map[string]any{}}, Singleton: true,
	},
	// A write-only value is never compared: an update sends the password
	// only when password_wo_version changes.
	Patch: func(_ context.Context, plan, state *accountModel, patch map[string]any) {
		if plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
			delete(patch, "password")
		}
	},
	Schema: schema.Schema{
		MarkdownDescription: "The account of a CarrierX conference_v2 endpoint: the default call flow and meeting " +
			"properties of all its numbers and rooms. Every such endpoint has exactly one account, made by CarrierX: " +
			"this resource configures it, and destroy clears its properties (name and call flow stay). Import with " +
			"the `endpoint_sid`.",
		Attributes: map[string]schema.Attribute{
			"endpoint_sid":        framework.EndpointSID(api, "the account"),
			"account_sid":         framework.StableString("Conference account secure ID."),
			"login":               framework.StableString("Login of the account (the endpoint's `properties.login`)."),
			"name":                framework.KeptString("Name of the account. Left out, CarrierX's is kept."),
			"call_flow_sid":       framework.KeptString("Call flow of the endpoint's numbers that have none of their own or of their DID group. Left out, CarrierX's is kept."),
			"properties":          properties("account"),
			"password_wo":         framework.WriteOnlySecret("password"),
			"password_wo_version": framework.SecretVersion("password"),
		},
	},
}

// Body sends the write-only password, when configured.
func (m *accountModel) Body(context.Context) (map[string]any, diag.Diagnostics) {
	if !framework.Known(m.PasswordWO) {
		return map[string]any{}, nil
	}
	return map[string]any{"password": m.PasswordWO.ValueString()}, nil
}

type didGroupModel struct {
	EndpointSID types.String `tfsdk:"endpoint_sid"`
	DIDGroupSID types.String `tfsdk:"did_group_sid"`
	AccountSID  types.String `tfsdk:"account_sid"`
	Name        types.String `tfsdk:"name"`
	CallFlowSID types.String `tfsdk:"call_flow_sid"`
	Properties  types.Map    `tfsdk:"properties"`
}

// DIDGroup declares carrierx_conference_did_group.
var DIDGroup = &framework.Object[client.ConferenceDIDGroup, didGroupModel]{
	Type:       "carrierx_conference_did_group",
	SIDAttr:    "did_group_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[didGroupModel, client.ConferenceDIDGroup](api, client.ConferenceDIDGroupKind),
	Fields: framework.Fields{Write: []string{"name", "call_flow_sid", "properties"}, KeepEmpty: []string{"call_flow_sid"},
		Read: []string{"properties"}},
	Schema: schema.Schema{
		MarkdownDescription: "A DID group of a CarrierX conference_v2 endpoint: numbers that share a call flow and " +
			"meeting properties. A number joins through its `carrierx_conference_did`. Import with " +
			"`<endpoint_sid>/<did_group_sid>`.",
		Attributes: map[string]schema.Attribute{
			"endpoint_sid":  framework.EndpointSID(api, "the DID group"),
			"did_group_sid": framework.StableString("Conference DID group secure ID (of the Conference API, not the Core API's)."),
			"account_sid":   framework.StableString("Conference account of the endpoint."),
			"name":          framework.KeptString("Name of the group. Left out, CarrierX's is kept."),
			"call_flow_sid": callFlowSID("Call flow of the group's numbers that have none of their own. Unset means the account's."),
			"properties":    properties("DID group"),
		},
	},
}

type didModel struct {
	framework.RoutedNumber
	CallFlowSID types.String `tfsdk:"call_flow_sid"`
	DIDGroupSID types.String `tfsdk:"did_group_sid"`
	Properties  types.Map    `tfsdk:"properties"`
}

// DID declares carrierx_conference_did.
var DID = &framework.Object[client.AppDID, didModel]{
	Type:       "carrierx_conference_did",
	SIDAttr:    "did_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[didModel, client.AppDID](api, client.AppDIDKind),
	Fields: framework.Fields{Write: []string{"call_flow_sid", "did_group_sid", "properties"},
		KeepEmpty: []string{"call_flow_sid", "did_group_sid"}, Read: []string{"properties"}},
	Adopt: &framework.Adopt[client.AppDID, didModel]{
		Find:     framework.RoutedDID[didModel],
		Lost:     framework.Unrouted,
		Defaults: map[string]any{"call_flow_sid": nil, "did_group_sid": nil, "properties": map[string]any{}},
	},
	ConfigValidators: []resource.ConfigValidator{
		// Both may be set, naming one number (framework.RoutedDID checks):
		// a generated configuration has both.
		resourcevalidator.AtLeastOneOf(path.MatchRoot("phonenumber"), path.MatchRoot("did_sid")),
	},
	Schema: schema.Schema{
		MarkdownDescription: "A number routed to a CarrierX conference_v2 endpoint, with its call flow, DID group and " +
			"meeting properties. The number is rented and routed in the Core API (`carrierx_phone_number` → " +
			"`carrierx_trunk_group` → `carrierx_trunk` → the endpoint); the Conference API lists it by itself, and this " +
			"resource configures it, found by `phonenumber` or `did_sid`. Destroy clears its settings. Import with " +
			"`<endpoint_sid>/<did_sid>`.",
		Attributes: framework.With(framework.AdoptedDIDAttributes(api), map[string]schema.Attribute{
			"call_flow_sid": callFlowSID("Call flow of calls to this number. Unset means its DID group's, else the account's."),
			"did_group_sid": framework.OptionalString("Conference DID group of the number. Unset means none.", didGroupSID),
			"properties":    properties("DID"),
		}),
	},
}

type roomModel struct {
	EndpointSID    types.String `tfsdk:"endpoint_sid"`
	MeetingRoomSID types.String `tfsdk:"meeting_room_sid"`
	AccountSID     types.String `tfsdk:"account_sid"`
	Name           types.String `tfsdk:"name"`
	DIDGroupSID    types.String `tfsdk:"did_group_sid"`
	Properties     types.Map    `tfsdk:"properties"`
	AccessCodes    types.Set    `tfsdk:"access_codes"`
}

var codeType = types.ObjectType{AttrTypes: map[string]attr.Type{"access_code": types.StringType, "role": types.StringType}}

// Fill reads the access codes.
func (m *roomModel) Fill(ctx context.Context, r *client.MeetingRoom, _ *roomModel) diag.Diagnostics {
	codes := make([]attr.Value, 0, len(r.AccessCodes))
	for _, c := range r.AccessCodes {
		codes = append(codes, types.ObjectValueMust(codeType.AttrTypes, map[string]attr.Value{
			"access_code": types.StringValue(c.AccessCode), "role": types.StringValue(c.Role)}))
	}
	var diags diag.Diagnostics
	m.AccessCodes, diags = types.SetValue(codeType, codes)
	return diags
}

// Body sends the access codes.
func (m *roomModel) Body(ctx context.Context) (map[string]any, diag.Diagnostics) {
	if !framework.Known(m.AccessCodes) {
		return map[string]any{}, nil
	}
	var in []struct {
		AccessCode string `tfsdk:"access_code"`
		Role       string `tfsdk:"role"`
	}
	diags := m.AccessCodes.ElementsAs(ctx, &in, false)
	codes := make([]client.AccessCode, 0, len(in))
	for _, c := range in {
		codes = append(codes, client.AccessCode{AccessCode: c.AccessCode, Role: c.Role})
	}
	return map[string]any{"access_codes": codes}, diags
}

// MeetingRoom declares carrierx_conference_meeting_room.
var MeetingRoom = &framework.Object[client.MeetingRoom, roomModel]{
	Type:       "carrierx_conference_meeting_room",
	SIDAttr:    "meeting_room_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[roomModel, client.MeetingRoom](api, client.MeetingRoomKind),
	Fields: framework.Fields{Write: []string{"name", "did_group_sid", "properties"}, KeepEmpty: []string{"did_group_sid"},
		Read: []string{"properties"}},
	CreateError: codeTaken,
	UpdateError: codeTaken,
	Schema: schema.Schema{
		MarkdownDescription: "A meeting room of a CarrierX conference_v2 endpoint: callers who enter one of its access " +
			"codes join it with the code's role. Access codes are unique across all rooms of the endpoint. Import with " +
			"`<endpoint_sid>/<meeting_room_sid>`.",
		Attributes: map[string]schema.Attribute{
			"endpoint_sid":     framework.EndpointSID(api, "the meeting room"),
			"meeting_room_sid": framework.StableString("Meeting room secure ID."),
			"account_sid":      framework.StableString("Conference account of the endpoint."),
			"name":             framework.KeptString("Name of the room. Left out, CarrierX's is kept."),
			"did_group_sid":    framework.OptionalString("Conference DID group the room is reached through. Unset means none.", didGroupSID),
			"properties":       properties("meeting room"),
			"access_codes": schema.SetNestedAttribute{
				MarkdownDescription: "Codes callers enter to join, each with the role it grants. Unset means none.",
				Optional:            true,
				Computed:            true,
				Default:             setdefault.StaticValue(types.SetValueMust(codeType, nil)),
				Validators:          []validator.Set{codesOnce},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"access_code": schema.StringAttribute{
						MarkdownDescription: "The code, DTMF digits (for example `112233`).",
						Required:            true,
						Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[0-9]{1,32}$`),
							"must be digits, as callers enter them on the keypad, for example 112233")},
					},
					"role": schema.StringAttribute{
						MarkdownDescription: "`host` (moderates), `participant` or `listener` (listens only).",
						Required:            true,
						Validators:          []validator.String{framework.Enum("host", "participant", "listener")},
					},
				}},
			},
		},
	},
}

// codesOnce refuses a code listed twice (with two roles): a room has each
// code once (CarrierX docs, Conference API v2, Meeting Room), and the
// API's refusal would read like a code of another room (codeTaken).
var codesOnce = framework.SetCheck{Desc: "each access code appears once",
	Check: func(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
		var codes []struct {
			AccessCode types.String `tfsdk:"access_code"`
			Role       types.String `tfsdk:"role"`
		}
		resp.Diagnostics.Append(req.ConfigValue.ElementsAs(ctx, &codes, false)...)
		seen := map[string]bool{}
		for _, c := range codes {
			code := c.AccessCode.ValueString()
			if framework.Known(c.AccessCode) && seen[code] {
				resp.Diagnostics.AddAttributeError(req.Path, "Access code listed twice", fmt.Sprintf("Access code %s is "+
					"listed more than once; a code grants one role, so list it once.", code))
			}
			seen[code] = framework.Known(c.AccessCode)
		}
	}}

// codeTaken explains an access code that another room of the endpoint
// has (CarrierX docs, Conference API v2, Meeting Room: codes are unique).
func codeTaken(_ *roomModel, err error, diags *diag.Diagnostics) bool {
	if client.StatusCode(err) < 400 || !strings.Contains(err.Error(), "access_code") {
		return false
	}
	diags.AddAttributeError(path.Root("access_codes"), "Access code already in use",
		"An access code of this room is used by another meeting room of the endpoint; access codes are unique "+
			"across all rooms of an endpoint. Choose another code, or remove it from the other room first.\n\n"+err.Error())
	return true
}

type callFlowModel struct {
	EndpointSID types.String `tfsdk:"endpoint_sid"`
	CallFlowSID types.String `tfsdk:"call_flow_sid"`
	Name        types.String `tfsdk:"name"`
	Properties  types.Map    `tfsdk:"properties"`
}

var callFlow = &framework.Object[client.ConferenceCallFlow, callFlowModel]{
	Type:       "carrierx_conference_call_flow",
	SIDAttr:    "call_flow_sid",
	Parent:     framework.EndpointAttr,
	Collection: framework.InApp[callFlowModel, client.ConferenceCallFlow](api, client.ConferenceCallFlowKind),
	Fields:     framework.Fields{Read: []string{"properties"}},
	Schema: schema.Schema{
		Attributes: map[string]schema.Attribute{
			"endpoint_sid":  framework.EndpointSID(api, "the call flow"),
			"call_flow_sid": framework.StableString("Call flow secure ID."),
			"name": framework.StableString("`secured` (callers enter a room's access code), `open` (an unknown code " +
				"opens a room), `direct_host` or `direct_participant` (no code: one shared room)."),
			"properties": schema.MapAttribute{MarkdownDescription: "The call flow's base meeting properties.",
				ElementType: types.StringType, Computed: true},
		},
	},
}

// Resources are the Conference API v2 resources.
var Resources = []func() resource.Resource{
	framework.NewResource[client.AppAccount](Account),
	framework.NewResource[client.ConferenceDIDGroup](DIDGroup),
	framework.NewResource[client.AppDID](DID),
	framework.NewResource[client.MeetingRoom](MeetingRoom),
}

// DataSources are carrierx_conference_call_flows and the singular and
// plural data sources of the DID groups, numbers and meeting rooms.
var DataSources = slices.Concat([]func() datasource.DataSource{
	framework.NewPluralDataSource[client.ConferenceCallFlow](&framework.Lookup[client.ConferenceCallFlow, callFlowModel]{
		Object: callFlow, Noun: "call flow", Nouns: "call flows", Plural: "carrierx_conference_call_flows",
		Items: "call_flows", Example: `name eq "secured"`, Parent: framework.EndpointParent[callFlowModel](api, "call flows"),
	})},
	framework.NewDataSources[client.ConferenceDIDGroup](&framework.Lookup[client.ConferenceDIDGroup, didGroupModel]{
		Object: DIDGroup, Noun: "conference DID group", Nouns: "conference DID groups", Plural: "carrierx_conference_did_groups",
		Items: "did_groups", Example: `name eq "main"`, Parent: framework.EndpointParent[didGroupModel](api, "DID groups"),
	}),
	framework.NewDataSources[client.AppDID](&framework.Lookup[client.AppDID, didModel]{
		Object: DID, Noun: "conference number", Nouns: "conference numbers", Plural: "carrierx_conference_dids",
		Items: "dids", Example: `phonenumber eq "15550002222"`, Parent: framework.EndpointParent[didModel](api, "numbers"),
	}),
	framework.NewDataSources[client.MeetingRoom](&framework.Lookup[client.MeetingRoom, roomModel]{
		Object: MeetingRoom, Noun: "meeting room", Nouns: "meeting rooms", Plural: "carrierx_conference_meeting_rooms",
		Items: "meeting_rooms", Example: `name eq "weekly"`, Parent: framework.EndpointParent[roomModel](api, "meeting rooms"),
	}),
)
