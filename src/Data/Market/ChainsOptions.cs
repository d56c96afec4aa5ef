using System.ComponentModel.DataAnnotations;

namespace Analytics.Data.Market;

/// <summary>Validates every profile of the <c>Chains</c> section at start.</summary>
public sealed class ChainsOptions : Dictionary<string, ChainProfileOptions>, IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Count == 0)
            yield return new ValidationResult("Chains: no chain profiles are configured.");
        foreach (var (id, profile) in this)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(profile, new ValidationContext(profile), results, validateAllProperties: true);
            foreach (var r in results)
                yield return new ValidationResult($"Chains:{id}: {r.ErrorMessage}");
            if (profile.Rollup is not ("l1" or "optimistic" or "zk"))
                yield return new ValidationResult($"Chains:{id}:Rollup '{profile.Rollup}' must be l1, optimistic or zk.");
        }
    }
}
