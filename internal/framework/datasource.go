package framework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierx/terraform-provider-carrierx/internal/client"
)

// Lookup declares the data sources of an Object: the singular one (one
// object by SID or by a filter that matches exactly one) and the plural
// one (every object a filter matches). Their attributes are the resource's,
// computed, with the same descriptions; Omit names the resource-only ones
// (write-only inputs, Terraform-side settings).
type Lookup[T, M any] struct {
	Object *Object[T, M]
	Noun   string // "DID group"
	Nouns  string // "DID groups"
	Plural string // "carrierx_did_groups"
	Items  string // "did_groups": the plural's list attribute
	Omit   []string
	// PluralOmit names what the plural also leaves out of each item
	// (secrets, kept out of a list of thousands); "addresses.sip_password"
	// is a nested attribute.
	PluralOmit []string
	// Example is a filter that matches one object, shown in the docs.
	Example string
	// Parent, when set, scopes both data sources to a parent object whose
	// SID the configuration gives (a trunk group's trunks).
	Parent *Parent[M]
	// Own, when set, finds the SID the singular data source reads when
	// neither the SID nor a filter is given (the partner of the provider's
	// token); OwnDoc says which object that is and what it needs.
	Own    func(ctx context.Context, c *client.Client) (string, error)
	OwnDoc string
	// Listing names what the plural lists in its error summary ("Unable to
	// list phone numbers"); Nouns when empty.
	Listing string
	// Key, when set, is one more way the singular finds its object.
	Key *Key[T]
}

// Key is an attribute by which the singular data source finds its object,
// besides the SID and the filter (a rented number by the number itself).
// The configured value is kept as written.
type Key[T any] struct {
	Attr        string // "phonenumber"
	Description string
	Validators  []validator.String
	// Find returns the object the key names. Its error may be a *Failed,
	// reported on the key's attribute under its own summary (not found).
	Find func(ctx context.Context, c *client.Client, key string) (*T, error)
}

// Parent is a configured attribute that scopes a lookup: Required ones
// address a sub-collection, optional ones narrow the list by a filter.
type Parent[M any] struct {
	Attr        string // "trunk_group_sid"
	Description string
	Required    bool
	// Model carries the parent SID into the model, so Collection finds it.
	Model func(m *M, sid string)
	// Validators check the configured attribute (framework.SID).
	Validators []validator.String
	// Noun names the parent ("trunk group") and Get reads it: with both, a
	// 404 under a required parent tells a missing parent, reported on Attr,
	// from a missing object.
	Noun string
	Get  func(ctx context.Context, c *client.Client, sid string) error
}

// DataSourceAttributes derives data-source attributes from a resource
// schema: the same names, types, descriptions and sensitivity, all
// computed, without the names in omit.
func DataSourceAttributes(s rschema.Schema, omit ...string) map[string]dschema.Attribute {
	return dsAttributes(s.Attributes, omit)
}

func dsAttributes(in map[string]rschema.Attribute, omit []string) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(in))
	for name, a := range in {
		if slices.Contains(omit, name) {
			continue
		}
		var nested []string // "name.x" omits x of the nested attribute name
		for _, o := range omit {
			if rest, ok := strings.CutPrefix(o, name+"."); ok {
				nested = append(nested, rest)
			}
		}
		if da := dsAttribute(a, nested); da != nil {
			out[name] = da
		}
	}
	return out
}

