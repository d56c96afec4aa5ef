namespace Analytics.Data.Entities;

/// <summary>
/// The scenario P&amp;L of one block of a Monte Carlo VaR run split across jobs (<c>Analytics.Data.Reports.MonteCarloBlocks</c>):
/// written once per (run, block) by the block's job; the run is combined when every block is stored.
/// </summary>
public sealed class MonteCarloBlockEntity
{
    /// <summary>The split run's id (32 lower-case hex digits).</summary>
    public required string RunId { get; set; }

    /// <summary>Block number, 0 to blocks − 1.</summary>
    public int Block { get; set; }

    /// <summary>How many blocks the run has.</summary>
    public int Blocks { get; set; }

    /// <summary>The block's seed, derived from the run's seed and <see cref="Block"/>.</summary>
    public long Seed { get; set; }

    /// <summary>The block's scenario P&amp;L in path order, little-endian IEEE 754 doubles (bit-exact).</summary>
    public required byte[] ProfitAndLoss { get; set; }

    /// <summary>When the block was stored (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>The node that computed it.</summary>
    public required string Node { get; set; }
}
