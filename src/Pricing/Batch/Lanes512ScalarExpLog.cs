using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.Batch;

/// <summary>
/// <see cref="Lanes512"/> (8 doubles in a <see cref="Vector512{T}"/>) with the scalar pricer's exponential and logarithm
/// (<see cref="Exponential.Exp"/> and <see cref="Math.Log(double)"/>, lane by lane) in place of .NET's vector
/// <c>Exp</c>/<c>Log</c>. Every other operation of the batch kernel is an IEEE-754 basic operation (add, multiply,
/// divide, square root, fused multiply-add: correctly rounded, hence equal lane-wise and scalar) or a select, so the
/// kernel over these lanes returns exactly what <c>BlackScholesKernel</c> returns for each option, and the same bits
/// on every run and every split of a batch (.NET's vector <c>Exp</c>/<c>Log</c> differ from the scalar routines by
/// 1–3 ulp and may change in the last bit when CoreLib's precompiled code is re-jitted mid-run).
/// </summary>
internal readonly struct Lanes512ScalarExpLog(Vector512<double> value) : ILanes<Lanes512ScalarExpLog>
{
    private readonly Vector512<double> _value = value;

    public static int Count => Vector512<double>.Count;

    public static Lanes512ScalarExpLog Zero => new(Vector512<double>.Zero);

    public static Lanes512ScalarExpLog One => new(Vector512<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Load(ReadOnlySpan<double> column, int i) =>
        new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512ScalarExpLog value, Span<double> column, int i) =>
        value._value.StoreUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog LoadMask(ReadOnlySpan<bool> flags, int i) => new(Lanes512.MaskOf(flags, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator +(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator -(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator -(Lanes512ScalarExpLog value) => new(-value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator *(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator /(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator &(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator ^(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(left._value ^ right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog operator ~(Lanes512ScalarExpLog value) => new(~value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Sqrt(Lanes512ScalarExpLog value) => new(Vector512.Sqrt(value._value));

    /// <summary>
    /// <see cref="Exponential.Exp"/> of each lane: the same operations lane-wise (Tang's reduction with fused multiply-adds,
    /// the same table entries, the same polynomial), hence the same bits; lanes outside |x| &lt; 708 (or NaN) send the
    /// register to the scalar routine, which defers to <see cref="Math.Exp"/> there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Exp(Lanes512ScalarExpLog value)
    {
        var x = value._value;
        if (!Vector512.LessThanAll(Vector512.Abs(x), Vector512.Create(Exponential.LargestReduced)))
        {
            return ScalarExp(x);
        }

        var kd = Vector512.Round(x * Vector512.Create(Exponential.InverseLn2TimesSize));
        var r = Vector512.FusedMultiplyAdd(-kd, Vector512.Create(Exponential.Ln2OverSizeHigh), x);
        r = Vector512.FusedMultiplyAdd(-kd, Vector512.Create(Exponential.Ln2OverSizeLow), r);
        var k = Vector512.ConvertToInt64(kd);
        var j = k & Vector512.Create((long)((1 << Exponential.TableBits) - 1));
        var m = Vector512.ShiftRightArithmetic(k, Exponential.TableBits);

        var poly = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 120), Vector512.Create(1.0 / 24));
        poly = Vector512.FusedMultiplyAdd(r, poly, Vector512.Create(1.0 / 6));
        poly = Vector512.FusedMultiplyAdd(r, poly, Vector512.Create(0.5));
        var expm1 = Vector512.FusedMultiplyAdd(r * r, poly, r);

        ref double table = ref MemoryMarshal.GetArrayDataReference(Exponential.PowersOfTwo);
        var high = Vector512.Create(Unsafe.Add(ref table, 2 * (int)j.GetElement(0)), Unsafe.Add(ref table, 2 * (int)j.GetElement(1)), Unsafe.Add(ref table, 2 * (int)j.GetElement(2)), Unsafe.Add(ref table, 2 * (int)j.GetElement(3)), Unsafe.Add(ref table, 2 * (int)j.GetElement(4)), Unsafe.Add(ref table, 2 * (int)j.GetElement(5)), Unsafe.Add(ref table, 2 * (int)j.GetElement(6)), Unsafe.Add(ref table, 2 * (int)j.GetElement(7)));
        var low = Vector512.Create(Unsafe.Add(ref table, 2 * (int)j.GetElement(0) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(1) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(2) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(3) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(4) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(5) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(6) + 1), Unsafe.Add(ref table, 2 * (int)j.GetElement(7) + 1));
        var mantissa = high + Vector512.FusedMultiplyAdd(high, expm1, low);
        return new(mantissa * Vector512.ShiftLeft(m + Vector512.Create(1023L), 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Lanes512ScalarExpLog ScalarExp(Vector512<double> x) =>
        new(Vector512.Create(
            Exponential.Exp(x.GetElement(0)),
            Exponential.Exp(x.GetElement(1)),
            Exponential.Exp(x.GetElement(2)),
            Exponential.Exp(x.GetElement(3)),
            Exponential.Exp(x.GetElement(4)),
            Exponential.Exp(x.GetElement(5)),
            Exponential.Exp(x.GetElement(6)),
            Exponential.Exp(x.GetElement(7))));

    /// <summary><see cref="Math.Log(double)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Log(Lanes512ScalarExpLog value) =>
        new(Vector512.Create(
            Math.Log(value._value.GetElement(0)),
            Math.Log(value._value.GetElement(1)),
            Math.Log(value._value.GetElement(2)),
            Math.Log(value._value.GetElement(3)),
            Math.Log(value._value.GetElement(4)),
            Math.Log(value._value.GetElement(5)),
            Math.Log(value._value.GetElement(6)),
            Math.Log(value._value.GetElement(7))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Abs(Lanes512ScalarExpLog value) => new(Vector512.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Min(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(Vector512.Min(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Max(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(Vector512.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog FusedMultiplyAdd(Lanes512ScalarExpLog a, Lanes512ScalarExpLog b, Lanes512ScalarExpLog c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog Select(Lanes512ScalarExpLog mask, Lanes512ScalarExpLog whenTrue, Lanes512ScalarExpLog whenFalse) =>
        new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog GreaterThan(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog GreaterThanOrEqual(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(Vector512.GreaterThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512ScalarExpLog LessThanOrEqual(Lanes512ScalarExpLog left, Lanes512ScalarExpLog right) => new(Vector512.LessThanOrEqual(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lanes512ScalarExpLog mask) => mask._value != Vector512<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bits(Lanes512ScalarExpLog mask) => (int)mask._value.ExtractMostSignificantBits();
}