func dsAttribute(a rschema.Attribute, omit []string) dschema.Attribute {
	d, s := a.GetMarkdownDescription(), a.IsSensitive()
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, CustomType: a.CustomType}
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{MarkdownDescription: d, Sensitive: s, Computed: true, CustomType: a.CustomType}
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{MarkdownDescription: d, Sensitive: s, Computed: true, CustomType: a.CustomType}
	case rschema.NumberAttribute:
		return dschema.NumberAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, CustomType: a.CustomType}
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, CustomType: a.CustomType}
	case rschema.ListAttribute:
		return dschema.ListAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.SetAttribute:
		return dschema.SetAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.MapAttribute:
		return dschema.MapAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, ElementType: a.ElementType, CustomType: a.CustomType}
	case rschema.ObjectAttribute:
		return dschema.ObjectAttribute{MarkdownDescription: d, Sensitive: s, Computed: true, AttributeTypes: a.AttributeTypes, CustomType: a.CustomType}
	case rschema.ListNestedAttribute:
		return dschema.ListNestedAttribute{MarkdownDescription: d, Sensitive: s, Computed: true,
			NestedObject: dschema.NestedAttributeObject{Attributes: dsAttributes(a.NestedObject.Attributes, omit)}}
	case rschema.SetNestedAttribute:
		return dschema.SetNestedAttribute{MarkdownDescription: d, Sensitive: s, Computed: true,
			NestedObject: dschema.NestedAttributeObject{Attributes: dsAttributes(a.NestedObject.Attributes, omit)}}
	case rschema.MapNestedAttribute:
		return dschema.MapNestedAttribute{MarkdownDescription: d, Sensitive: s, Computed: true,
			NestedObject: dschema.NestedAttributeObject{Attributes: dsAttributes(a.NestedObject.Attributes, omit)}}
	case rschema.SingleNestedAttribute:
		return dschema.SingleNestedAttribute{MarkdownDescription: d, Sensitive: s, Computed: true,
			Attributes: dsAttributes(a.Attributes, omit)}
	case rschema.DynamicAttribute:
		return dschema.DynamicAttribute{MarkdownDescription: d, Sensitive: s, Computed: true}
	}
	panic(fmt.Sprintf("framework: no data-source form for %T", a))
}

// NewDataSources returns the constructors of the singular and the plural
// data source of l, for the provider's list.
func NewDataSources[T, M any](l *Lookup[T, M]) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource { return &singular[T, M]{lookupBase[T, M]{l: l}} },
		func() datasource.DataSource { return &plural[T, M]{lookupBase[T, M]{l: l}} },
	}
}

type lookupBase[T, M any] struct {
	l      *Lookup[T, M]
	client *client.Client
}

func (b *lookupBase[T, M]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.client = ConfiguredClient(req.ProviderData, &resp.Diagnostics)
}

// parent reads the parent attribute into a fresh model and, for an
// optional parent, returns the filter that narrows a list to it.
func (b *lookupBase[T, M]) parent(ctx context.Context, cfg tfsdk.Config, m *M, diags *diag.Diagnostics) (filter string) {
	p := b.l.Parent
	if p == nil {
		return ""
	}
	var sid types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root(p.Attr), &sid)...)
	if p.Model != nil {
		p.Model(m, sid.ValueString())
	}
	if !p.Required && Known(sid) {
		return fmt.Sprintf("%s eq %q", p.Attr, sid.ValueString())
	}
	return ""
}

func (b *lookupBase[T, M]) parentAttr(attrs map[string]dschema.Attribute) {
	if p := b.l.Parent; p != nil {
		attrs[p.Attr] = dschema.StringAttribute{MarkdownDescription: p.Description,
			Required: p.Required, Optional: !p.Required, Validators: p.Validators}
	}
}

// checksParent reports whether a 404 is checked against a required parent.
func (b *lookupBase[T, M]) checksParent() bool {
	p := b.l.Parent
	return p != nil && p.Required && p.Get != nil
}

// parentMissing reports, with an error on the parent attribute, whether the
// configured parent does not exist. Other errors of the check are ignored:
// the caller's own diagnostic says more.
func (b *lookupBase[T, M]) parentMissing(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) bool {
	p := b.l.Parent
	var sid types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root(p.Attr), &sid)...)
	if err := p.Get(ctx, b.client, sid.ValueString()); !client.IsNotFound(err) {
		return false
	}
	diags.AddAttributeError(path.Root(p.Attr), UpperFirst(p.Noun)+" not found",
		fmt.Sprintf("No %s has %s %q for this token's partner. Check the SID.", p.Noun, p.Attr, sid.ValueString()))
	return true
}

