// Clusters, processes and load on a small machine: one test at a time, or they only measure contention.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
