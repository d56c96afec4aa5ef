namespace Analytics.Pricing.Simd;

/// <summary>
/// The lane-wise double operations the batch kernel needs, over one SIMD register, so that the kernel is written once
/// and compiled for the widest vectors the machine runs natively (<see cref="Lanes512"/> with AVX-512,
/// <see cref="Lanes256"/> with AVX2). The implementations are single-field wrappers the JIT reduces to the plain
/// vector instructions. Masks are lanes with all bits set (true) or clear (false).
/// </summary>
internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Number of doubles per register.</summary>
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf Create(double value);

    /// <summary>Elements [i, i + Count) of <paramref name="column"/> (unchecked: the caller keeps i + Count ≤ length).</summary>
    static abstract TSelf Load(ReadOnlySpan<double> column, int i);

    static abstract void Store(TSelf value, Span<double> column, int i);

    /// <summary>All-bits-set lanes where <paramref name="flags"/>[i + lane] is true.</summary>
    static abstract TSelf LoadMask(ReadOnlySpan<bool> flags, int i);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf value);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator &(TSelf left, TSelf right);

    static abstract TSelf operator ^(TSelf left, TSelf right);

    static abstract TSelf operator ~(TSelf value);

    static abstract TSelf Sqrt(TSelf value);

    static abstract TSelf Exp(TSelf value);

    static abstract TSelf Log(TSelf value);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf Min(TSelf left, TSelf right);

    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>Lanes of <paramref name="whenTrue"/> where <paramref name="mask"/> is set, else of <paramref name="whenFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    /// <summary>Whether any lane of the mask is set.</summary>
    static abstract bool Any(TSelf mask);

    /// <summary>Bit j set when lane j of the mask is set.</summary>
    static abstract int Bits(TSelf mask);
}