// underParent is LookupOne under a required parent: a 404 is reported on
// the parent attribute when the parent is gone, else as the object missing
// from it.
func (d *singular[T, M]) underParent(ctx context.Context, cfg tfsdk.Config, sid, filter types.String, col API[T], diags *diag.Diagnostics) *T {
	l := d.l
	if !Known(sid) {
		var found diag.Diagnostics
		obj := FindOne(ctx, col.Page, filter.ValueString(), l.Nouns, l.Plural, &found)
		if obj == nil && !d.parentMissing(ctx, cfg, diags) {
			diags.Append(found...)
		}
		return obj
	}
	obj, err := col.Get(ctx, sid.ValueString())
	switch {
	case client.IsNotFound(err):
		if !d.parentMissing(ctx, cfg, diags) {
			var parent types.String
			diags.Append(cfg.GetAttribute(ctx, path.Root(l.Parent.Attr), &parent)...)
			diags.AddAttributeError(path.Root(l.Object.SIDAttr), UpperFirst(l.Noun)+" not found",
				fmt.Sprintf("%s %q has no %s with %s %q. Check the SID.", UpperFirst(l.Parent.Noun), parent.ValueString(),
					l.Noun, l.Object.SIDAttr, sid.ValueString()))
		}
		return nil
	case err != nil:
		AddAPIError(diags, "Unable to read "+l.Noun, err)
		return nil
	}
	return obj
}

// object renders obj as the data source's attribute values.
func (b *lookupBase[T, M]) object(ctx context.Context, obj *T, m M, omit []string, diags *diag.Diagnostics) map[string]attr.Value {
	prior := m
	diags.Append(b.l.Object.fill(ctx, &m, obj, &prior)...)
	st := tfsdk.State{Schema: b.l.Object.Schema}
	diags.Append(st.Set(ctx, &m)...)
	if diags.HasError() {
		return nil
	}
	var all types.Object
	diags.Append(st.Get(ctx, &all)...)
	out := all.Attributes()
	for _, k := range omit {
		delete(out, k)
	}
	return out
}

// Derived marks a data source whose attributes are derived from its
// resource's schema and filled through the resource's model.
func (b *lookupBase[T, M]) Derived() {}

type singular[T, M any] struct{ lookupBase[T, M] }

func (d *singular[T, M]) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.l.Object.Type
}

func (d *singular[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	l := d.l
	attrs := DataSourceAttributes(l.Object.Schema, l.Omit...)
	sid := l.Object.SIDAttr
	oneOf := fmt.Sprintf("`%s` and `filter`", sid)
	if k := l.Key; k != nil {
		oneOf = fmt.Sprintf("`%s`, `%s` and `filter`", sid, k.Attr)
		attrs[k.Attr] = dschema.StringAttribute{MarkdownDescription: k.Description, Optional: true, Computed: true,
			Validators: k.Validators}
	}
	sidDoc := fmt.Sprintf("SID of the %s to read. Exactly one of %s is required.", l.Noun, oneOf)
	if l.Own != nil {
		sidDoc = fmt.Sprintf("SID of the %s to read. With neither `%s` nor `filter`, %s", l.Noun, sid, l.OwnDoc)
	}
	attrs[sid] = dschema.StringAttribute{MarkdownDescription: sidDoc, Optional: true, Computed: true}
	attrs["filter"] = dschema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("%s It must match exactly one %s, for example `%s`.", FilterDoc, l.Noun, l.Example),
		Optional:            true,
	}
	if l.Parent != nil && l.Parent.Required {
		d.parentAttr(attrs)
	}
	resp.Schema = dschema.Schema{
		MarkdownDescription: fmt.Sprintf("Reads one %s by SID, or the single %s a filter matches. %s",
			l.Noun, l.Noun, l.Object.Schema.MarkdownDescription),
		Attributes: attrs,
	}
}

