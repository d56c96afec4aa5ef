using System.Runtime.CompilerServices;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.Batch;

/// <summary>
/// The lanes <typeparamref name="TInner"/> with the scalar pricer's exponential and logarithm
/// (<see cref="Exponential.Exp"/> and <see cref="Math.Log(double)"/>, lane by lane) in place of .NET's vector
/// <c>Exp</c>/<c>Log</c>. Every other operation of the batch kernel is an IEEE-754 basic operation (add, multiply,
/// divide, square root, fused multiply-add: correctly rounded, hence equal lane-wise and scalar) or a select, so the
/// kernel over these lanes returns exactly what <c>BlackScholesKernel</c> returns for each option, and the same bits
/// on every run and every split of a batch (.NET's vector <c>Exp</c>/<c>Log</c> differ from the scalar routines by
/// 1–3 ulp and may change in the last bit when CoreLib's precompiled code is re-jitted mid-run).
/// </summary>
/// <remarks>
/// Costs the four scalar transcendental calls per option that the scalar pricer makes (about 15 ns of the ~45 ns);
/// the rest of the kernel still runs eight (or four) lanes at a time.
/// </remarks>
internal readonly struct ScalarExpLogLanes<TInner>(TInner value) : ILanes<ScalarExpLogLanes<TInner>>
    where TInner : struct, ILanes<TInner>
{
    private readonly TInner _value = value;

    public static int Count => TInner.Count;

    public static ScalarExpLogLanes<TInner> Zero => new(TInner.Zero);

    public static ScalarExpLogLanes<TInner> One => new(TInner.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Create(double value) => new(TInner.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Load(ReadOnlySpan<double> column, int i) => new(TInner.Load(column, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarExpLogLanes<TInner> value, Span<double> column, int i) => TInner.Store(value._value, column, i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> LoadMask(ReadOnlySpan<bool> flags, int i) => new(TInner.LoadMask(flags, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator +(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator -(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator -(ScalarExpLogLanes<TInner> value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator *(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator /(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator &(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator ^(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> operator ~(ScalarExpLogLanes<TInner> value) => new(~value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Sqrt(ScalarExpLogLanes<TInner> value) => new(TInner.Sqrt(value._value));

    /// <summary><see cref="Exponential.Exp"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Exp(ScalarExpLogLanes<TInner> value)
    {
        var lanes = default(LaneBuffer);
        Span<double> x = lanes;
        TInner.Store(value._value, x, 0);
        for (int j = 0; j < TInner.Count; j++)
        {
            x[j] = Exponential.Exp(x[j]);
        }

        return new(TInner.Load(x, 0));
    }

    /// <summary><see cref="Math.Log(double)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Log(ScalarExpLogLanes<TInner> value)
    {
        var lanes = default(LaneBuffer);
        Span<double> x = lanes;
        TInner.Store(value._value, x, 0);
        for (int j = 0; j < TInner.Count; j++)
        {
            x[j] = Math.Log(x[j]);
        }

        return new(TInner.Load(x, 0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Abs(ScalarExpLogLanes<TInner> value) => new(TInner.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Min(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(TInner.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Max(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(TInner.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> FusedMultiplyAdd(ScalarExpLogLanes<TInner> a, ScalarExpLogLanes<TInner> b, ScalarExpLogLanes<TInner> c) =>
        new(TInner.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> Select(ScalarExpLogLanes<TInner> mask, ScalarExpLogLanes<TInner> whenTrue, ScalarExpLogLanes<TInner> whenFalse) =>
        new(TInner.Select(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> GreaterThan(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) => new(TInner.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> GreaterThanOrEqual(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) =>
        new(TInner.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarExpLogLanes<TInner> LessThanOrEqual(ScalarExpLogLanes<TInner> left, ScalarExpLogLanes<TInner> right) =>
        new(TInner.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(ScalarExpLogLanes<TInner> mask) => TInner.Any(mask._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bits(ScalarExpLogLanes<TInner> mask) => TInner.Bits(mask._value);

    /// <summary>Room for the widest register's lanes (eight doubles) on the stack.</summary>
    [InlineArray(8)]
    private struct LaneBuffer
    {
        private double _element;
    }
}
