using System.Collections.Immutable;
using Analytics.Pricing.Risk;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Data.Risk;

/// <summary>What the blocks of one Monte Carlo VaR run share (<see cref="VarService.PrepareMonteCarloAsync"/>).</summary>
/// <param name="Valuation">The scenario engine on the book at the as-of market.</param>
/// <param name="Underlyings">Underlyings in the covariance's order.</param>
/// <param name="DailyCovariance">Covariance of the daily log returns.</param>
/// <param name="Specification">The run's specification (paths, seed, horizon, confidence).</param>
/// <param name="Inputs">Prices, surfaces, carry and history used.</param>
public sealed record MonteCarloSetup(
    ScenarioValuation Valuation, ImmutableArray<string> Underlyings, Matrix<double> DailyCovariance, VarSpecification Specification, RiskInputs Inputs);
