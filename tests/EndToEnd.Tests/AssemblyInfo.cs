// The shared PostgreSQL server stops inside the run, not in the ten seconds xunit allows the process to exit
// (Analytics.TestSupport.SharedPostgresTeardown says why).
[assembly: Xunit.AssemblyFixture(typeof(Analytics.TestSupport.SharedPostgresTeardown))]
