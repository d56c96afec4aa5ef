using Analytics.Pricing.Engines;
using Analytics.Pricing.Structures;

namespace Analytics.Pricing.Tests.Structures;

/// <summary>The template table of API.md (<c>POST /api/v1/structures/price</c>) and validation as values.</summary>
public sealed class StructureBuilderTests
{
    private const OptionRight C = OptionRight.Call;
    private const OptionRight P = OptionRight.Put;

    public static TheoryData<StructureTemplate, double[], (OptionRight, double, double)[]> Table() => new()
    {
        { StructureTemplate.CallSpread, [90, 110], [(C, 90, 1), (C, 110, -1)] },
        { StructureTemplate.PutSpread, [90, 110], [(P, 110, 1), (P, 90, -1)] },
        { StructureTemplate.Butterfly, [90, 100, 110], [(P, 90, 1), (P, 100, -2), (P, 110, 1)] },
        { StructureTemplate.IronButterfly, [90, 100, 110], [(P, 100, -1), (C, 100, -1), (P, 90, 1), (C, 110, 1)] },
        { StructureTemplate.Condor, [80, 90, 110, 120], [(P, 80, 1), (P, 90, -1), (P, 110, -1), (P, 120, 1)] },
        { StructureTemplate.IronCondor, [80, 90, 110, 120], [(P, 80, 1), (P, 90, -1), (C, 110, -1), (C, 120, 1)] },
        { StructureTemplate.Straddle, [100], [(C, 100, 1), (P, 100, 1)] },
        { StructureTemplate.Strangle, [90, 110], [(P, 90, 1), (C, 110, 1)] },
        { StructureTemplate.RiskReversal, [90, 110], [(C, 110, 1), (P, 90, -1)] },
        { StructureTemplate.Collar, [90, 110], [(C, 110, -1), (P, 90, 1)] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void FromTemplate_EveryTemplate_GivesTheLegsOfApiTable(
        StructureTemplate template, double[] strikes, (OptionRight, double, double)[] expected)
    {
        var definition = StructureBuilder.FromTemplate(template, strikes, 0.25, right: OptionRight.Put).GetValueOrThrow();

        Assert.Equal(template.ToId(), definition.Name);
        Assert.Equal(expected, definition.Legs.Select(l => (l.Right, l.Strike, l.Quantity)));
        Assert.All(definition.Legs, l => Assert.Equal(0.25, l.TenorYears));
        Assert.All(definition.Legs, l => Assert.Null(l.Volatility));
    }

    [Fact]
    public void FromTemplate_Calendar_SellsNearAndBuysFar()
    {
        var definition = StructureBuilder.FromTemplate(StructureTemplate.Calendar, [100.0], 0.25, right: C, farTenorYears: 0.5).GetValueOrThrow();

        Assert.Equal([(C, 100.0, 0.25, -1.0), (C, 100.0, 0.5, 1.0)], definition.Legs.Select(l => (l.Right, l.Strike, l.TenorYears, l.Quantity)));
        Assert.Equal(0.25, definition.FirstExpiryYears);
    }

    [Fact]
    public void FromTemplate_Diagonal_SellsNearAndBuysTheFurtherInTheMoneyFarLeg()
    {
        var calls = StructureBuilder.FromTemplate(StructureTemplate.Diagonal, [90.0, 110.0], 0.25, right: C, farTenorYears: 0.5).GetValueOrThrow();
        var puts = StructureBuilder.FromTemplate(StructureTemplate.Diagonal, [90.0, 110.0], 0.25, right: P, farTenorYears: 0.5).GetValueOrThrow();

        Assert.Equal([(C, 110.0, 0.25, -1.0), (C, 90.0, 0.5, 1.0)], calls.Legs.Select(l => (l.Right, l.Strike, l.TenorYears, l.Quantity)));
        Assert.Equal([(P, 90.0, 0.25, -1.0), (P, 110.0, 0.5, 1.0)], puts.Legs.Select(l => (l.Right, l.Strike, l.TenorYears, l.Quantity)));
        Assert.Equal("farTenorYears", Assert.Single(
            StructureBuilder.FromTemplate(StructureTemplate.Diagonal, [90.0, 110.0], 0.25, right: C).Errors).Field);
    }

    [Fact]
    public void FromTemplate_NegativeQuantity_ReversesEveryLeg()
    {
        var definition = StructureBuilder.FromTemplate(StructureTemplate.IronCondor, [80.0, 90.0, 110.0, 120.0], 0.25, quantity: -2.0).GetValueOrThrow();

        Assert.Equal([-2.0, 2.0, 2.0, -2.0], definition.Legs.Select(definition.PositionQuantity));
    }

    [Theory]
    [InlineData("call-spread", StructureTemplate.CallSpread)]
    [InlineData("IRON-CONDOR", StructureTemplate.IronCondor)]
    [InlineData("risk-reversal", StructureTemplate.RiskReversal)]
    [InlineData("diagonal", StructureTemplate.Diagonal)]
    public void TryParse_ApiIds_RoundTrip(string id, StructureTemplate expected)
    {
        Assert.True(StructureTemplates.TryParse(id, out var template));
        Assert.Equal(expected, template);
        Assert.Equal(id.ToLowerInvariant(), template.ToId());
        Assert.False(StructureTemplates.TryParse("double-diagonal", out _));
        Assert.Equal(12, StructureTemplates.AllIds.Count); // API.md's eleven and diagonal
    }

    [Theory]
    [InlineData(StructureTemplate.Butterfly, new[] { 90.0, 110.0 }, "strikes")]
    [InlineData(StructureTemplate.Butterfly, new[] { 90.0, 110.0, 100.0 }, "strikes")]
    [InlineData(StructureTemplate.CallSpread, new[] { 110.0, 90.0 }, "strikes")]
    [InlineData(StructureTemplate.Strangle, new[] { 100.0, 100.0 }, "strikes")]
    [InlineData(StructureTemplate.IronCondor, new[] { 80.0, 90.0, -110.0, 120.0 }, "strikes[2]")]
    [InlineData(StructureTemplate.Straddle, new[] { double.NaN }, "strikes[0]")]
    [InlineData(StructureTemplate.Straddle, new double[0], "strikes")]
    public void FromTemplate_BadStrikes_ReportTheField(StructureTemplate template, double[] strikes, string field)
    {
        var result = StructureBuilder.FromTemplate(template, strikes, 0.25, right: C);

        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Throws<InvalidOperationException>(result.GetValueOrThrow);
    }

    [Fact]
    public void FromTemplate_BadScalars_ReportEveryField()
    {
        var result = StructureBuilder.FromTemplate(StructureTemplate.Calendar, [100.0], -0.25, quantity: 0.0);

        Assert.Equal(["tenorYears", "quantity", "type", "farTenorYears"], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.1)]
    [InlineData(double.PositiveInfinity)]
    public void FromTemplate_CalendarFarTenorNotBeyondNear_IsRejected(double far)
    {
        var result = StructureBuilder.FromTemplate(StructureTemplate.Calendar, [100.0], 0.25, right: P, farTenorYears: far);

        var error = Assert.Single(result.Errors);
        Assert.Equal("farTenorYears", error.Field);
    }

    [Fact]
    public void FromTemplate_TypeNotNeeded_IsIgnored()
    {
        Assert.True(StructureBuilder.FromTemplate(StructureTemplate.Straddle, [100.0], 0.25).IsValid);
        Assert.False(StructureBuilder.FromTemplate(StructureTemplate.Butterfly, [90.0, 100.0, 110.0], 0.25).IsValid);
    }

    [Fact]
    public void FromLegs_ValidLegs_KeepsThemWithVolAndStyle()
    {
        StructureLeg[] legs =
        [
            new(C, 100.0, 0.25, -2.0, 0.6),
            new(P, 90.0, 0.5, 1.5, null, OptionExerciseStyle.American),
        ];

        var definition = StructureBuilder.FromLegs(legs, quantity: 3.0).GetValueOrThrow();

        Assert.Equal("custom", definition.Name);
        Assert.Null(definition.Template);
        Assert.Equal(legs, definition.Legs);
        Assert.Equal([-6.0, 4.5], definition.Legs.Select(definition.PositionQuantity));
    }

    [Fact]
    public void FromLegs_InvalidLegs_ReportIndexedFields()
    {
        StructureLeg?[] legs =
        [
            new(C, -1.0, 0.25, 1.0), // strike 0 is a limit (a call on K = 0 is the discounted forward); −1 is no option
            new(P, 90.0, double.NaN, 0.0, -0.2),
            null,
            new((OptionRight)5, 90.0, 0.5, 1.0, null, (OptionExerciseStyle)9),
        ];

        var result = StructureBuilder.FromLegs(legs, quantity: double.NaN);

        Assert.Equal(
            ["quantity", "legs[0].strike", "legs[1].tenorYears", "legs[1].quantity", "legs[1].vol", "legs[2]", "legs[3].type", "legs[3].style"],
            result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void FromLegs_NoneOrTooMany_IsRejected()
    {
        Assert.Equal("legs", Assert.Single(StructureBuilder.FromLegs([]).Errors).Field);
        Assert.Equal("legs", Assert.Single(StructureBuilder.FromLegs(null).Errors).Field);
        var many = Enumerable.Repeat<StructureLeg?>(new StructureLeg(C, 100.0, 0.25, 1.0), StructureBuilder.MaxLegs + 1).ToArray();
        Assert.Equal("legs", Assert.Single(StructureBuilder.FromLegs(many).Errors).Field);
    }
}
