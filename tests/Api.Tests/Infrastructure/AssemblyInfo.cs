// Hangfire keeps its storage in a process-wide static (JobStorage.Current): two hosts started at once would share it.
// The API tests therefore run one test class at a time; each fixture still gets its own host and database.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

// The shared PostgreSQL server stops inside the run, not in the ten seconds xunit allows the process to exit.
[assembly: Xunit.AssemblyFixture(typeof(Analytics.TestSupport.SharedPostgresTeardown))]