func (d *singular[T, M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	one := []path.Expression{path.MatchRoot(d.l.Object.SIDAttr), path.MatchRoot("filter")}
	if k := d.l.Key; k != nil {
		one = []path.Expression{one[0], path.MatchRoot(k.Attr), one[1]}
	}
	if d.l.Own != nil {
		return []datasource.ConfigValidator{datasourcevalidator.Conflicting(one...)}
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(one...)}
}

func (d *singular[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	l := d.l
	var sid, filter types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(l.Object.SIDAttr), &sid)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("filter"), &filter)...)
	var m M
	scope := d.parent(ctx, req.Config, &m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if l.Own != nil && !Known(sid) && !Known(filter) {
		own, err := l.Own(ctx, d.client)
		if err != nil {
			AddAPIError(&resp.Diagnostics, fmt.Sprintf("Unable to find the %s of the provider's token; set %s", l.Noun, l.Object.SIDAttr), err)
			return
		}
		sid = types.StringValue(own)
	}
	col := l.Object.Collection(d.client, &m)
	find := filter
	if scope != "" && Known(filter) {
		find = types.StringValue(joinFilters(scope, filter.ValueString()))
	}
	var key types.String
	var obj *T
	if l.Key != nil {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(l.Key.Attr), &key)...)
	}
	switch {
	case Known(key):
		obj = d.byKey(ctx, key.ValueString(), &resp.Diagnostics)
	case d.checksParent():
		obj = d.underParent(ctx, req.Config, sid, filter, col, &resp.Diagnostics)
	default:
		obj = LookupOne(ctx, d.client, sid, find, OneOf[T]{SIDAttr: l.Object.SIDAttr, Noun: l.Noun, Nouns: l.Nouns, ListDS: l.Plural,
			Get: col.Get, Page: col.Page}, &resp.Diagnostics)
	}
	if obj == nil {
		return
	}
	for k, v := range d.object(ctx, obj, m, l.Omit, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(k), v)...)
	}
	if Known(key) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(l.Key.Attr), key)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("filter"), filter)...)
}

// byKey finds the object by the configured key; nil means a diagnostic was added.
func (d *singular[T, M]) byKey(ctx context.Context, key string, diags *diag.Diagnostics) *T {
	obj, err := d.l.Key.Find(ctx, d.client, key)
	var f *Failed
	switch {
	case errors.As(err, &f):
		diags.AddAttributeError(path.Root(d.l.Key.Attr), f.Summary, f.Err.Error())
	case err != nil:
		AddAPIError(diags, "Unable to look up "+d.l.Noun, err)
	case obj == nil:
		diags.AddAttributeError(path.Root(d.l.Key.Attr), UpperFirst(d.l.Noun)+" not found",
			fmt.Sprintf("No %s has %s %q.", d.l.Noun, d.l.Key.Attr, key))
	}
	if err != nil {
		return nil
	}
	return obj
}

type plural[T, M any] struct{ lookupBase[T, M] }

func (d *plural[T, M]) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.l.Plural
}

func (d *plural[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	l := d.l
	owner := "the token's partner"
	if p := l.Parent; p != nil && p.Required {
		owner = fmt.Sprintf("the %s that `%s` names", p.Noun, p.Attr)
	}
	desc := "Lists the " + l.Nouns + " of " + owner + ", every page fetched (1,000 per request)."
	if len(l.PluralOmit) > 0 {
		desc += fmt.Sprintf(" Each item leaves out %s; read them with the `%s` data source.",
			QuoteList(l.PluralOmit), l.Object.Type)
	}
	attrs := map[string]dschema.Attribute{
		"filter": dschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s For example `%s`. Unset lists all.", FilterDoc, l.Example),
			Optional:            true,
		},
		"order": dschema.StringAttribute{
			MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example `name desc`.",
			Optional:            true,
		},
		l.Items: dschema.ListNestedAttribute{
			MarkdownDescription: "The matching " + l.Nouns + ".",
			Computed:            true,
			NestedObject:        dschema.NestedAttributeObject{Attributes: d.itemAttributes()},
		},
	}
	d.parentAttr(attrs)
	resp.Schema = dschema.Schema{
		MarkdownDescription: desc,
		Attributes:          attrs,
	}
}

func (d *plural[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	l := d.l
	var filter, order types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("filter"), &filter)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("order"), &order)...)
	var m M
	scope := d.parent(ctx, req.Config, &m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	f := filter.ValueString()
	if scope != "" {
		f = joinFilters(scope, f)
	}
	objs, err := l.Object.Collection(d.client, &m).List(ctx, client.ListOptions{Filter: f, Order: order.ValueString()})
	if client.IsNotFound(err) && d.checksParent() && d.parentMissing(ctx, req.Config, &resp.Diagnostics) {
		return
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "Unable to list "+or(l.Listing, l.Nouns), err)
		return
	}
	itemAttrs := d.itemAttributes()
	itemType := types.ObjectType{AttrTypes: make(map[string]attr.Type, len(itemAttrs))}
	for k, a := range itemAttrs {
		itemType.AttrTypes[k] = a.GetType()
	}
	items := make([]attr.Value, 0, len(objs))
	for i := range objs {
		vals := d.object(ctx, &objs[i], m, l.Omit, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
		o, diags := fitObject(vals, itemType)
		resp.Diagnostics.Append(diags...)
		items = append(items, o)
	}
	list, diags := types.ListValue(itemType, items)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(l.Items), list)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("filter"), filter)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("order"), order)...)
	if p := l.Parent; p != nil {
		var sid types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(p.Attr), &sid)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(p.Attr), sid)...)
	}
}

