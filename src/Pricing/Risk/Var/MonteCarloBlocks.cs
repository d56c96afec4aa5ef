namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// One Monte Carlo VaR run cut into blocks of paths (PRODUCT.md §3.6: the path past one machine). Block b has its own
/// seed, derived from the run's seed and b by SplitMix64 (S. Vigna's seeding generator for the xoshiro family), and its own
/// share of the paths; the blocks' scenario P&amp;L, concatenated in block order, is the run's sample. Whoever computes
/// the blocks, in whatever order or on whatever thread or node, the combined sample is the same array of doubles, so VaR,
/// ES and their standard errors are bit-identical.
/// </summary>
public static class MonteCarloBlocks
{
    /// <summary>Most blocks one run may have.</summary>
    public const int MaxBlocks = 1000;

    /// <summary>The seed of block <paramref name="block"/> of a run seeded with <paramref name="runSeed"/>.</summary>
    public static int BlockSeed(int runSeed, int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        // SplitMix64 of the pair packed into one 64-bit state: distinct (seed, block) pairs give distinct states.
        ulong z = unchecked(((ulong)(uint)runSeed << 32 | (uint)block) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(uint)(z >> 32));
    }

    /// <summary>
    /// Paths of block <paramref name="block"/> of <paramref name="blocks"/>: an even share of <paramref name="paths"/>
    /// (antithetic pairs stay in one block), the last block taking the remainder.
    /// </summary>
    /// <exception cref="ArgumentException">The paths are odd or too few for two per block.</exception>
    public static int BlockPaths(int paths, int blocks, int block)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, MaxBlocks);
        if (block < 0 || block >= blocks) throw new ArgumentOutOfRangeException(nameof(block), block, $"Must be in [0, {blocks}).");
        if (paths % 2 != 0 || paths < 2 * blocks) throw new ArgumentException($"{paths} paths cannot be cut into {blocks} blocks of an even number of paths.", nameof(paths));
        int size = paths / blocks / 2 * 2;
        return block < blocks - 1 ? size : paths - size * (blocks - 1);
    }

    /// <summary>
    /// VaR, ES and their batch-means standard errors (<see cref="SimulationError.BatchMeans"/>) of the blocks' P&amp;L
    /// concatenated in block order.
    /// </summary>
    /// <param name="blocks">Each block's scenario P&amp;L, indexed by block number.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    public static (double ValueAtRisk, double ExpectedShortfall, (double ValueAtRisk, double ExpectedShortfall) StandardError, double[] ProfitAndLoss) Combine(
        IReadOnlyList<double[]> blocks, double confidence)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var pnl = blocks.SelectMany(b => b).ToArray();
        var (var, es) = HistoricalVar.FromProfitAndLoss(pnl, confidence);
        return (var, es, SimulationError.BatchMeans(pnl, confidence), pnl);
    }
}
