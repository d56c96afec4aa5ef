using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.Batch;

/// <summary>
/// <see cref="Lanes256"/> (4 doubles in a <see cref="Vector256{T}"/>) with the scalar pricer's exponential and logarithm
/// (<see cref="Exponential.Exp"/> and <see cref="Math.Log(double)"/>, lane by lane) in place of .NET's vector
/// <c>Exp</c>/<c>Log</c>. Every other operation of the batch kernel is an IEEE-754 basic operation (add, multiply,
/// divide, square root, fused multiply-add: correctly rounded, hence equal lane-wise and scalar) or a select, so the
/// kernel over these lanes returns exactly what <c>BlackScholesKernel</c> returns for each option, and the same bits
/// on every run and every split of a batch (.NET's vector <c>Exp</c>/<c>Log</c> differ from the scalar routines by
/// 1–3 ulp and may change in the last bit when CoreLib's precompiled code is re-jitted mid-run).
/// </summary>
internal readonly struct Lanes256ScalarExpLog(Vector256<double> value) : ILanes<Lanes256ScalarExpLog>
{
    private readonly Vector256<double> _value = value;

    public static int Count => Vector256<double>.Count;

    public static Lanes256ScalarExpLog Zero => new(Vector256<double>.Zero);

    public static Lanes256ScalarExpLog One => new(Vector256<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Load(ReadOnlySpan<double> column, int i) =>
        new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256ScalarExpLog value, Span<double> column, int i) =>
        value._value.StoreUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog LoadMask(ReadOnlySpan<bool> flags, int i) => new(Lanes256.MaskOf(flags, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator +(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator -(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator -(Lanes256ScalarExpLog value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator *(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator /(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator &(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator ^(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog operator ~(Lanes256ScalarExpLog value) => new(~value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Sqrt(Lanes256ScalarExpLog value) => new(Vector256.Sqrt(value._value));

    /// <summary>
    /// <see cref="Exponential.Exp"/> of each lane: the same operations lane-wise (Tang's reduction with fused multiply-adds,
    /// the same table entries, the same polynomial), hence the same bits; lanes outside |x| &lt; 708 (or NaN) send the
    /// register to the scalar routine, which defers to <see cref="Math.Exp"/> there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Exp(Lanes256ScalarExpLog value)
    {
        var x = value._value;
        if (!Vector256.LessThanAll(Vector256.Abs(x), Vector256.Create(Exponential.LargestReduced)))
        {
            return ScalarExp(x);
        }

        var kd = Vector256.Round(x * Vector256.Create(Exponential.InverseLn2TimesSize));
        var r = Vector256.FusedMultiplyAdd(-kd, Vector256.Create(Exponential.Ln2OverSizeHigh), x);
        r = Vector256.FusedMultiplyAdd(-kd, Vector256.Create(Exponential.Ln2OverSizeLow), r);
        var k = Vector256.ConvertToInt64(kd);
        var j = k & Vector256.Create((long)((1 << Exponential.TableBits) - 1));
        var m = Vector256.ShiftRightArithmetic(k, Exponential.TableBits);

        var poly = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 120), Vector256.Create(1.0 / 24));
        poly = Vector256.FusedMultiplyAdd(r, poly, Vector256.Create(1.0 / 6));
        poly = Vector256.FusedMultiplyAdd(r, poly, Vector256.Create(0.5));
        var expm1 = Vector256.FusedMultiplyAdd(r * r, poly, r);

        ref double table = ref MemoryMarshal.GetArrayDataReference(Exponential.PowersOfTwo);
        var high = Vector256.Create(Unsafe.Add(ref table, 2 * (int)j.GetElement(0)), Unsafe.Add(ref table, 2 * (int)j.GetElement(1)), Unsafe.Add(ref table, 2 * (int)j.GetElement(2)), Unsafe.Add(ref table, 2 * (int)j.GetElement(3)));
        var low = Vector256.Create(Unsafe.Add(ref table, 2 * (int)j.GetElement(0) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(1) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(2) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(3) + 1));
        var mantissa = high + Vector256.FusedMultiplyAdd(high, expm1, low);
        return new(mantissa * Vector256.ShiftLeft(m + Vector256.Create(1023L), 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Lanes256ScalarExpLog ScalarExp(Vector256<double> x) =>
        new(Vector256.Create(
            Exponential.Exp(x.GetElement(0)),
            Exponential.Exp(x.GetElement(1)),
            Exponential.Exp(x.GetElement(2)),
            Exponential.Exp(x.GetElement(3))));

    /// <summary><see cref="Math.Log(double)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Log(Lanes256ScalarExpLog value) =>
        new(Vector256.Create(
            Math.Log(value._value.GetElement(0)),
            Math.Log(value._value.GetElement(1)),
            Math.Log(value._value.GetElement(2)),
            Math.Log(value._value.GetElement(3))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Abs(Lanes256ScalarExpLog value) => new(Vector256.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Min(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(Vector256.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Max(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(Vector256.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog FusedMultiplyAdd(Lanes256ScalarExpLog a, Lanes256ScalarExpLog b, Lanes256ScalarExpLog c) => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog Select(Lanes256ScalarExpLog mask, Lanes256ScalarExpLog whenTrue, Lanes256ScalarExpLog whenFalse) =>
        new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog GreaterThan(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog GreaterThanOrEqual(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(Vector256.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256ScalarExpLog LessThanOrEqual(Lanes256ScalarExpLog left, Lanes256ScalarExpLog right) => new(Vector256.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lanes256ScalarExpLog mask) => mask._value != Vector256<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bits(Lanes256ScalarExpLog mask) => (int)mask._value.ExtractMostSignificantBits();
}
