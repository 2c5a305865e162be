package partner

import (
	"context"
	"fmt"
	"math/big"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierx/terraform-provider-carrierx/internal/framework"
)

// moneyType is a string attribute holding a decimal amount. CarrierX
// returns money as JSON strings ("20") whatever was sent (20, "20.00"), so
// values that are numerically equal are semantically equal and the
// written form is kept: no perpetual diff.
type moneyType struct{ basetypes.StringType }

var _ basetypes.StringTypable = moneyType{}

func (t moneyType) Equal(o attr.Type) bool {
	_, ok := o.(moneyType)
	return ok
}

func (t moneyType) String() string { return "partnerMoneyType" }

func (t moneyType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return moneyValue{StringValue: in}, nil
}

func (t moneyType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	return moneyValue{StringValue: v.(basetypes.StringValue)}, nil
}

func (t moneyType) ValueType(context.Context) attr.Value { return moneyValue{} }

// moneyValue is a value of moneyType.
type moneyValue struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = moneyValue{}

func moneyNull() moneyValue { return moneyValue{StringValue: types.StringNull()} }

func (v moneyValue) Equal(o attr.Value) bool {
	other, ok := o.(moneyValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v moneyValue) Type(context.Context) attr.Type { return moneyType{} }

func (v moneyValue) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(moneyValue)
	if !ok {
		return false, nil
	}
	return moneyEqual(v.StringValue, other.StringValue), nil
}

// moneyEqual compares two known amounts numerically.
func moneyEqual(a, b types.String) bool {
	if !framework.Known(a) || !framework.Known(b) {
		return false
	}
	x, ok1 := new(big.Rat).SetString(a.ValueString())
	y, ok2 := new(big.Rat).SetString(b.ValueString())
	if !ok1 || !ok2 {
		return a.ValueString() == b.ValueString()
	}
	return x.Cmp(y) == 0
}

var countryPattern = regexp.MustCompile(`^[A-Z]{3}$`)

var moneyPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// moneyValidator accepts a non-negative decimal (HCL numbers arrive
// as their decimal text).
var moneyValidator = framework.StringCheck{Desc: "must be a non-negative decimal amount such as 20 or \"20.50\"",
	Check: func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if !moneyPattern.MatchString(req.ConfigValue.ValueString()) {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid amount",
				fmt.Sprintf("%s %q is not an amount: write a non-negative decimal number such as 20 or \"20.50\" (no currency sign, no spaces).",
					req.Path, req.ConfigValue.ValueString()))
		}
	}}

// moneyPlan keeps the state's amount in the plan when the
// configuration says nothing (the value is CarrierX's). With afterPaymentType, an
// unconfigured amount becomes unknown when payment_type changes, since
// CarrierX may then answer another value (prepay_amount is null on
// postpay accounts).
func moneyPlan(afterPaymentType bool) framework.StringPlan {
	return framework.StringPlan{Desc: "keeps the amount in state when the configuration leaves it out",
		Modify: func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
			if req.State.Raw.IsNull() || !req.ConfigValue.IsNull() || !req.PlanValue.IsUnknown() {
				return
			}
			if afterPaymentType {
				var planPT, statePT types.String
				resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("payment_type"), &planPT)...)
				resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("payment_type"), &statePT)...)
				if !framework.Known(planPT) || !planPT.Equal(statePT) {
					return
				}
			}
			resp.PlanValue = req.StateValue
		}}
}