// itemAttributes are the attributes of one item of the list.
func (d *plural[T, M]) itemAttributes() map[string]dschema.Attribute {
	return InList(DataSourceAttributes(d.l.Object.Schema, append(slices.Clone(d.l.Omit), d.l.PluralOmit...)...))
}

// InList makes attributes fit the items of a list: Terraform gives the
// elements of a list one type, so a dynamic attribute (transformations)
// becomes its JSON text there.
func InList(attrs map[string]dschema.Attribute) map[string]dschema.Attribute {
	for k, a := range attrs {
		if _, dyn := a.(dschema.DynamicAttribute); dyn {
			attrs[k] = dschema.StringAttribute{Computed: true, Sensitive: a.IsSensitive(),
				MarkdownDescription: a.GetMarkdownDescription() + " In this list, as JSON text: read it with `jsondecode()`."}
		}
	}
	return attrs
}

// JSONText is a dynamic value as JSON text, for a list item (see InList).
func JSONText(v types.Dynamic) types.String {
	if v.IsNull() || v.IsUnknown() {
		return types.StringNull()
	}
	j, err := ValueJSON(v)
	if err != nil {
		return types.StringNull()
	}
	raw, _ := json.Marshal(j)
	return types.StringValue(string(raw))
}

// fit drops from v, at any depth, the object attributes that t lacks: what
// the plural leaves out of each item; a dynamic value becomes its JSON text.
func fit(v attr.Value, t attr.Type) (attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	if dyn, ok := v.(types.Dynamic); ok && t.Equal(types.StringType) {
		return JSONText(dyn), nil
	}
	switch t := t.(type) {
	case types.ObjectType:
		o, ok := v.(types.Object)
		if !ok || o.IsNull() || o.IsUnknown() {
			return types.ObjectNull(t.AttrTypes), nil
		}
		return fitObject(o.Attributes(), t)
	case types.ListType:
		l, ok := v.(types.List)
		if !ok || l.IsNull() || l.IsUnknown() {
			return types.ListNull(t.ElemType), nil
		}
		elems := make([]attr.Value, 0, len(l.Elements()))
		for _, el := range l.Elements() {
			e, d := fit(el, t.ElemType)
			diags.Append(d...)
			elems = append(elems, e)
		}
		out, d := types.ListValue(t.ElemType, elems)
		diags.Append(d...)
		return out, diags
	}
	return v, nil
}

func fitObject(vals map[string]attr.Value, t types.ObjectType) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make(map[string]attr.Value, len(t.AttrTypes))
	for k, et := range t.AttrTypes {
		v, d := fit(vals[k], et)
		diags.Append(d...)
		out[k] = v
	}
	o, d := types.ObjectValue(t.AttrTypes, out)
	diags.Append(d...)
	return o, diags
}

func joinFilters(a, b string) string {
	if b == "" {
		return a
	}
	return a + " and " + b
}

// ListArguments are the filter and order arguments of a plural data
// source; filterExample and orderExample ("`common_name desc`") complete
// their descriptions.
func ListArguments(filterExample, orderExample string) map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"filter": dschema.StringAttribute{
			MarkdownDescription: FilterDoc + " For example " + filterExample + ". Unset lists all.",
			Optional:            true,
		},
		"order": dschema.StringAttribute{
			MarkdownDescription: "Sort order, `<attribute> asc` or `<attribute> desc`, for example " + orderExample + ".",
			Optional:            true,
		},
	}
}

// NewPluralDataSource returns the constructor of l's plural data source
// alone, for objects read only as a list (the numbers routed to an endpoint).
func NewPluralDataSource[T, M any](l *Lookup[T, M]) func() datasource.DataSource {
	return func() datasource.DataSource { return &plural[T, M]{lookupBase[T, M]{l: l}} }
}
